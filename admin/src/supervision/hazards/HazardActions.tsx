import { useState } from 'react';
import { Box, Button, Stack, TextField as MuiTextField, Typography } from '@mui/material';
import { useGetIdentity, useNotify, usePermissions, useRecordContext, useRefresh } from 'react-admin';
import { PhotoUploads } from '../../common/UploadedFilesInput';
import { httpClient } from '../../dataProvider';

const INSPECTORS = ['city_admin', 'district_staff', 'street_staff', 'community_staff'];

/** The company rectifies (photos + note) or says it cannot; the inspector (or, for a patrol, a colleague) verifies. */
export const HazardActions = () => {
  const record = useRecordContext();
  const { permissions } = usePermissions();
  const { identity } = useGetIdentity();
  const notify = useNotify();
  const refresh = useRefresh();
  const [photos, setPhotos] = useState<string[]>([]);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  if (!record || record.status === 'closed') return null;

  const post = async (action: string, body: unknown, done: string) => {
    setBusy(true);
    try {
      await httpClient(`/api/hazards/${record.id}/${action}`, { method: 'POST', body: JSON.stringify(body) });
      notify(done, { type: 'success' });
      setPhotos([]);
      setNote('');
      refresh();
    } catch (e) {
      notify((e as Error).message, { type: 'error' });
    } finally {
      setBusy(false);
    }
  };

  const company = permissions === 'company_staff';
  const mayVerify = record.status === 'rectified' && String(record.rectifiedBy) !== String(identity?.id) && (INSPECTORS.includes(permissions) || (company && record.kind === 'patrol'));
  const mayRectify = company && record.status === 'open';
  if (!mayVerify && !mayRectify) return null;
  return (
    <Box sx={{ mt: 2, p: 2, border: 1, borderColor: 'divider', borderRadius: 1 }}>
      <Typography variant="h6">{mayRectify ? '提交整改' : '复查'}</Typography>
      {mayRectify && <PhotoUploads testId="rectification-photos" value={photos} onChange={setPhotos} />}
      <MuiTextField label={mayRectify ? '整改说明' : '复查意见'} value={note} onChange={(e) => setNote(e.target.value)} fullWidth multiline sx={{ my: 1 }} inputProps={{ 'data-testid': 'hazard-note' }} />
      <Stack direction="row" spacing={2}>
        {mayRectify && (
          <>
            <Button variant="contained" disabled={busy || photos.length === 0 || !note.trim()} onClick={() => post('rectify', { photos, note }, '已提交整改，等待复查')}>
              提交整改
            </Button>
            {!record.reportedAt && (
              <Button variant="outlined" color="warning" disabled={busy || !note.trim()} onClick={() => post('report', { note }, '已上报，无法自行整改')}>
                无法整改，申请上报
              </Button>
            )}
          </>
        )}
        {mayVerify && (
          <>
            <Button variant="contained" disabled={busy} onClick={() => post('verify', { decision: 'accept', note: note || null }, '复查通过，隐患已销号')}>
              复查通过
            </Button>
            <Button variant="outlined" color="error" disabled={busy || !note.trim()} onClick={() => post('verify', { decision: 'reject', note }, '复查不通过，已退回企业')}>
              复查不通过
            </Button>
          </>
        )}
      </Stack>
    </Box>
  );
};
