import { useState, type MouseEvent } from 'react';
import { Box, Button, Dialog, DialogActions, DialogContent, DialogTitle, TextField as MuiTextField } from '@mui/material';
import LinkOffIcon from '@mui/icons-material/LinkOff';
import { useCanAccess, useNotify, useRecordContext, useRefresh } from 'react-admin';
import { API_BASE, httpClient } from '../../dataProvider';

const stop = (e: MouseEvent) => e.stopPropagation();

/**
 * 解除绑定: staff end a live claim (pending or verified) with a reason the resident reads; from then
 * on the claim grants nothing (fund ledger, votes, tickets). POST /api/household-claims/:id/revoke.
 */
export const RevokeClaimButton = () => {
  const record = useRecordContext();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [reason, setReason] = useState('');
  const { canAccess } = useCanAccess({ action: 'approve', resource: 'household-claims' });
  if (!record || !['pending', 'verified'].includes(record.status) || !canAccess) return null;

  const revoke = async () => {
    const text = reason.trim();
    if (!text) return;
    setBusy(true);
    try {
      await httpClient(`${API_BASE}/household-claims/${encodeURIComponent(record.id)}/revoke`, { method: 'POST', body: JSON.stringify({ reason: text }) });
      notify('已解除绑定', { type: 'success' });
      setOpen(false);
      setReason('');
      refresh();
    } catch (e) {
      notify((e as Error).message || 'ra.notification.http_error', { type: 'error' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Box onClick={stop}>
      <Button size="small" variant="outlined" color="warning" startIcon={<LinkOffIcon />} disabled={busy} onClick={() => setOpen(true)}>
        解除绑定
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} onClick={stop} fullWidth maxWidth="xs">
        <DialogTitle>解除房屋绑定</DialogTitle>
        <DialogContent>
          <MuiTextField
            autoFocus
            fullWidth
            multiline
            minRows={2}
            margin="dense"
            label="解除理由（居民可见）"
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            helperText={reason !== '' && reason.trim() === '' ? '请填写解除理由' : ' '}
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)}>取消</Button>
          <Button color="warning" variant="contained" disabled={busy || reason.trim() === ''} onClick={revoke}>
            解除绑定
          </Button>
        </DialogActions>
      </Dialog>
    </Box>
  );
};
