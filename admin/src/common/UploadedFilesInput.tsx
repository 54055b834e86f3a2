import { useState } from 'react';
import { Box, Button, Chip, Link, Typography } from '@mui/material';
import { useInput, useNotify, ValidationError, type Validator } from 'react-admin';
import { httpClient } from '../dataProvider';
import { authHeaders } from '../auth/session';
import { UPLOAD_ACCEPT, UPLOAD_IMAGE_ACCEPT, isUploadUrl, uploadUrl, type UploadedFile } from '@baotou/shared';

export type { UploadedFile };

/** POSTs one file to the uploads capability; the URL the server then accepts as the uploader's own. */
export async function uploadFile(file: File): Promise<UploadedFile> {
  const data = new FormData();
  data.append('file', file);
  const { json } = await httpClient('/api/uploads', { method: 'POST', body: data });
  return { name: file.name.slice(0, 100), url: uploadUrl((json as { id: number }).id) };
}

/**
 * Files of a form, uploaded rather than typed (issue 16 §1, issue 12): each becomes
 * { name, url: "/api/uploads/<id>" } in `source`; the server takes only the uploader's own.
 */
export const UploadedFilesInput = ({
  source,
  label = '文件（可选，图片或PDF，每个不超过5MB）',
  max = 20,
  testId = 'uploaded-files',
  validate,
}: {
  source: string;
  label?: string;
  max?: number;
  testId?: string;
  validate?: Validator;
}) => {
  const { field, fieldState } = useInput({ source, defaultValue: [], validate });
  const notify = useNotify();
  const [busy, setBusy] = useState(false);
  const files: UploadedFile[] = Array.isArray(field.value) ? field.value : [];

  const upload = async (chosen: FileList | null) => {
    setBusy(true);
    let next = files;
    try {
      for (const file of Array.from(chosen ?? []).slice(0, max - files.length)) {
        next = [...next, await uploadFile(file)];
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
      <Typography variant="body2" color="text.secondary">
        {label}
      </Typography>
      <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', my: 1 }}>
        {files.map((d, i) => (
          <Chip key={d.url} label={d.name} onDelete={() => field.onChange(files.filter((_, j) => j !== i))} data-testid={`${testId}-item`} />
        ))}
      </Box>
      {files.length < max && (
        <Button component="label" size="small" variant="outlined" disabled={busy}>
          {busy ? '上传中…' : '上传文件'}
          <input
            hidden
            type="file"
            accept={UPLOAD_ACCEPT}
            multiple
            data-testid={`${testId}-file`}
            onChange={(e) => upload(e.target.files).then(() => (e.target.value = ''))}
          />
        </Button>
      )}
      {/* react-admin keeps a validator's message serialised ("@@react-admin@@\"…\""); ValidationError reads it as the text */}
      {fieldState.error?.message && (
        <Typography variant="caption" color="error" display="block">
          <ValidationError error={fieldState.error.message} />
        </Typography>
      )}
    </Box>
  );
};

/** Photos outside a react-admin form (a decision panel's per-item photos): a list of upload URLs. */
export const PhotoUploads = ({ value, onChange, testId, max = 10 }: { value: string[]; onChange: (urls: string[]) => void; testId: string; max?: number }) => {
  const notify = useNotify();
  const [busy, setBusy] = useState(false);
  const upload = async (chosen: FileList | null) => {
    setBusy(true);
    let next = value;
    try {
      for (const file of Array.from(chosen ?? []).slice(0, max - value.length)) {
        next = [...next, (await uploadFile(file)).url];
        onChange(next);
      }
    } catch (e) {
      notify((e as Error).message, { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
      {value.map((url, i) => (
        <Chip key={url} size="small" label={`照片${i + 1}`} onDelete={() => onChange(value.filter((u) => u !== url))} data-testid={`${testId}-item`} />
      ))}
      {value.length < max && (
        <Button component="label" size="small" variant="outlined" disabled={busy}>
          {busy ? '上传中…' : '上传照片'}
          <input
            hidden
            type="file"
            accept={UPLOAD_IMAGE_ACCEPT}
            multiple
            data-testid={`${testId}-file`}
            onChange={(e) => upload(e.target.files).then(() => (e.target.value = ''))}
          />
        </Button>
      )}
    </Box>
  );
};

/**
 * Opens an upload: the server serves it only with the bearer token, which a plain link cannot send,
 * so it is fetched and handed to the browser as a blob. Outside https links open directly.
 */
export async function openUploadedFile(f: UploadedFile): Promise<void> {
  if (!isUploadUrl(f.url)) {
    window.open(f.url, '_blank', 'noopener,noreferrer');
    return;
  }
  const res = await fetch(f.url, { headers: authHeaders() });
  if (!res.ok) throw new Error(res.status === 404 ? '文件不存在或无权查看' : '文件打开失败，请稍后重试');
  const blobUrl = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = blobUrl;
  a.download = f.name;
  a.target = '_blank';
  a.click();
  setTimeout(() => URL.revokeObjectURL(blobUrl), 60_000);
}

/** Uploaded files (and https links) as links that open with the signed-in session. */
export const UploadedFileLinks = ({ files, testId = 'uploaded-file-link' }: { files?: { name: string; url: string | null }[] | null; testId?: string }) => {
  const notify = useNotify();
  if (!files?.length) return <span>—</span>;
  return (
    <Box component="span" sx={{ display: 'inline-flex', gap: 1, flexWrap: 'wrap' }}>
      {files.map((f, i) =>
        f.url ? (
          <Link
            key={i}
            component="button"
            type="button"
            data-testid={testId}
            onClick={() => openUploadedFile({ name: f.name, url: f.url! }).catch((e: Error) => notify(e.message, { type: 'error' }))}
          >
            {f.name}
          </Link>
        ) : (
          <span key={i}>{f.name}</span>
        ),
      )}
    </Box>
  );
};
