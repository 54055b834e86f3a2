import HistoryIcon from '@mui/icons-material/History';
import type { RaRecord } from 'react-admin';
import { AuditLogList } from './AuditLogList';
import { AuditLogShow } from './AuditLogShow';

// Read only: audit rows are written by the server in the same transaction as each change.
export const auditLogs = {
  list: AuditLogList,
  show: AuditLogShow,
  icon: HistoryIcon,
  recordRepresentation: (r: RaRecord) => `#${r.id}`,
};
