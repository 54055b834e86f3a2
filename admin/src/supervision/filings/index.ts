import AssignmentTurnedInIcon from '@mui/icons-material/AssignmentTurnedIn';
import NotificationImportantIcon from '@mui/icons-material/NotificationImportant';
import { lazyPages } from '../../common/lazyPage';

export const filings = {
  ...lazyPages(() => import('./FilingPages'), ['list', 'show', 'create'] as const),
  icon: AssignmentTurnedInIcon,
  recordRepresentation: 'projectName',
};
export const filingStandings = {
  ...lazyPages(() => import('./FilingStandingList'), ['list'] as const),
  icon: NotificationImportantIcon,
  recordRepresentation: 'compoundName',
};
