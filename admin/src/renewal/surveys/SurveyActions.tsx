import { useState } from 'react';
import { Button, Dialog, DialogActions, DialogContent, DialogTitle, MenuItem, TextField as MuiTextField } from '@mui/material';
import { useCanAccess, useNotify, useRecordContext, useRefresh, useRedirect } from 'react-admin';
import { postAction } from '../../committees/api';
import { classificationChoices, classificationLabels } from '../surveyChoices';
import { getUser } from '../../auth/session';

/** 提交: fixes the rule's proposal; the saved version is sent so an unsaved or stale copy is refused. */
export const SubmitSurveyButton = () => {
  const record = useRecordContext();
  const notify = useNotify();
  const redirect = useRedirect();
  if (!record || record.status !== 'draft') return null;
  const submit = async () => {
    try {
      await postAction(`/renewal-surveys/${record.id}/submit`, { version: record.version });
      notify('调查已提交', { type: 'success' });
      redirect('show', 'renewal-surveys', record.id);
    } catch (e) {
      notify((e as Error).message || '提交失败', { type: 'error' });
    }
  };
  return (
    <Button variant="outlined" onClick={submit} data-testid="submit-survey">
      提交调查
    </Button>
  );
};

/** 确认分类: a district officer confirms the proposal or overrides it with a reason. */
export const ClassifyButton = () => {
  const record = useRecordContext();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const [value, setValue] = useState<string>('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const role = getUser()?.role ?? '';
  const { canAccess } = useCanAccess({ action: 'read', resource: 'renewal-surveys' });
  if (!record || !canAccess || record.status !== 'submitted' || record.classification || !['district_staff', 'city_admin'].includes(role)) return null;
  const chosen = value || record.proposedClassification;
  const override = chosen !== record.proposedClassification;
  const confirm = async () => {
    if (override && !reason.trim()) return setError('改变建议分类须说明理由');
    try {
      await postAction(`/renewal-surveys/${record.id}/classify`, { classification: chosen, reason: reason.trim() || null });
      notify(`已确认为「${classificationLabels[chosen]}」`, { type: 'success' });
      setOpen(false);
      refresh();
    } catch (e) {
      notify((e as Error).message || '确认失败', { type: 'error' });
    }
  };
  return (
    <>
      <Button variant="contained" onClick={() => setOpen(true)} data-testid="classify-survey">
        确认分类
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="xs">
        <DialogTitle>确认分类</DialogTitle>
        <DialogContent sx={{ display: 'flex', flexDirection: 'column', gap: 2, pt: '8px !important' }}>
          <MuiTextField
            select
            label="分类"
            value={chosen ?? ''}
            onChange={(e) => setValue(e.target.value)}
            helperText={`建议分类：${classificationLabels[record.proposedClassification] ?? '—'}`}
          >
            {classificationChoices.map((c) => (
              <MenuItem key={c.id} value={c.id}>
                {c.name}
              </MenuItem>
            ))}
          </MuiTextField>
          <MuiTextField
            label="理由"
            multiline
            minRows={2}
            value={reason}
            onChange={(e) => {
              setReason(e.target.value);
              setError(null);
            }}
            error={!!error}
            helperText={error ?? (override ? '改变建议分类须说明理由' : '可选')}
            inputProps={{ maxLength: 500 }}
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)}>取消</Button>
          <Button variant="contained" onClick={confirm}>
            确认
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
};
