import ConstructionIcon from '@mui/icons-material/Construction';
import { lazyPages } from '../../common/lazyPage';

// The pages load when opened (console budget: admin/scripts/size.mjs); the menu needs only the icon and name.
export const renovations = {
  ...lazyPages(() => import('./pages').then((m) => m.renovations), ['list', 'show', 'edit', 'create']),
  icon: ConstructionIcon,
  recordRepresentation: 'title',
};
