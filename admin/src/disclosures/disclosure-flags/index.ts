import ReportIcon from '@mui/icons-material/ReportProblem';
import { lazyPage } from '../../common/lazyPage';

// Residents raise 纠错 flags in the mini-program; committee members and the street answer them.
export const disclosureFlags = {
  list: lazyPage(() => import('./FlagList').then((m) => m.FlagList)),
  icon: ReportIcon,
};
