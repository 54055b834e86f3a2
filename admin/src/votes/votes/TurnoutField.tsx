import { useRecordContext } from 'react-admin';
import { formatTurnout } from '@baotou/shared';

/** ballotCount / eligibleCount (homes), with the percentage. */
export const TurnoutField = (_props: { label?: string; sortable?: boolean }) => {
  const r = useRecordContext();
  return <span>{r ? formatTurnout(r.ballotCount, r.eligibleCount) : ''}</span>;
};
