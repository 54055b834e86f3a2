import { useState } from 'react';
import { Box, Button, Typography } from '@mui/material';
import { Labeled, useNotify, useRecordContext } from 'react-admin';
import { seesTicketContactInFull, type Role, type TicketLevel } from '@baotou/shared';
import { httpClient } from '../../dataProvider';
import { getUser } from '../../auth/session';

/**
 * A hotline or visit caller, or what a resident chose to share when filing: name and masked phone as listed; the staff handling the case may ask
 * for the full phone to call back (the server audits each such view, DOMAIN.md §7).
 */
export const CallerContact = () => {
  const record = useRecordContext();
  const notify = useNotify();
  const [phone, setPhone] = useState<string | null>(null);
  const user = getUser();
  if (!record || !user) return null;
  // A resident filing in the mini-program chooses what to share (name and phone, phone only, or nothing).
  if (!record.contactName && !record.contactPhone)
    return (
      <Labeled label="联系人">
        <Typography variant="body2">{record.channel === 'mini' ? '居民未提供联系方式' : '—'}</Typography>
      </Labeled>
    );
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
    <Labeled label={record.channel === 'mini' ? '联系人' : '来电人'}>
      <Box sx={{ display: 'flex', gap: 1, alignItems: 'center' }}>
        <Typography variant="body2">
          {record.contactName ?? '（未提供姓名）'} {phone ?? record.contactPhone ?? ''}
        </Typography>
        {mayAsk && !phone && record.contactPhone && (
          <Button size="small" onClick={reveal}>
            查看完整电话（留痕）
          </Button>
        )}
      </Box>
    </Labeled>
  );
};
