import AssessmentIcon from '@mui/icons-material/Assessment';
import { lazyPage } from '../../common/lazyPage';

// A page, registered as a read-only resource so it gets a menu entry and canAccess like the others.
export const qualityStats = { list: lazyPage(() => import('./QualityStats').then((m) => m.QualityStats)), icon: AssessmentIcon };
