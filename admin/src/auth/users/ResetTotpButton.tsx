import { useState } from 'react';
import { Button } from '@mui/material';
import { Confirm, usePermissions, useNotify, useRecordContext } from 'react-admin';
import { API_BASE, toHttpError } from '../../dataProvider';
import { authHeaders } from '../session';

/** 重置两步验证 (city admin; a lost phone): the account's authenticator and recovery codes are removed and its sessions end. */
export const ResetTotpButton = () => {
  const record = useRecordContext();
  const { permissions } = usePermissions();
  const notify = useNotify();
  const [open, setOpen] = useState(false);
  if (!record || permissions !== 'city_admin') return null;

  const reset = async () => {
    setOpen(false);
    const res = await fetch(`${API_BASE}/users/${record.id}/reset-totp`, { method: 'POST', headers: { Accept: 'application/json', ...authHeaders() } }).catch(
      () => null,
    );
    const body = await res?.json().catch(() => null);
    if (!res?.ok) return notify(res ? toHttpError(res.status, body, '重置失败').message : '无法连接服务器，请检查网络', { type: 'error' });
    notify('已重置两步验证，该账号的登录已失效', { type: 'success' });
  };

  return (
    <>
      <Button variant="outlined" color="warning" onClick={() => setOpen(true)}>
        重置两步验证
      </Button>
      <Confirm
        isOpen={open}
        title="重置两步验证"
        content={`确定重置“${record.name}”的两步验证吗？其身份验证器和恢复码将失效，须重新设置。`}
        onConfirm={reset}
        onClose={() => setOpen(false)}
      />
    </>
  );
};
