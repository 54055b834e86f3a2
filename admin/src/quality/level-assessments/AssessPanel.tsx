import { useState } from 'react';
import { Box, Button, Checkbox, FormControlLabel, Stack, TextField as MuiTextField, Typography } from '@mui/material';
import { PhotoUploads } from '../../common/UploadedFilesInput';
import { usePermissions, useNotify, useRecordContext, useRefresh } from 'react-admin';
import { REQUIREMENT_CATEGORY_LABELS, type RequirementCategory } from '@baotou/shared';
import { httpClient } from '../../dataProvider';

type Item = { category: RequirementCategory; text: string };

/** The district's decision: each requirement item met / not met with photos, then 认定 or 不予认定. */
export const AssessPanel = () => {
  const record = useRecordContext();
  const { permissions } = usePermissions();
  const notify = useNotify();
  const refresh = useRefresh();
  const items = (record?.levelItems ?? []) as Item[];
  const [met, setMet] = useState<boolean[]>(() => items.map(() => false));
  const [photos, setPhotos] = useState<string[][]>(() => items.map(() => []));
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  if (!record || record.status !== 'applied' || !['district_staff', 'city_admin'].includes(permissions)) return null;

  const decide = async (decision: 'accepted' | 'rejected') => {
    setBusy(true);
    try {
      const results = items.map((_, item) => ({ item, met: met[item], photos: photos[item] }));
      await httpClient(`/api/level-assessments/${record.id}/assess`, {
        method: 'POST',
        body: JSON.stringify({ decision, results, decisionNote: note || null }),
      });
      notify(decision === 'accepted' ? '已认定该等级' : '已作出不予认定', { type: 'success' });
      refresh();
    } catch (e) {
      notify((e as Error).message, { type: 'error' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Box sx={{ mt: 2, p: 2, border: 1, borderColor: 'divider', borderRadius: 1 }}>
      <Typography variant="h6">逐项评定</Typography>
      {items.map((it, i) => (
        <Stack key={i} direction="row" spacing={2} alignItems="center">
          <FormControlLabel
            control={<Checkbox checked={met[i]} onChange={(e) => setMet(met.map((m, j) => (j === i ? e.target.checked : m)))} />}
            label={`${i + 1}. 【${REQUIREMENT_CATEGORY_LABELS[it.category] ?? it.category}】${it.text}　达标`}
          />
          <PhotoUploads testId={`item-${i}-photos`} value={photos[i]} onChange={(urls) => setPhotos((all) => all.map((p, j) => (j === i ? urls : p)))} />
        </Stack>
      ))}
      <MuiTextField label="评定意见" value={note} onChange={(e) => setNote(e.target.value)} fullWidth multiline sx={{ my: 1 }} />
      <Stack direction="row" spacing={2}>
        <Button variant="contained" disabled={busy} onClick={() => decide('accepted')}>
          认定该等级
        </Button>
        <Button variant="outlined" color="error" disabled={busy} onClick={() => decide('rejected')}>
          不予认定
        </Button>
      </Stack>
    </Box>
  );
};
