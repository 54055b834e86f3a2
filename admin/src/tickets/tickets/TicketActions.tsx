import { useState } from 'react';
import { Box, Button, Chip, Dialog, DialogActions, DialogContent, DialogTitle, TextField as MuiTextField } from '@mui/material';
import { useNotify, useRecordContext, useRefresh } from 'react-admin';
import { checkTransition, ticketActorKind, type Role, type TicketAction } from '@baotou/shared';
import { httpClient } from '../../dataProvider';
import { getUser } from '../../auth/session';

type Field = { name: string; label: string; required?: boolean; multiline?: boolean };

/** What each button asks for before it posts; one-click dispatch needs only the worker. */
const FORMS: Partial<Record<TicketAction, { title: string; fields: Field[] }>> = {
  accept: { title: '受理', fields: [{ name: 'department', label: '受理部门（默认本单位）' }, { name: 'person', label: '受理人员（默认本账号）' }] },
  dispatch: { title: '一键派工', fields: [{ name: 'workerName', label: '维修人员', required: true }, { name: 'workerPhone', label: '维修人员手机号' }] },
  resolve: { title: '办理完成（提交居民评价）', fields: [{ name: 'result', label: '处理结果', required: true, multiline: true }] },
  answer: { title: '书面答复', fields: [{ name: 'answer', label: '答复内容', required: true, multiline: true }] },
  escalate: { title: '升级到上一级', fields: [{ name: 'reason', label: '升级理由', required: true, multiline: true }] },
};

const BUTTONS: { action: TicketAction; label: string; color?: 'primary' | 'success' | 'warning' | 'error' }[] = [
  { action: 'dispatch', label: '一键派工', color: 'primary' },
  { action: 'accept', label: '受理', color: 'primary' },
  { action: 'start', label: '开始处理' },
  { action: 'resolve', label: '办理完成', color: 'success' },
  { action: 'answer', label: '答复' },
  { action: 'escalate', label: '升级', color: 'warning' },
  { action: 'close', label: '结案', color: 'success' },
];

/** The buttons a staff member may press now: the shared state machine decides, the server enforces. */
export const TicketActions = () => {
  const record = useRecordContext();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState<TicketAction | null>(null);
  const [values, setValues] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const user = getUser();
  if (!record || !user) return null;
  const kind = ticketActorKind(user.role as Role, record.level, false);
  const state = { status: record.status, level: record.level, kind: record.kind, rejectedOnce: record.rejectedOnce, answer: record.answer };
  // 结案 shows once the resident has confirmed, even before the answer: the server then says an answer is needed.
  const allowed = BUTTONS.filter((b) => {
    const check = checkTransition(b.action, state, kind);
    return check.ok || (b.action === 'close' && check.code === 'ANSWER_REQUIRED');
  });
  // DOMAIN.md §6: a resolved case waits for the resident (rating, one rejection, or the automatic confirmation).
  const waiting = record.status === 'resolved' && record.autoConfirmAt
    ? `待居民评价，${new Date(record.autoConfirmAt).toLocaleString('zh-CN', { hour12: false })} 前未评价将自动确认`
    : null;

  const send = async (action: TicketAction, body: Record<string, string>) => {
    setBusy(true);
    try {
      const clean = Object.fromEntries(Object.entries(body).filter(([, v]) => v.trim() !== ''));
      await httpClient(`/api/tickets/${record.id}/${action}`, { method: 'POST', body: JSON.stringify(clean) });
      notify(`已${FORMS[action]?.title ?? BUTTONS.find((b) => b.action === action)?.label}`, { type: 'success' });
      setOpen(null);
      setValues({});
      refresh();
    } catch (e) {
      notify((e as Error).message, { type: 'error' });
    } finally {
      setBusy(false);
    }
  };

  const form = open ? FORMS[open] : undefined;
  return (
    <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }} onClick={(e) => e.stopPropagation()}>
      {waiting && <Chip size="small" color="info" label={waiting} />}
      {allowed.map((b) => (
        <Button key={b.action} size="small" variant="contained" color={b.color ?? 'inherit'} disabled={busy} onClick={() => (FORMS[b.action] ? setOpen(b.action) : send(b.action, {}))}>
          {b.label}
        </Button>
      ))}
      <Dialog open={!!form} onClose={() => setOpen(null)} fullWidth maxWidth="xs">
        <DialogTitle>{form?.title}</DialogTitle>
        <DialogContent>
          {form?.fields.map((f) => (
            <MuiTextField key={f.name} fullWidth margin="dense" label={f.label} multiline={f.multiline} minRows={f.multiline ? 3 : 1} value={values[f.name] ?? ''} onChange={(e) => setValues({ ...values, [f.name]: e.target.value })} inputProps={{ 'data-field': f.name }} />
          ))}
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(null)}>取消</Button>
          <Button variant="contained" disabled={busy || !!form?.fields.some((f) => f.required && !(values[f.name] ?? '').trim())} onClick={() => open && send(open, values)}>
            确定
          </Button>
        </DialogActions>
      </Dialog>
    </Box>
  );
};
