import { useState } from 'react';
import LockClockIcon from '@mui/icons-material/LockClock';
import { Button, Confirm, useCanAccess, useNotify, useRecordContext, useRefresh } from 'react-admin';
import { postAction } from '../../committees/api';

/** 截止表决: closes an open vote now; the tally becomes final. */
export const CloseVoteButton = ({ onClosed }: { onClosed?: () => void }) => {
  const record = useRecordContext();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const { canAccess } = useCanAccess({ action: 'close', resource: 'votes' });
  if (!record || record.status !== 'open' || !canAccess) return null;

  const close = async () => {
    setBusy(true);
    try {
      await postAction(`/votes/${encodeURIComponent(record.id)}/close`);
      notify('表决已截止', { type: 'success' });
      setOpen(false);
      refresh();
      onClosed?.();
    } catch (e) {
      notify((e as Error).message || 'ra.notification.http_error', { type: 'error' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button label="截止表决" onClick={() => setOpen(true)} disabled={busy}>
        <LockClockIcon />
      </Button>
      <Confirm
        isOpen={open}
        loading={busy}
        title="截止表决"
        content={`确定现在截止“${record.title}”吗？截止后不能再投票，结果以此时统计为准。`}
        confirm="截止"
        onConfirm={close}
        onClose={() => setOpen(false)}
      />
    </>
  );
};
