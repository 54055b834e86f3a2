import AssessmentIcon from '@mui/icons-material/Assessment';
import { QualityStats } from './QualityStats';

// A page, registered as a read-only resource so it gets a menu entry and canAccess like the others.
export const qualityStats = { list: QualityStats, icon: AssessmentIcon };
