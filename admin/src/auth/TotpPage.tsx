import { useCallback, useEffect, useState } from 'react';
import { Alert, Button, Card, CardContent, Stack, Typography } from '@mui/material';
import { Title } from 'react-admin';
import { getToken, renewToken } from './session';
import { RecoveryCodes, TotpEnrolment } from './TotpEnrolment';
import { totpCall, type TotpStatus } from './totpApi';

/** 两步验证: this account's authenticator — set it up, or replace it (a new phone). Issue 17. */
export const TotpPage = () => {
  const token = getToken() ?? '';
  const [status, setStatus] = useState<TotpStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [stage, setStage] = useState<'view' | 'enrol' | { codes: string[] }>('view');
  const load = useCallback(() => totpCall<TotpStatus>('', token).then(setStatus, (e: Error) => setError(e.message)), [token]);
  useEffect(() => {
    load();
  }, [load]);

  return (
    <Card sx={{ mt: 2, maxWidth: 520 }}>
      <Title title="两步验证" />
      <CardContent>
        {error && <Alert severity="error">{error}</Alert>}
        {stage === 'enrol' ? (
          // Confirming ends every other session and returns a new token for this one.
          <TotpEnrolment
            token={token}
            replacing={!!status?.enrolled}
            onConfirmed={(r) => (r.token && renewToken(r.token), setStage({ codes: r.recoveryCodes }))}
          />
        ) : typeof stage === 'object' ? (
          <RecoveryCodes codes={stage.codes} doneLabel="完成" onDone={() => (setStage('view'), load())} />
        ) : (
          status && (
            <Stack spacing={2} alignItems="flex-start">
              <Typography>
                状态：{status.enrolled ? '已启用' : '未启用'}
                {status.enrolled && status.enrolledAt
                  ? `（${new Date(status.enrolledAt).toLocaleString('zh-CN')} 启用，剩余恢复码 ${status.recoveryCodesLeft} 个）`
                  : ''}
              </Typography>
              {!status.enrolled && status.required && <Alert severity="warning">您的账号须使用两步验证，下次登录时将要求设置。</Alert>}
              <Typography variant="body2" color="text.secondary">
                启用后，每次登录除密码外还须输入手机身份验证器上的6位验证码。
                {status.enrolled ? '更换手机时可重新设置：新的二维码确认后，旧的验证器和恢复码即失效。' : ''}
              </Typography>
              <Button variant="contained" onClick={() => setStage('enrol')}>
                {status.enrolled ? '重新设置' : '启用两步验证'}
              </Button>
            </Stack>
          )
        )}
      </CardContent>
    </Card>
  );
};
