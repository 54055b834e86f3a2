import { useState } from 'react';
import { Dialog, DialogActions, DialogContent, DialogTitle, TextField as MuiTextField, Button as MuiButton } from '@mui/material';
import GavelIcon from '@mui/icons-material/Gavel';
import BlockIcon from '@mui/icons-material/Block';
import { Button, useCanAccess, useNotify, useRecordContext, useRedirect, useRefresh } from 'react-admin';
import { postAction } from '../../committees/api';

// What a street may act on (DOMAIN.md §2): a committee's published decision (or minutes recording one).
const ORDERABLE = new Set(['decision', 'minutes']);
const today = () => new Date().toISOString().slice(0, 10);

type Errors = Record<string, string>;

/**
 * 责令改正 (publish an order with a due date) and 撤销 (revoke the decision, published as a
 * street_revocation). Both reach the compound's residents as disclosures.
 */
export const StreetActions = () => {
  const record = useRecordContext();
  const notify = useNotify();
  const refresh = useRefresh();
  const redirect = useRedirect();
  const { canAccess } = useCanAccess({ action: 'order', resource: 'disclosures' });
  const [dialog, setDialog] = useState<'order' | 'revoke' | null>(null);
  const [body, setBody] = useState('');
  const [dueDate, setDueDate] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);

  if (!record || !canAccess || record.status !== 'published' || !ORDERABLE.has(record.kind)) return null;

  const openDialog = (kind: 'order' | 'revoke') => {
    setBody('');
    setDueDate('');
    setErrors({});
    setDialog(kind);
  };

  const validate = (): Errors => {
    const e: Errors = {};
    if (!body.trim()) e.body = dialog === 'order' ? '请填写需改正的内容' : '请填写撤销理由';
    if (dialog === 'order') {
      if (!dueDate) e.dueDate = '请选择整改期限';
      else if (dueDate <= today()) e.dueDate = '整改期限须晚于今天';
    }
    return e;
  };

  const submit = async () => {
    const found = validate();
    setErrors(found);
    if (Object.keys(found).length) return;
    setBusy(true);
    try {
      if (dialog === 'order') {
        const draft = await postAction<{ id: number }>('/disclosures', {
          compoundId: record.compoundId,
          kind: 'street_order',
          title: `关于“${record.title}”的责令改正通知`,
          body: body.trim(),
          dueDate,
          targetId: record.id,
        });
        const published = await postAction<{ id: number }>(`/disclosures/${draft.id}/publish`);
        notify('责令改正通知已发布', { type: 'success' });
        redirect('show', 'disclosures', published?.id ?? draft.id);
      } else {
        await postAction(`/disclosures/${encodeURIComponent(record.id)}/revoke`, { reason: body.trim() });
        notify('已撤销该决定，撤销决定已向业主公开', { type: 'success' });
        refresh();
      }
      setDialog(null);
    } catch (e) {
      const fields = (e as { body?: { errors?: Errors } }).body?.errors;
      if (fields) setErrors({ body: fields.body ?? fields.reason ?? '', dueDate: fields.dueDate ?? '' });
      notify((e as Error).message || 'ra.notification.http_error', { type: 'error' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button label="责令改正" onClick={() => openDialog('order')}>
        <GavelIcon />
      </Button>
      <Button label="撤销决定" onClick={() => openDialog('revoke')} color="error">
        <BlockIcon />
      </Button>
      <Dialog open={dialog !== null} onClose={() => setDialog(null)} fullWidth maxWidth="sm">
        <DialogTitle>{dialog === 'order' ? '责令业委会限期改正' : '撤销业委会决定'}</DialogTitle>
        <DialogContent>
          <MuiTextField
            autoFocus
            fullWidth
            multiline
            minRows={3}
            margin="dense"
            label={dialog === 'order' ? '需改正的内容及依据' : '撤销理由'}
            value={body}
            onChange={(e) => setBody(e.target.value)}
            error={!!errors.body}
            helperText={errors.body || '将向小区业主公开'}
            inputProps={{ 'data-testid': 'street-action-body' }}
          />
          {dialog === 'order' && (
            <MuiTextField
              fullWidth
              margin="dense"
              type="date"
              label="整改期限"
              value={dueDate}
              onChange={(e) => setDueDate(e.target.value)}
              error={!!errors.dueDate}
              helperText={errors.dueDate || ' '}
              InputLabelProps={{ shrink: true }}
              inputProps={{ min: today(), 'data-testid': 'street-action-due' }}
            />
          )}
        </DialogContent>
        <DialogActions>
          <MuiButton onClick={() => setDialog(null)}>取消</MuiButton>
          <MuiButton variant="contained" color={dialog === 'revoke' ? 'error' : 'primary'} disabled={busy} onClick={submit}>
            {dialog === 'order' ? '发布' : '撤销并公开'}
          </MuiButton>
        </DialogActions>
      </Dialog>
    </>
  );
};
