import { useState } from 'react';
import { Box, Button, Chip, Typography } from '@mui/material';
import { useInput, useNotify } from 'react-admin';
import { httpClient } from '../../dataProvider';

export type FundDocument = { name: string; url: string };
const MAX_DOCUMENTS = 20;

/**
 * Supervision and acceptance documents, uploaded (the uploads capability, as tickets and disclosures
 * use it) instead of typed URLs (issue 16 §1). Each file becomes { name, url: "/api/uploads/<id>" };
 * the server takes only the reviewer's own uploads.
 */
export const DocumentsInput = ({ source = 'documents' }: { source?: string }) => {
  const { field, fieldState } = useInput({ source, defaultValue: [] });
  const notify = useNotify();
  const [busy, setBusy] = useState(false);
  const docs: FundDocument[] = Array.isArray(field.value) ? field.value : [];

  const upload = async (files: FileList | null) => {
    setBusy(true);
    let next = docs;
    try {
      for (const file of Array.from(files ?? []).slice(0, MAX_DOCUMENTS - docs.length)) {
        const data = new FormData();
        data.append('file', file);
        const { json } = await httpClient('/api/uploads', { method: 'POST', body: data });
        next = [...next, { name: file.name.slice(0, 100), url: `/api/uploads/${(json as { id: number }).id}` }];
        field.onChange(next);
      }
    } catch (e) {
      notify((e as Error).message, { type: 'error' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Box sx={{ my: 1 }}>
      <Typography variant="body2" color="text.secondary">文件（可选，图片或PDF，每个不超过5MB）</Typography>
      <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', my: 1 }}>
        {docs.map((d, i) => (
          <Chip key={d.url} label={d.name} onDelete={() => field.onChange(docs.filter((_, j) => j !== i))} data-testid="fund-document" />
        ))}
      </Box>
      {docs.length < MAX_DOCUMENTS && (
        <Button component="label" size="small" variant="outlined" disabled={busy}>
          {busy ? '上传中…' : '上传文件'}
          <input hidden type="file" accept="image/jpeg,image/png,image/webp,application/pdf" multiple data-testid="fund-documents-file" onChange={(e) => upload(e.target.files).then(() => (e.target.value = ''))} />
        </Button>
      )}
      {fieldState.error?.message && <Typography variant="caption" color="error" display="block">{fieldState.error.message}</Typography>}
    </Box>
  );
};
