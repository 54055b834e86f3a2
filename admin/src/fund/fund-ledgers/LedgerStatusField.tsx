import { Chip } from '@mui/material';
import { useRecordContext } from 'react-admin';
import { ledgerStatusLabels } from '../choices';

const COLOR = { first_deposit_owed: 'error', top_up_due: 'warning' } as const;

/** 未首次交存 / 需续交 / 正常 (shared fundLedgerStatus, DOMAIN.md §3), as the server presents it. */
export const LedgerStatusField = (_p: { label?: string; sortable?: boolean }) => {
  const r = useRecordContext();
  if (!r?.status) return null;
  const color = COLOR[r.status as keyof typeof COLOR];
  return color ? (
    <Chip size="small" color={color} label={ledgerStatusLabels[r.status]} data-testid="ledger-status" />
  ) : (
    <span>{ledgerStatusLabels[r.status]}</span>
  );
};
