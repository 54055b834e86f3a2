import { useCallback, useEffect, useState } from 'react';
import { Alert, Button, Card, CardContent, LinearProgress, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { Confirm, Title } from 'react-admin';
import { API_BASE, httpClient } from '../../dataProvider';

/** GET /api/security/rotate-keys (docs/API.md, "Personal-data encryption and key rotation"). */
export type RotationProgress = {
  algorithm: string;
  activeKeyId: number;
  columns: { table: string; column: string; total: number; current: number }[];
  remaining: number;
  run: {
    running: boolean;
    startedAt: string;
    finishedAt: string | null;
    rotated: number;
    raced: number;
    failed: { table: string; column: string; id: number; reason: string }[];
    error: string | null;
  } | null;
};

const ALGORITHM_LABELS: Record<string, string> = { 'sm4-cbc-hmac-sm3': 'SM4-CBC + HMAC-SM3（商用密码）', 'aes-256-gcm': 'AES-256-GCM' };
const COLUMN_LABELS: Record<string, string> = {
  'owners.phone_enc': '业主手机号',
  'owners.id_number_enc': '业主身份证号',
  'household_claims.phone_enc': '房屋绑定申请手机号',
  'committee_members.phone_enc': '业委会成员手机号',
  'party_members.phone_enc': '党员手机号',
  'tickets.contact_phone_enc': '诉求来电人手机号',
  'tickets.worker_phone_enc': '维修人员手机号',
  'staff_second_factors.secret_enc': '两步验证密钥',
  'staff_second_factors.pending_secret_enc': '待确认的两步验证密钥',
};

const call = async (method: 'GET' | 'POST') =>
  (await httpClient(`${API_BASE}/security/rotate-keys`, { method, ...(method === 'POST' ? { body: '{}' } : {}) })).json as RotationProgress;

/** City admin: how much personal data is under the active key, and a button to re-encrypt the rest (issue 17). */
export const KeyRotationPage = () => {
  const [progress, setProgress] = useState<RotationProgress | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const load = useCallback((method: 'GET' | 'POST' = 'GET') => call(method).then(setProgress, (e: Error) => setError(e.message)), []);
  useEffect(() => {
    load();
  }, [load]);
  const running = !!progress?.run?.running;
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => load(), 2000);
    return () => clearInterval(timer);
  }, [running, load]);

  return (
    <Card sx={{ mt: 2 }}>
      <Title title="个人信息密钥轮换" />
      <CardContent>
        {error && <Alert severity="error">{error}</Alert>}
        {progress && (
          <Stack spacing={2}>
            <Typography>
              当前算法：{ALGORITHM_LABELS[progress.algorithm] ?? progress.algorithm}；当前密钥版本：{progress.activeKeyId}
            </Typography>
            <Typography variant="body2" color="text.secondary">
              更换密钥或算法时，先在服务器配置中加入新的密钥版本并设为当前版本（旧版本保留），重启后在此重新加密其余数据。全部完成（待处理为
              0）后方可移除旧密钥。详见 docs/SECURITY.md。
            </Typography>
            <Table size="small" data-testid="key-rotation-columns">
              <TableHead>
                <TableRow>
                  <TableCell>数据</TableCell>
                  <TableCell align="right">已加密</TableCell>
                  <TableCell align="right">已为当前密钥</TableCell>
                  <TableCell align="right">待处理</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {progress.columns.map((c) => (
                  <TableRow key={`${c.table}.${c.column}`}>
                    <TableCell>{COLUMN_LABELS[`${c.table}.${c.column}`] ?? `${c.table}.${c.column}`}</TableCell>
                    <TableCell align="right">{c.total}</TableCell>
                    <TableCell align="right">{c.current}</TableCell>
                    <TableCell align="right">{c.total - c.current}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
            <Typography data-testid="key-rotation-remaining">
              {progress.remaining === 0 ? '全部个人信息均已使用当前算法和密钥加密。' : `待重新加密：${progress.remaining} 项`}
            </Typography>
            {running && <LinearProgress />}
            {progress.run && !running && (
              <Alert severity={progress.run.error || progress.run.failed.length ? 'warning' : 'success'}>
                上次轮换：重新加密 {progress.run.rotated} 项{progress.run.failed.length ? `，${progress.run.failed.length} 项未能处理（仍可用原密钥读取）` : ''}
                {progress.run.error ? `，出错：${progress.run.error}` : ''}
              </Alert>
            )}
            <div>
              <Button variant="contained" disabled={running || progress.remaining === 0} onClick={() => setConfirming(true)}>
                {running ? '正在重新加密…' : '开始重新加密'}
              </Button>
            </div>
          </Stack>
        )}
        <Confirm
          isOpen={confirming}
          title="开始重新加密"
          content="将在后台用当前算法和密钥重新加密其余个人信息，期间系统照常使用。确定开始？"
          onConfirm={() => {
            setConfirming(false);
            load('POST');
          }}
          onClose={() => setConfirming(false)}
        />
      </CardContent>
    </Card>
  );
};
