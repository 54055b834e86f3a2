import { useState, type FormEvent } from 'react';
import { Alert, Box, Button, Card, CardContent, Stack, TextField, Typography } from '@mui/material';
import { Title, useNotify, useRedirect } from 'react-admin';
import { passwordPolicyHint, passwordProblem } from '@baotou/shared';
import { API_BASE, toHttpError } from '../dataProvider';
import { authHeaders, getUser, saveSession, type SessionUser } from './session';
import { usePasswordPolicy } from './passwordPolicy';

/**
 * 修改密码: POST /api/auth/password. The server ends every other session of the account; this
 * one continues with the token it returns. The new password follows the settings' rule (the
 * shared passwordProblem, the same the server applies); an account whose password an
 * administrator set lands here after signing in and can do nothing else until it is changed.
 */
export const PasswordPage = () => {
  const notify = useNotify();
  const redirect = useRedirect();
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const [repeat, setRepeat] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);
  const policy = usePasswordPolicy();
  const mustChange = !!getUser()?.mustChangePassword;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const problem = passwordProblem(newPassword, policy, getUser()?.username);
    if (problem) return setErrors({ newPassword: problem });
    if (newPassword !== repeat) return setErrors({ repeat: '两次输入的新密码不一致' });
    setSaving(true);
    try {
      const res = await fetch(`${API_BASE}/auth/password`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json', ...authHeaders() },
        body: JSON.stringify({ currentPassword, newPassword }),
      });
      const body = await res.json().catch(() => null);
      if (!res.ok) {
        const err = toHttpError(res.status, body, '修改密码失败');
        setErrors((body?.error?.fields as Record<string, string>) ?? {});
        notify(err.message, { type: 'error' });
        if (res.status === 401) redirect('/login');
        return;
      }
      saveSession(body.token as string, body.user as SessionUser);
      notify('密码已修改，其他设备上的登录已失效', { type: 'success' });
      redirect('/');
    } catch {
      notify('无法连接服务器，请检查网络', { type: 'error' });
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card sx={{ mt: 2, maxWidth: 480 }}>
      <Title title="修改密码" />
      <CardContent>
        <Box component="form" onSubmit={submit} noValidate>
          <Stack spacing={2}>
            {mustChange && <Alert severity="warning">该账号的密码由管理员设置，请先修改密码，之后才能使用其他功能。</Alert>}
            <Typography variant="body2" color="text.secondary">
              修改后，本账号在其他浏览器或设备上的登录将立即失效。
            </Typography>
            <TextField
              label="当前密码"
              type="password"
              autoComplete="current-password"
              value={currentPassword}
              onChange={(e) => setCurrent(e.target.value)}
              error={!!errors.currentPassword}
              helperText={errors.currentPassword}
              required
            />
            <TextField
              label="新密码"
              type="password"
              autoComplete="new-password"
              value={newPassword}
              onChange={(e) => setNew(e.target.value)}
              error={!!errors.newPassword}
              helperText={errors.newPassword ?? passwordPolicyHint(policy)}
              required
            />
            <TextField
              label="再次输入新密码"
              type="password"
              autoComplete="new-password"
              value={repeat}
              onChange={(e) => setRepeat(e.target.value)}
              error={!!errors.repeat}
              helperText={errors.repeat}
              required
            />
            <Button type="submit" variant="contained" disabled={saving || !currentPassword || !newPassword}>
              修改密码
            </Button>
          </Stack>
        </Box>
      </CardContent>
    </Card>
  );
};
