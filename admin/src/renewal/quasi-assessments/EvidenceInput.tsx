import { useState } from 'react';
import { Button, Chip, Stack } from '@mui/material';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import { useInput, useNotify } from 'react-admin';
import { UPLOAD_ACCEPT } from '@baotou/shared';
import { API_BASE } from '../../dataProvider';
import { getToken } from '../../auth/session';

/** Evidence of one checklist item: files uploaded to /api/uploads (photos, PDF rosters), kept as upload ids. */
export const EvidenceInput = ({ source }: { source: string }) => {
  const { field } = useInput({ source, defaultValue: [] });
  const notify = useNotify();
  const [busy, setBusy] = useState(false);
  const ids: number[] = field.value ?? [];
  const upload = async (files: FileList | null) => {
    if (!files?.length) return;
    setBusy(true);
    try {
      const added: number[] = [];
      for (const f of Array.from(files)) {
        const res = await fetch(`${API_BASE}/uploads`, {
          method: 'POST',
          body: f,
          headers: { Authorization: `Bearer ${getToken() ?? ''}`, 'Content-Type': f.type || 'application/octet-stream' },
        });
        const body = await res.json().catch(() => ({}));
        if (!res.ok) throw new Error(body?.error?.message ?? '上传失败');
        added.push(body.id);
      }
      field.onChange([...ids, ...added]);
    } catch (e) {
      notify((e as Error).message, { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack direction="row" spacing={1} alignItems="center" sx={{ flexWrap: 'wrap' }}>
      {ids.map((id) => (
        <Chip
          key={id}
          label={`材料 ${id}`}
          component="a"
          href={`${API_BASE}/uploads/${id}`}
          clickable
          onDelete={() => field.onChange(ids.filter((x) => x !== id))}
        />
      ))}
      <Button component="label" size="small" startIcon={<UploadFileIcon />} disabled={busy}>
        {busy ? '上传中…' : '上传证明材料'}
        <input hidden type="file" multiple accept={UPLOAD_ACCEPT} onChange={(e) => upload(e.target.files)} />
      </Button>
    </Stack>
  );
};
