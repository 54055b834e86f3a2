import { useEffect, useRef, useState, type ReactNode } from 'react';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  Checkbox,
  Chip,
  FormControlLabel,
  LinearProgress,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  ToggleButton,
  ToggleButtonGroup,
  Typography,
} from '@mui/material';
import DownloadIcon from '@mui/icons-material/Download';
import UploadIcon from '@mui/icons-material/Upload';
import { Title, useNotify } from 'react-admin';
import { downloadFile, getJson, postJson, uploadSheet, type ImportPreview } from '../party/api';

/** What an import endpoint answers (party imports, workforce imports): the same shape for every kind. */
export type ImportFlowPreview<K extends string> = Omit<ImportPreview, 'kind'> & { kind: K };

const BUSY = new Set(['validating', 'committing']);

/**
 * One sheet import in the console: pick a kind → download its template → upload a sheet → every row
 * checked on the server (progress shown) → row-by-row errors → confirm (optionally the valid rows
 * only) → rows written (progress shown when the server writes them in the background). Nothing is
 * written before the confirm.
 * - `endpoint`: the import resource (`/party-imports`): POST a sheet, GET `/:id`, POST `/:id/commit`,
 *   GET `/template.xlsx?kind=`;
 * - `kinds`: each kind's Chinese name, in the order offered; `hint`: what a person should know first;
 * - `done`: the links shown once imported (the lists the rows went to).
 */
export function ImportFlow<K extends string>({
  title,
  endpoint,
  kinds,
  initialKind,
  hint,
  done,
}: {
  title: string;
  endpoint: string;
  kinds: Record<K, string>;
  initialKind: K;
  hint: ReactNode;
  done: (p: ImportFlowPreview<K>) => ReactNode;
}) {
  type Preview = ImportFlowPreview<K>;
  const [kind, setKind] = useState<K>(initialKind);
  const [uploading, setUploading] = useState<number | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [validOnly, setValidOnly] = useState(false);
  const [committing, setCommitting] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const notify = useNotify();

  // Poll while the server checks or writes the rows.
  useEffect(() => {
    if (!preview || !BUSY.has(preview.status)) return;
    const timer = setTimeout(
      () =>
        getJson<Preview>(`${endpoint}/${preview.id}`).then(
          (p) => {
            setPreview(p);
            if (preview.status === 'committing' && p.status === 'committed') notify('导入成功', { type: 'success' });
          },
          (e) => setError((e as Error).message),
        ),
      300,
    );
    return () => clearTimeout(timer);
  }, [preview, notify, endpoint]);

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    setPreview(null);
    setError(null);
    setValidOnly(false);
    setUploading(0);
    try {
      setPreview((await uploadSheet(kind, file, setUploading, endpoint)) as unknown as Preview);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setUploading(null);
      if (fileInput.current) fileInput.current.value = '';
    }
  };

  const commit = async () => {
    if (!preview) return;
    setCommitting(true);
    try {
      const p = await postJson<Preview>(`${endpoint}/${preview.id}/commit`, { confirmValidOnly: validOnly });
      setPreview(p);
      if (p.status === 'committed') notify('导入成功', { type: 'success' });
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setCommitting(false);
    }
  };

  const p = preview;
  const pct = p && p.progress.total ? Math.floor((p.progress.done * 100) / p.progress.total) : 0;
  return (
    <Box sx={{ mt: 2 }}>
      <Title title={title} />
      <Card>
        <CardContent>
          <Stack direction="row" spacing={2} alignItems="center" flexWrap="wrap" useFlexGap>
            <ToggleButtonGroup exclusive size="small" value={kind} onChange={(_e, v) => v && (setKind(v), setPreview(null), setError(null))}>
              {(Object.entries(kinds) as [K, string][]).map(([k, label]) => (
                <ToggleButton key={k} value={k} data-testid={`kind-${k}`}>
                  {label}
                </ToggleButton>
              ))}
            </ToggleButtonGroup>
            <Button
              startIcon={<DownloadIcon />}
              onClick={() =>
                downloadFile(`${endpoint}/template.xlsx?kind=${kind}`, `${kinds[kind]}导入模板.xlsx`).catch((e) =>
                  notify((e as Error).message, { type: 'error' }),
                )
              }
            >
              下载{kinds[kind]}模板
            </Button>
            <Button variant="contained" startIcon={<UploadIcon />} component="label" disabled={uploading !== null || (!!p && BUSY.has(p.status))}>
              选择 .xlsx 文件上传
              <input
                ref={fileInput}
                hidden
                type="file"
                accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                data-testid="import-file"
                onChange={(e) => onFile(e.target.files?.[0])}
              />
            </Button>
          </Stack>
          <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
            {hint}
          </Typography>
          {uploading !== null && (
            <Box sx={{ mt: 2 }}>
              <Typography variant="body2">上传中 {Math.floor(uploading * 100)}%</Typography>
              <LinearProgress variant="determinate" value={uploading * 100} />
            </Box>
          )}
          {p && BUSY.has(p.status) && (
            <Box sx={{ mt: 2 }} data-testid="import-progress">
              <Typography variant="body2">
                {p.status === 'validating' ? '正在校验' : '正在导入'}：{p.progress.done.toLocaleString()} / {p.progress.total.toLocaleString()} 行（{pct}%）
              </Typography>
              <LinearProgress variant="determinate" value={pct} />
            </Box>
          )}
          {error && (
            <Alert severity="error" sx={{ mt: 2 }} data-testid="import-error">
              {error}
            </Alert>
          )}
          {p?.status === 'failed' && (
            <Alert severity="error" sx={{ mt: 2 }} data-testid="import-failed">
              {p.failure ?? '导入失败，请重新上传'}
            </Alert>
          )}
        </CardContent>
      </Card>

      {p && p.status !== 'validating' && (
        <Card sx={{ mt: 2 }}>
          <CardContent>
            <Typography variant="h6">
              {p.fileName}（{kinds[p.kind]}）
            </Typography>
            <Stack direction="row" spacing={1} sx={{ my: 1 }}>
              <Chip label={`共 ${p.counts.total} 行`} />
              <Chip color="success" label={`正确 ${p.counts.valid} 行`} data-testid="count-valid" />
              <Chip color={p.counts.invalid ? 'error' : 'default'} label={`错误 ${p.counts.invalid} 行`} data-testid="count-invalid" />
            </Stack>
            {p.status === 'committed' ? (
              <Alert severity="success" data-testid="import-done">
                已导入 {p.committed} 条记录。{done(p)}
              </Alert>
            ) : (
              <>
                {p.errors.length > 0 && (
                  <Table size="small" data-testid="import-errors">
                    <TableHead>
                      <TableRow>
                        <TableCell sx={{ width: 100 }}>Excel 行号</TableCell>
                        <TableCell>问题</TableCell>
                      </TableRow>
                    </TableHead>
                    <TableBody>
                      {p.errors.map((e) => (
                        <TableRow key={e.row}>
                          <TableCell>第 {e.row} 行</TableCell>
                          <TableCell>{e.messages.join('；')}</TableCell>
                        </TableRow>
                      ))}
                    </TableBody>
                  </Table>
                )}
                {p.errorsTruncated && <Typography variant="body2">仅显示前 {p.errors.length} 行错误。</Typography>}
                {p.status === 'ready' && (
                  <Stack direction="row" spacing={2} alignItems="center" sx={{ mt: 2 }}>
                    {p.counts.invalid > 0 && p.counts.valid > 0 && (
                      <FormControlLabel
                        control={<Checkbox checked={validOnly} onChange={(e) => setValidOnly(e.target.checked)} />}
                        label={`忽略错误行，只导入正确的 ${p.counts.valid} 行`}
                      />
                    )}
                    <Button
                      variant="contained"
                      color="primary"
                      disabled={committing || p.counts.valid === 0 || (p.counts.invalid > 0 && !validOnly)}
                      onClick={commit}
                      data-testid="import-commit"
                    >
                      确认导入 {p.counts.invalid > 0 ? p.counts.valid : p.counts.total} 行
                    </Button>
                    {p.counts.invalid > 0 && (
                      <Typography variant="body2" color="text.secondary">
                        或修正错误后重新上传
                      </Typography>
                    )}
                  </Stack>
                )}
              </>
            )}
          </CardContent>
        </Card>
      )}
    </Box>
  );
}
