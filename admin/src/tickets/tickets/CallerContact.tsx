import { useState } from 'react';
import { Box, Button, Typography } from '@mui/material';
import { Labeled, useNotify, useRecordContext } from 'react-admin';
import { seesTicketContactInFull, type Role, type TicketLevel } from '@baotou/shared';
import { httpClient } from '../../dataProvider';
import { getUser } from '../../auth/session';

/**
 * A hotline or visit caller: name and masked phone as listed; the staff handling the case may ask
 * for the full phone to call back (the server audits each such view, DOMAIN.md §7).
 */
export const CallerContact = () => {
  const record = useRecordContext();
  const notify = useNotify();
  const [phone, setPhone] = useState<string | null>(null);
  const user = getUser();
  if (!record || !user || !record.contactName) return null;
  const mayAsk = seesTicketContactInFull(user.role as Role, record.level as TicketLevel, String(record.createdById) === String(user.id));
  const reveal = async () => {
    try {
      const { json } = await httpClient(`/api/tickets/${record.id}/contact`);
      setPhone((json as { contactPhone: string | null }).contactPhone ?? '—');
    } catch (e) {
      notify((e as Error).message, { type: 'error' });
    }
  };
  return (
    <Labeled label="来电人">
      <Box sx={{ display: 'flex', gap: 1, alignItems: 'center' }}>
        <Typography variant="body2">
          {record.contactName} {phone ?? record.contactPhone ?? ''}
        </Typography>
        {mayAsk && !phone && (
          <Button size="small" onClick={reveal}>
            查看完整电话（留痕）
          </Button>
        )}
      </Box>
    </Labeled>
  );
};
