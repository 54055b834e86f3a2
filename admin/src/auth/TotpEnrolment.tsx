import { useEffect, useState, type FormEvent } from 'react';
import { Alert, Box, Button, Stack, TextField, Typography } from '@mui/material';
import { totpCall, type TotpConfirmed } from './totpApi';

/**
 * 两步验证 set-up: a QR code for the authenticator app (and its key to type in), then the first
 * 6-digit code it shows. `token`: the session's, or the enrolment token sign-in gave. `replacing`:
 * a factor is in force, so the server also asks for its current code (or a recovery code) or the password.
 */
export const TotpEnrolment = ({ token, replacing = false, onConfirmed }: { token: string; replacing?: boolean; onConfirmed: (r: TotpConfirmed) => void }) => {
  const [qr, setQr] = useState<{ qrPng: string; secret: string } | null>(null);
  const [otp, setOtp] = useState('');
  const [currentOtp, setCurrentOtp] = useState('');
  const [currentPassword, setCurrentPassword] = useState('');
  const proof = !replacing ? {} : currentOtp.trim() ? { currentOtp: currentOtp.trim() } : currentPassword ? { currentPassword } : null;
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    totpCall<{ qrPng: string; secret: string }>('/enroll', token).then(setQr, (e: Error) => setError(e.message));
  }, [token]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onConfirmed(await totpCall<TotpConfirmed>('/confirm', token, { otp, ...proof }));
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Box component="form" onSubmit={submit} noValidate>
      <Stack spacing={2} alignItems="center">
        <Typography variant="body2">
          用手机上的身份验证器应用（如 Microsoft Authenticator、Google Authenticator）扫描二维码，再输入它显示的6位验证码。
        </Typography>
        {qr ? <img src={qr.qrPng} alt="两步验证二维码" width={200} height={200} /> : !error && <Typography variant="body2">正在生成二维码…</Typography>}
        {qr && (
          <Typography variant="caption" sx={{ wordBreak: 'break-all' }}>
            无法扫码时手动输入密钥：{qr.secret}
          </Typography>
        )}
        <TextField
          name="otp"
          label="6位验证码"
          value={otp}
          onChange={(e) => setOtp(e.target.value.replace(/\D/g, '').slice(0, 6))}
          inputProps={{ inputMode: 'numeric', autoComplete: 'one-time-code' }}
          fullWidth
        />
        {replacing && (
          <>
            <Typography variant="body2">更换两步验证须证明您持有当前的验证器：输入旧验证器上的验证码（或一个恢复码），或输入登录密码。</Typography>
            <TextField
              name="currentOtp"
              label="当前验证码或恢复码"
              value={currentOtp}
              onChange={(e) => setCurrentOtp(e.target.value)}
              inputProps={{ autoComplete: 'off' }}
              fullWidth
            />
            <TextField
              name="currentPassword"
              label="或登录密码"
              type="password"
              value={currentPassword}
              onChange={(e) => setCurrentPassword(e.target.value)}
              inputProps={{ autoComplete: 'current-password' }}
              fullWidth
            />
          </>
        )}
        {error && (
          <Alert severity="error" sx={{ width: '100%' }}>
            {error}
          </Alert>
        )}
        <Button type="submit" variant="contained" disabled={busy || !qr || otp.length !== 6 || !proof} fullWidth>
          确认启用
        </Button>
      </Stack>
    </Box>
  );
};

/** The recovery codes, shown once: copy or print them, then continue. */
export const RecoveryCodes = ({ codes, onDone, doneLabel }: { codes: string[]; onDone: () => void; doneLabel: string }) => {
  const [copied, setCopied] = useState(false);
  return (
    <Stack spacing={2}>
      <Alert severity="warning">以下恢复码只显示这一次。手机丢失时，每个恢复码可代替验证码登录一次。请复制或打印后妥善保存。</Alert>
      <Box component="ol" data-testid="recovery-codes" sx={{ fontFamily: 'monospace', fontSize: 16, columns: 2, m: 0 }}>
        {codes.map((c) => (
          <li key={c}>{c}</li>
        ))}
      </Box>
      <Stack direction="row" spacing={1}>
        <Button variant="outlined" onClick={() => navigator.clipboard?.writeText(codes.join('\n')).then(() => setCopied(true))}>
          {copied ? '已复制' : '复制'}
        </Button>
        <Button variant="outlined" onClick={() => window.print()}>
          打印
        </Button>
        <Button variant="contained" onClick={onDone}>
          {doneLabel}
        </Button>
      </Stack>
    </Stack>
  );
};
