import { useState } from 'react';
import { Alert, Box, Button, Dialog, DialogActions, DialogContent, DialogTitle, Link, TextField } from '@mui/material';
import VerifiedUserIcon from '@mui/icons-material/VerifiedUser';
import { usePermissions } from 'react-admin';
import { AUDIT_BREAK_REASON_LABELS, type AuditBreakReason } from '@baotou/shared';
import { API_BASE, httpClient } from '../../dataProvider';

type Report = { ok: boolean; checked: number; unsealed: number; firstBroken: { id: number; seq: number; reason: AuditBreakReason } | null };

/** City admin: walks the audit log's SM3 hash chain (GET /api/audit-logs/verify) and names the first row that does not match. */
export const VerifyChainButton = () => {
  const { permissions } = usePermissions<string>();
  const [open, setOpen] = useState(false);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<Report | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (permissions !== 'city_admin') return null;

  const run = async () => {
    setBusy(true);
    setError(null);
    setReport(null);
    try {
      const q = new URLSearchParams(Object.entries({ from: from.trim(), to: to.trim() }).filter(([, v]) => v));
      setReport((await httpClient(`${API_BASE}/audit-logs/verify?${q}`)).json as Report);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button size="small" startIcon={<VerifiedUserIcon />} onClick={() => setOpen(true)}>
        校验
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} maxWidth="sm" fullWidth>
        <DialogTitle>校验审计日志完整性</DialogTitle>
        <DialogContent>
          <Box sx={{ display: 'flex', gap: 2, my: 1 }}>
            <TextField
              size="small"
              label="起（日志ID或时间，可空）"
              value={from}
              onChange={(e) => setFrom(e.target.value)}
              placeholder="2026-01-01"
              fullWidth
            />
            <TextField size="small" label="止（日志ID或时间，可空）" value={to} onChange={(e) => setTo(e.target.value)} fullWidth />
          </Box>
          {report?.ok && (
            <Alert severity="success">
              审计日志完整：已校验 {report.checked} 条，未发现篡改或删除。
              {report.unsealed > 0 && ` 另有 ${report.unsealed} 条刚写入、尚未封存，稍后再校验。`}
            </Alert>
          )}
          {report && !report.ok && report.firstBroken && (
            <Alert severity="error">
              发现异常：第一条不符的记录是 <Link href={`#/audit-logs/${report.firstBroken.id}/show`}>#{report.firstBroken.id}</Link>（链序号{' '}
              {report.firstBroken.seq}）——
              {AUDIT_BREAK_REASON_LABELS[report.firstBroken.reason] ?? report.firstBroken.reason}。在此之前已校验 {report.checked} 条。
            </Alert>
          )}
          {error && <Alert severity="error">{error}</Alert>}
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)}>关闭</Button>
          <Button variant="contained" disabled={busy} onClick={run}>
            {busy ? '校验中…' : '开始校验'}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
};
