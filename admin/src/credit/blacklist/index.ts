import BlockIcon from '@mui/icons-material/Block';
import { lazyPages } from '../../common/lazyPage';

export const blacklist = {
  ...lazyPages(() => import('./BlacklistPages'), ['list', 'show', 'create'] as const),
  icon: BlockIcon,
  recordRepresentation: 'companyName',
};
