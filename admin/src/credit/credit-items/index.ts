import GavelIcon from '@mui/icons-material/Gavel';
import { lazyPages } from '../../common/lazyPage';

export const creditItems = {
  ...lazyPages(() => import('./CreditItemPages'), ['list', 'show', 'create'] as const),
  icon: GavelIcon,
  recordRepresentation: 'typeLabel',
};
