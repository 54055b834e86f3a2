import ChecklistIcon from '@mui/icons-material/Checklist';
import { lazyPages } from '../../common/lazyPage';

// The pages load when opened (console budget: admin/scripts/size.mjs); the menu needs only the icon and name.
export const quasiStandardItems = {
  ...lazyPages(() => import('./pages').then((m) => m.quasiStandardItems), ['list', 'edit', 'create']),
  icon: ChecklistIcon,
  recordRepresentation: 'text',
};
