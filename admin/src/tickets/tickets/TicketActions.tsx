import { useState } from 'react';
import { Box, Button, Chip, Dialog, DialogActions, DialogContent, DialogTitle, TextField as MuiTextField } from '@mui/material';
import { useNotify, useRecordContext, useRefresh } from 'react-admin';
import { MAX_TICKET_PHOTOS, UPLOAD_IMAGE_ACCEPT, checkTransition, ticketActorKind, type Role, type TicketAction } from '@baotou/shared';
import { httpClient } from '../../dataProvider';
import { getUser } from '../../auth/session';
import { AuthImage } from '../AuthImage';

type Field = { name: string; label: string; required?: boolean; multiline?: boolean };

/** What each button asks for before it posts; one-click dispatch needs only the worker. */
const FORMS: Partial<Record<TicketAction, { title: string; fields: Field[] }>> = {
  accept: {
    title: '受理',
    fields: [
      { name: 'department', label: '受理部门（默认本单位）' },
      { name: 'person', label: '受理人员（默认本账号）' },
    ],
  },
  dispatch: {
    title: '一键派工',
    fields: [
      { name: 'workerName', label: '维修人员', required: true },
      { name: 'workerPhone', label: '维修人员手机号' },
      { name: 'note', label: '备注' },
    ],
  },
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

/** The server's field messages split into those the dialog shows on a field and the rest, in words. */
function splitFieldErrors(e: unknown, fields: Field[]): { shown: Record<string, string>; rest: string | undefined } {
  const errors = ((e as { body?: { errors?: Record<string, unknown> } }).body?.errors ?? {}) as Record<string, unknown>;
  const shown: Record<string, string> = {};
  const rest: string[] = [];
  for (const [k, v] of Object.entries(errors)) {
    if (k === 'root' || typeof v !== 'string') continue;
    if (fields.some((f) => f.name === k) || k === 'photos') shown[k] = v;
    else rest.push(v);
  }
  return { shown, rest: rest.length ? rest.join('；') : undefined };
}

/** The buttons a staff member may press now: the shared state machine decides, the server enforces. */
export const TicketActions = () => {
  const record = useRecordContext();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState<TicketAction | null>(null);
  const [values, setValues] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  // The server's field messages, shown on the dialog's own fields (it used to say "请检查标红的项目" with nothing red).
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [photos, setPhotos] = useState<number[]>([]);
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
  const waiting =
    record.status === 'resolved' && record.autoConfirmAt
      ? `待居民评价，${new Date(record.autoConfirmAt).toLocaleString('zh-CN', { hour12: false })} 前未评价将自动确认`
      : null;

  const close = () => {
    setOpen(null);
    setFieldErrors({});
    setPhotos([]);
  };

  const send = async (action: TicketAction, body: Record<string, string>) => {
    setBusy(true);
    try {
      const clean: Record<string, unknown> = Object.fromEntries(Object.entries(body).filter(([, v]) => v.trim() !== ''));
      if (action === 'resolve') clean.photos = photos;
      await httpClient(`/api/tickets/${record.id}/${action}`, { method: 'POST', body: JSON.stringify(clean) });
      notify(`已${FORMS[action]?.title ?? BUTTONS.find((b) => b.action === action)?.label}`, { type: 'success' });
      close();
      setValues({});
      refresh();
    } catch (e) {
      const { shown, rest } = splitFieldErrors(e, FORMS[action]?.fields ?? []);
      setFieldErrors(shown);
      // Red on the field when the dialog has it; anything else is said in words, never "标红" with nothing red.
      notify(Object.keys(shown).length && !rest ? '请修改标红的项目' : (rest ?? (e as Error).message), { type: 'error' });
    } finally {
      setBusy(false);
    }
  };

  const upload = async (files: FileList | null) => {
    for (const file of Array.from(files ?? []).slice(0, MAX_TICKET_PHOTOS - photos.length)) {
      const data = new FormData();
      data.append('file', file);
      try {
        const { json } = await httpClient('/api/uploads', { method: 'POST', body: data });
        setPhotos((p) => [...p, (json as { id: number }).id]);
      } catch (e) {
        notify((e as Error).message, { type: 'error' });
      }
    }
  };

  const form = open ? FORMS[open] : undefined;
  return (
    <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }} onClick={(e) => e.stopPropagation()}>
      {waiting && <Chip size="small" color="info" label={waiting} />}
      {allowed.map((b) => (
        <Button
          key={b.action}
          size="small"
          variant="contained"
          color={b.color ?? 'inherit'}
          disabled={busy}
          onClick={() => (FORMS[b.action] ? setOpen(b.action) : send(b.action, {}))}
        >
          {b.label}
        </Button>
      ))}
      <Dialog open={!!form} onClose={close} fullWidth maxWidth="xs">
        <DialogTitle>{form?.title}</DialogTitle>
        <DialogContent>
          {form?.fields.map((f) => (
            <MuiTextField
              key={f.name}
              fullWidth
              margin="dense"
              label={f.label}
              multiline={f.multiline}
              minRows={f.multiline ? 3 : 1}
              value={values[f.name] ?? ''}
              error={!!fieldErrors[f.name]}
              helperText={fieldErrors[f.name]}
              onChange={(e) => {
                setValues({ ...values, [f.name]: e.target.value });
                setFieldErrors(({ [f.name]: _, ...others }) => others);
              }}
              inputProps={{ 'data-field': f.name }}
            />
          ))}
          {open === 'resolve' && (
            <Box sx={{ mt: 1 }}>
              <Box sx={{ display: 'flex', flexWrap: 'wrap' }}>
                {photos.map((id) => (
                  <AuthImage key={id} id={id} size={64} />
                ))}
              </Box>
              {photos.length < MAX_TICKET_PHOTOS && (
                <Button component="label" size="small" variant="outlined">
                  上传完工照片（{photos.length}/{MAX_TICKET_PHOTOS}）
                  <input
                    hidden
                    type="file"
                    accept={UPLOAD_IMAGE_ACCEPT}
                    multiple
                    data-testid="resolve-photos"
                    onChange={(e) => upload(e.target.files).then(() => (e.target.value = ''))}
                  />
                </Button>
              )}
              {fieldErrors.photos && <Box sx={{ color: 'error.main', fontSize: 12 }}>{fieldErrors.photos}</Box>}
            </Box>
          )}
        </DialogContent>
        <DialogActions>
          <Button onClick={close}>取消</Button>
          <Button
            variant="contained"
            disabled={busy || !!form?.fields.some((f) => f.required && !(values[f.name] ?? '').trim())}
            onClick={() => open && send(open, values)}
          >
            确定
          </Button>
        </DialogActions>
      </Dialog>
    </Box>
  );
};
