import ReportIcon from '@mui/icons-material/ReportProblem';
import { FlagList } from './FlagList';

// Residents raise 纠错 flags in the mini-program; committee members and the street answer them.
export const disclosureFlags = {
  list: FlagList,
  icon: ReportIcon,
};
