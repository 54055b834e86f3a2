import WorkHistoryIcon from '@mui/icons-material/WorkHistory';
import type { RaRecord } from 'react-admin';
import { lazyPages } from '../common/lazyPage';

// Background jobs (issue 15): the city bureau's administrators see every job; others the jobs they started.
export const jobs = {
  ...lazyPages(() => import('./JobPages'), ['list', 'show'] as const),
  icon: WorkHistoryIcon,
  options: { label: '后台任务' },
  recordRepresentation: (r: RaRecord) => String(r.title ?? '后台任务'),
};
