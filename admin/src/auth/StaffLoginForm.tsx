import { useState, type FormEvent } from 'react';
import { Alert, Box, Button, CardContent, Stack, TextField, Typography } from '@mui/material';
import { useLogin, useNotify } from 'react-admin';
import { SecondFactorStep } from './authProvider';
import type { SessionUser } from './session';
import { RecoveryCodes, TotpEnrolment } from './TotpEnrolment';
import type { TotpConfirmed } from './totpApi';

type Stage =
  | { kind: 'password' }
  | { kind: 'otp'; message: string }
  | { kind: 'enrol'; token: string }
  | { kind: 'codes'; codes: string[]; session: { token: string; user: SessionUser } };

/**
 * Username and password; then, when the server answers OTP_REQUIRED, the 6-digit code (or a
 * recovery code); or, for an account that must set up 两步验证 first, the enrolment (issue 17).
 */
export const StaffLoginForm = () => {
  const login = useLogin();
  const notify = useNotify();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [otp, setOtp] = useState('');
  const [stage, setStage] = useState<Stage>({ kind: 'password' });
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      await login({ username, password, ...(stage.kind === 'otp' ? { otp } : {}) });
    } catch (err) {
      if (err instanceof SecondFactorStep) {
        setStage(err.step === 'otp' ? { kind: 'otp', message: err.message } : { kind: 'enrol', token: err.enrolmentToken! });
      } else {
        notify((err as Error).message || '登录失败', { type: 'error' });
        if (stage.kind === 'otp') setOtp('');
      }
    } finally {
      setBusy(false);
    }
  };

  if (stage.kind === 'enrol') {
    const confirmed = (r: TotpConfirmed) => setStage({ kind: 'codes', codes: r.recoveryCodes, session: { token: r.token!, user: r.user! } });
    return (
      <CardContent>
        <Typography variant="subtitle1" gutterBottom>
          首次登录须设置两步验证
        </Typography>
        <TotpEnrolment token={stage.token} onConfirmed={confirmed} />
      </CardContent>
    );
  }
  if (stage.kind === 'codes') {
    return (
      <CardContent>
        <RecoveryCodes codes={stage.codes} doneLabel="进入系统" onDone={() => login({ username, password, session: stage.session })} />
      </CardContent>
    );
  }
  return (
    <Box component="form" onSubmit={submit} noValidate>
      <CardContent>
        <Stack spacing={2}>
          <TextField
            name="username"
            label="用户名"
            autoComplete="username"
            value={username}
            onChange={(e) => setUsername(e.target.value)}
            disabled={stage.kind === 'otp'}
            required
            autoFocus
          />
          <TextField
            name="password"
            label="密码"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            disabled={stage.kind === 'otp'}
            required
          />
          {stage.kind === 'otp' && (
            <>
              <Alert severity="info">{stage.message}</Alert>
              <TextField
                name="otp"
                label="验证码"
                value={otp}
                onChange={(e) => setOtp(e.target.value.slice(0, 40))}
                inputProps={{ autoComplete: 'one-time-code' }}
                helperText="身份验证器上的6位验证码；手机丢失时可输入恢复码"
                autoFocus
              />
            </>
          )}
          <Button type="submit" variant="contained" disabled={busy || !username || !password || (stage.kind === 'otp' && !otp)}>
            登录
          </Button>
        </Stack>
      </CardContent>
    </Box>
  );
};
