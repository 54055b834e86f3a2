import { useEffect, useRef, useState } from 'react';
import { Alert, Box, Button, Card, CardContent, Checkbox, Chip, FormControlLabel, LinearProgress, Stack, Table, TableBody, TableCell, TableHead, TableRow, ToggleButton, ToggleButtonGroup, Typography } from '@mui/material';
import DownloadIcon from '@mui/icons-material/Download';
import UploadIcon from '@mui/icons-material/Upload';
import { Link, Title, useNotify } from 'react-admin';
import { STAFF_IMPORT_KIND_LABELS, type StaffImportKind } from '@baotou/shared';
import { downloadFile, getJson, postJson, uploadSheet } from '../../party/api';

type Preview = {
  id: string;
  kind: StaffImportKind;
  fileName: string;
  status: 'validating' | 'ready' | 'committing' | 'committed' | 'failed';
  progress: { done: number; total: number };
  counts: { total: number; valid: number; invalid: number };
  errors: { row: number; messages: string[] }[];
  errorsTruncated: boolean;
  committed: number;
  failure?: string;
};
const KINDS = Object.entries(STAFF_IMPORT_KIND_LABELS) as [StaffImportKind, string][];
const LIST_OF: Record<StaffImportKind, string> = { staff: 'staff', trainings: 'trainings' };
const BUSY = new Set(['validating', 'committing']);

/**
 * Upload a roster or training sheet → every row checked on the server (progress shown) → row-by-row
 * errors → confirm → rows written (progress shown). Nothing is written before the confirm. Import the
 * roster first: training rows name their person by 工号.
 */
export const StaffImportPage = () => {
  const [kind, setKind] = useState<StaffImportKind>('staff');
  const [uploading, setUploading] = useState<number | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [validOnly, setValidOnly] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const notify = useNotify();

  useEffect(() => {
    if (!preview || !BUSY.has(preview.status)) return;
    const timer = setTimeout(
      () =>
        getJson<Preview>(`/staff-imports/${preview.id}`).then((p) => {
          setPreview(p);
          if (preview.status === 'committing' && p.status === 'committed') notify('导入成功', { type: 'success' });
        }, (e) => setError((e as Error).message)),
      300,
    );
    return () => clearTimeout(timer);
  }, [preview, notify]);

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    setPreview(null);
    setError(null);
    setValidOnly(false);
    setUploading(0);
    try {
      setPreview((await uploadSheet(kind, file, setUploading, '/staff-imports')) as unknown as Preview);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setUploading(null);
      if (fileInput.current) fileInput.current.value = '';
    }
  };

  const commit = async () => {
    if (!preview) return;
    try {
      setPreview(await postJson<Preview>(`/staff-imports/${preview.id}/commit`, { confirmValidOnly: validOnly }));
    } catch (e) {
      setError((e as Error).message);
    }
  };

  const p = preview;
  const pct = p && p.progress.total ? Math.floor((p.progress.done * 100) / p.progress.total) : 0;
  return (
    <Box sx={{ mt: 2 }}>
      <Title title="人员与培训导入" />
      <Card>
        <CardContent>
          <Stack direction="row" spacing={2} alignItems="center" flexWrap="wrap" useFlexGap>
            <ToggleButtonGroup exclusive size="small" value={kind} onChange={(_e, v) => v && (setKind(v), setPreview(null), setError(null))}>
              {KINDS.map(([k, label]) => (
                <ToggleButton key={k} value={k} data-testid={`kind-${k}`}>{label}</ToggleButton>
              ))}
            </ToggleButtonGroup>
            <Button startIcon={<DownloadIcon />} onClick={() => downloadFile(`/staff-imports/template.xlsx?kind=${kind}`, `${STAFF_IMPORT_KIND_LABELS[kind]}导入模板.xlsx`).catch((e) => notify((e as Error).message, { type: 'error' }))}>
              下载{STAFF_IMPORT_KIND_LABELS[kind]}模板
            </Button>
            <Button variant="contained" startIcon={<UploadIcon />} component="label" disabled={uploading !== null || (!!p && BUSY.has(p.status))}>
              选择 .xlsx 文件上传
              <input ref={fileInput} hidden type="file" accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" data-testid="import-file" onChange={(e) => onFile(e.target.files?.[0])} />
            </Button>
          </Stack>
          <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
            先导入员工花名册，再导入培训记录（按工号对应员工）。每个文件不超过10MB、50,000行；上传后逐行校验，确认前不会写入任何数据。
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
          {error && <Alert severity="error" sx={{ mt: 2 }} data-testid="import-error">{error}</Alert>}
          {p?.status === 'failed' && <Alert severity="error" sx={{ mt: 2 }} data-testid="import-failed">{p.failure ?? '导入失败，请重新上传'}</Alert>}
        </CardContent>
      </Card>

      {p && p.status !== 'validating' && (
        <Card sx={{ mt: 2 }}>
          <CardContent>
            <Typography variant="h6">{p.fileName}（{STAFF_IMPORT_KIND_LABELS[p.kind]}）</Typography>
            <Stack direction="row" spacing={1} sx={{ my: 1 }}>
              <Chip label={`共 ${p.counts.total} 行`} />
              <Chip color="success" label={`正确 ${p.counts.valid} 行`} data-testid="count-valid" />
              <Chip color={p.counts.invalid ? 'error' : 'default'} label={`错误 ${p.counts.invalid} 行`} data-testid="count-invalid" />
            </Stack>
            {p.status === 'committed' ? (
              <Alert severity="success" data-testid="import-done">
                已导入 {p.committed} 条记录。<Link to={`/${LIST_OF[p.kind]}`}>查看列表</Link> · <Link to="/training-rates">查看培训率</Link>
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
                      <FormControlLabel control={<Checkbox checked={validOnly} onChange={(e) => setValidOnly(e.target.checked)} />} label={`忽略错误行，只导入正确的 ${p.counts.valid} 行`} />
                    )}
                    <Button variant="contained" color="primary" disabled={p.counts.valid === 0 || (p.counts.invalid > 0 && !validOnly)} onClick={commit} data-testid="import-commit">
                      确认导入 {p.counts.invalid > 0 ? p.counts.valid : p.counts.total} 行
                    </Button>
                    {p.counts.invalid > 0 && <Typography variant="body2" color="text.secondary">或修正错误后重新上传</Typography>}
                  </Stack>
                )}
              </>
            )}
          </CardContent>
        </Card>
      )}
    </Box>
  );
};
