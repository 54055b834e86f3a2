import AssignmentTurnedInIcon from '@mui/icons-material/AssignmentTurnedIn';
import { lazyPages } from '../../common/lazyPage';

// The pages load when opened (console budget: admin/scripts/size.mjs); the menu needs only the icon and name.
export const quasiAssessments = {
  ...lazyPages(() => import('./pages').then((m) => m.quasiAssessments), ['list', 'show', 'create']),
  icon: AssignmentTurnedInIcon,
  recordRepresentation: (r: { compoundName?: string; year?: number }) => `${r.compoundName ?? ''} ${r.year ?? ''}年度考核`,
};
