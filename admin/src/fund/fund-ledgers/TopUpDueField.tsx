import { Chip } from '@mui/material';
import { useRecordContext } from 'react-admin';

/** 需续交: the balance fell below 30% of the first deposit (DOMAIN.md §3). */
export const TopUpDueField = (_p: { label?: string; sortable?: boolean }) => {
  const r = useRecordContext();
  if (!r) return null;
  return r.topUpDue ? <Chip size="small" color="warning" label="需续交" /> : <span>—</span>;
};
