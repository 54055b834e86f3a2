import { useState } from 'react';
import { createRoot } from 'react-dom/client';
import { Button, Dialog, DialogActions, DialogContent, DialogTitle, MenuItem, TextField, Typography } from '@mui/material';
import { EXPORT_PURPOSE_KINDS, exportPurposeKindLabels, exportPurposeSchema, type ExportPurpose, type ExportPurposeKind } from '@baotou/shared';

type Props = { what: string; rowCount: number; onDone: (purpose: ExportPurpose | null) => void };

/** 导出用途: a kind and the purpose in words, both required (DOMAIN.md §7; PIPL Art. 6). */
function PurposeDialog({ what, rowCount, onDone }: Props) {
  const [open, setOpen] = useState(true);
  const [kind, setKind] = useState<ExportPurposeKind | ''>('');
  const [detail, setDetail] = useState('');
  const [tried, setTried] = useState(false);
  const parsed = exportPurposeSchema.safeParse({ kind, detail });
  const problem = (field: 'kind' | 'detail') => (tried && !parsed.success ? parsed.error.issues.find((i) => i.path[0] === field)?.message : undefined);
  const close = (purpose: ExportPurpose | null) => {
    setOpen(false);
    onDone(purpose);
  };
  return (
    <Dialog open={open} onClose={() => close(null)} maxWidth="sm" fullWidth aria-labelledby="export-purpose-title">
      <DialogTitle id="export-purpose-title">导出用途</DialogTitle>
      <DialogContent>
        <Typography variant="body2" sx={{ mb: 2 }}>
          导出的{what}（{rowCount} 条）含个人信息。请说明用途：导出将记入审计日志，文件属性中记录导出账号与时间，仅限所述用途使用。
        </Typography>
        <TextField
          select
          fullWidth
          margin="dense"
          label="用途类别"
          name="purposeKind"
          value={kind}
          onChange={(e) => setKind(e.target.value as ExportPurposeKind)}
          error={!!problem('kind')}
          helperText={problem('kind')}
        >
          {EXPORT_PURPOSE_KINDS.map((k) => (
            <MenuItem key={k} value={k}>
              {exportPurposeKindLabels[k]}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          fullWidth
          margin="dense"
          label="用途说明"
          name="purposeDetail"
          placeholder="例如：核对沼潭社区业主登记信息"
          value={detail}
          onChange={(e) => setDetail(e.target.value)}
          error={!!problem('detail')}
          helperText={problem('detail') ?? '2–200 字'}
          multiline
          minRows={2}
        />
      </DialogContent>
      <DialogActions>
        <Button onClick={() => close(null)}>取消</Button>
        <Button
          variant="contained"
          onClick={() => {
            setTried(true);
            if (parsed.success) close(parsed.data);
          }}
        >
          确认导出
        </Button>
      </DialogActions>
    </Dialog>
  );
}

/**
 * Asks for the purpose of an export of personal data; null when the user cancels. The dialog is
 * mounted on its own for the time it is open, because react-admin calls exporters outside React.
 */
export function askExportPurpose(what: string, rowCount: number): Promise<ExportPurpose | null> {
  return new Promise((resolve) => {
    const host = document.createElement('div');
    document.body.appendChild(host);
    const root = createRoot(host);
    const done = (purpose: ExportPurpose | null) => {
      resolve(purpose);
      // Let the dialog's closing transition finish before it goes.
      setTimeout(() => {
        root.unmount();
        host.remove();
      }, 500);
    };
    root.render(<PurposeDialog what={what} rowCount={rowCount} onDone={done} />);
  });
}
