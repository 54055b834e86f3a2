import HomeWorkIcon from '@mui/icons-material/HomeWork';
import { lazyPages } from '../../common/lazyPage';

// The pages load when opened (console budget: admin/scripts/size.mjs); the menu needs only the icon and name.
export const quasiEnrolments = {
  ...lazyPages(() => import('./pages').then((m) => m.quasiEnrolments), ['list', 'show', 'edit', 'create']),
  icon: HomeWorkIcon,
  recordRepresentation: (r: { compoundName?: string; companyName?: string }) => `${r.compoundName ?? ''} · ${r.companyName ?? ''}`,
};
