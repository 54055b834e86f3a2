import { useState } from 'react';
import { Button, Chip, Stack } from '@mui/material';
import LockOpenIcon from '@mui/icons-material/LockOpen';
import { useNotify, usePermissions, useRecordContext, useRefresh } from 'react-admin';
import { API_BASE, httpClient } from '../../dataProvider';

/**
 * 登录状态: locked by failed sign-ins or not (issue 17), and for the city admin 解锁
 * (POST /api/users/:id/unlock, audited). A lock also ends by itself after LOGIN_LOCK_SECONDS.
 */
export const UnlockField = (_props: { label?: string }) => {
  const record = useRecordContext();
  const { permissions } = usePermissions<string>();
  const notify = useNotify();
  const refresh = useRefresh();
  const [busy, setBusy] = useState(false);
  if (!record) return null;
  if (!record.locked) return <Chip size="small" label="正常" />;
  const unlock = async () => {
    setBusy(true);
    try {
      await httpClient(`${API_BASE}/users/${encodeURIComponent(String(record.id))}/unlock`, { method: 'POST', body: '{}' });
      notify('已解锁，该账号可以重新登录', { type: 'success' });
      refresh();
    } catch (e) {
      notify((e as Error).message || '解锁失败', { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack direction="row" spacing={1} alignItems="center">
      <Chip size="small" color="error" label="登录失败次数过多，已锁定" />
      {permissions === 'city_admin' && (
        <Button size="small" variant="outlined" startIcon={<LockOpenIcon />} onClick={unlock} disabled={busy}>
          解锁
        </Button>
      )}
    </Stack>
  );
};
