import { Chip } from '@mui/material';
import { useRecordContext } from 'react-admin';

/** Emergency repairs must be disclosed to the owners within the set days (DOMAIN.md §3). */
export const OverdueField = (_p: { label?: string; sortable?: boolean }) => {
  const r = useRecordContext();
  if (!r || !r.emergency) return <span>—</span>;
  if (r.disclosureOverdue) return <Chip size="small" color="error" label="公示逾期" data-testid="disclosure-overdue" />;
  if (r.disclosureId) return <Chip size="small" color="success" label="已公示" />;
  if (r.disclosureDueAt) return <span>{`须于 ${new Date(r.disclosureDueAt).toLocaleDateString('zh-CN')} 前公示`}</span>;
  return <span>—</span>;
};
