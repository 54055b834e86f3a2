import { useState, type MouseEvent } from 'react';
import { Dialog, DialogActions, DialogContent, DialogTitle, TextField as MuiTextField, Button as MuiButton } from '@mui/material';
import ReplyIcon from '@mui/icons-material/Reply';
import { Button, useCanAccess, useNotify, useRecordContext, useRefresh } from 'react-admin';
import { postAction } from '../../committees/api';
import { flagLineLabel } from '../choices';

const stop = (e: MouseEvent) => e.stopPropagation();

/** 答复 an open 纠错 flag; the answer is shown to the resident who raised it. */
export const AnswerFlagButton = (_p: { label?: string }) => {
  const record = useRecordContext();
  const notify = useNotify();
  const refresh = useRefresh();
  const { canAccess } = useCanAccess({ action: 'answer', resource: 'disclosure-flags' });
  const [open, setOpen] = useState(false);
  const [answer, setAnswer] = useState('');
  const [touched, setTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  if (!record || record.status !== 'open' || !canAccess) return null;

  const submit = async () => {
    setTouched(true);
    if (!answer.trim()) return;
    setBusy(true);
    try {
      await postAction(`/disclosure-flags/${encodeURIComponent(record.id)}/answer`, { answer: answer.trim() });
      notify('已答复', { type: 'success' });
      setOpen(false);
      refresh();
    } catch (e) {
      notify((e as Error).message || 'ra.notification.http_error', { type: 'error' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <span onClick={stop}>
      <Button label="答复" onClick={() => setOpen(true)}>
        <ReplyIcon />
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="sm">
        <DialogTitle>{`答复纠错：${flagLineLabel(record.line)}`}</DialogTitle>
        <DialogContent>
          <div style={{ marginBottom: 8 }}>{`业主意见：${record.comment ?? ''}`}</div>
          <MuiTextField
            autoFocus
            fullWidth
            multiline
            minRows={3}
            label="答复内容"
            value={answer}
            onChange={(e) => setAnswer(e.target.value)}
            error={touched && !answer.trim()}
            helperText={touched && !answer.trim() ? '请填写答复内容' : ' '}
          />
        </DialogContent>
        <DialogActions>
          <MuiButton onClick={() => setOpen(false)}>取消</MuiButton>
          <MuiButton variant="contained" disabled={busy} onClick={submit}>
            答复
          </MuiButton>
        </DialogActions>
      </Dialog>
    </span>
  );
};
