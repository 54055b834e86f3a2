import { useState, type MouseEvent } from 'react';
import { Box, Button, Dialog, DialogActions, DialogContent, DialogTitle, TextField as MuiTextField } from '@mui/material';
import CheckIcon from '@mui/icons-material/Check';
import CloseIcon from '@mui/icons-material/Close';
import { useCanAccess, useDataProvider, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import type { AppDataProvider } from '../../dataProvider';

const stop = (e: MouseEvent) => e.stopPropagation();

/** 通过 / 驳回 for a pending claim; the reject reason is required by the server. */
export const ClaimReviewButtons = () => {
  const record = useRecordContext();
  const dataProvider = useDataProvider<AppDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const translate = useTranslate();
  const [busy, setBusy] = useState(false);
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const { canAccess } = useCanAccess({ action: 'approve', resource: 'household-claims' });

  if (!record || record.status !== 'pending' || !canAccess) return null;

  const run = async (action: () => Promise<unknown>, done: string) => {
    setBusy(true);
    try {
      await action();
      notify(done, { type: 'success' });
      setOpen(false);
      refresh();
    } catch (e) {
      notify((e as Error).message || 'ra.notification.http_error', { type: 'error' });
    } finally {
      setBusy(false);
    }
  };

  const reject = () => {
    const text = reason.trim();
    if (!text) return;
    void run(() => dataProvider.rejectClaim(record.id, text), 'app.claims.rejected');
  };

  return (
    <Box sx={{ display: 'flex', gap: 1 }} onClick={stop}>
      <Button
        size="small"
        variant="contained"
        color="success"
        startIcon={<CheckIcon />}
        disabled={busy}
        onClick={() => run(() => dataProvider.approveClaim(record.id), 'app.claims.approved')}
      >
        {translate('app.claims.approve')}
      </Button>
      <Button size="small" variant="outlined" color="error" startIcon={<CloseIcon />} disabled={busy} onClick={() => setOpen(true)}>
        {translate('app.claims.reject')}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} onClick={stop} fullWidth maxWidth="xs">
        <DialogTitle>{translate('app.claims.reject_title')}</DialogTitle>
        <DialogContent>
          <MuiTextField
            autoFocus
            fullWidth
            multiline
            minRows={2}
            margin="dense"
            label={translate('app.claims.reject_reason')}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            error={open && reason.trim() === '' && reason !== ''}
            helperText={reason !== '' && reason.trim() === '' ? translate('app.claims.reason_required') : ' '}
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)}>{translate('ra.action.cancel')}</Button>
          <Button color="error" variant="contained" disabled={busy || reason.trim() === ''} onClick={reject}>
            {translate('app.claims.reject')}
          </Button>
        </DialogActions>
      </Dialog>
    </Box>
  );
};
