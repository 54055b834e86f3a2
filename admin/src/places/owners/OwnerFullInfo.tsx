import { useState } from 'react';
import { Box, Button, Typography } from '@mui/material';
import { Labeled, useNotify, usePermissions, useRecordContext } from 'react-admin';
import { FULL_VIEW_ROLES } from '@baotou/shared';
import { httpClient } from '../../dataProvider';

/**
 * 显示完整信息: an owner's full phone and ID number for the staff who manage owners
 * (FULL_VIEW_ROLES.ownerContact); the server records each view in the audit log (DOMAIN.md §7).
 */
export const OwnerFullInfo = () => {
  const record = useRecordContext();
  const { permissions } = usePermissions<string>();
  const notify = useNotify();
  const [full, setFull] = useState<{ phone: string | null; idNumber: string | null } | null>(null);
  if (!record || !(FULL_VIEW_ROLES.ownerContact as readonly string[]).includes(permissions ?? '')) return null;
  const reveal = () =>
    httpClient(`/api/owners/${record.id}/contact`).then(
      ({ json }) => setFull(json as { phone: string | null; idNumber: string | null }),
      (e) => notify((e as Error).message, { type: 'error' }),
    );
  return (
    <Labeled label="完整信息">
      <Box sx={{ display: 'flex', gap: 2, alignItems: 'center' }}>
        {full ? (
          <Typography variant="body2" data-testid="owner-full-info">
            手机号 {full.phone ?? '—'}　身份证号 {full.idNumber ?? '—'}
          </Typography>
        ) : (
          <Button size="small" variant="outlined" onClick={reveal}>
            显示完整信息（留痕）
          </Button>
        )}
      </Box>
    </Labeled>
  );
};
