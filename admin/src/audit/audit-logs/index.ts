import HistoryIcon from '@mui/icons-material/History';
import type { RaRecord } from 'react-admin';
import { lazyPage } from '../../common/lazyPage';

// Read only: audit rows are written by the server in the same transaction as each change. The pages
// load when opened: their labels of every shared code (common/codeLabels) are the whole shared package.
export const auditLogs = {
  list: lazyPage(() => import('./AuditLogList').then((m) => m.AuditLogList)),
  show: lazyPage(() => import('./AuditLogShow').then((m) => m.AuditLogShow)),
  icon: HistoryIcon,
  recordRepresentation: (r: RaRecord) => `#${r.id}`,
};
