import SpeedIcon from '@mui/icons-material/Speed';
import { lazyPages } from '../../common/lazyPage';

export const creditScores = { ...lazyPages(() => import('./CreditScorePages'), ['list'] as const), icon: SpeedIcon, recordRepresentation: 'companyName' };
