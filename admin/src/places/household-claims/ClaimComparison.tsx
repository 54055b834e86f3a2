import { useState } from 'react';
import { Box, Button, Chip, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { FunctionField, useNotify, useRecordContext, type RaRecord } from 'react-admin';
import { httpClient } from '../../dataProvider';

type Full = { phone: string; registryOwnerName: string | null; registryOwnerPhone: string | null };

/** Red, with 不一致, where the applicant differs from the registry's owner of the room. */
const Cell = ({ value, differs }: { value: string | null | undefined; differs: boolean }) => (
  <TableCell className={differs ? 'claim-differs' : 'claim-matches'} sx={differs ? { color: 'error.main', fontWeight: 600 } : undefined}>
    {value ?? '—'}
    {differs && <Chip size="small" color="error" variant="outlined" label="不一致" sx={{ ml: 1 }} />}
  </TableCell>
);

/**
 * The reviewer's comparison (issue 16 §1): applicant beside the registry's owner of that room, the
 * differences highlighted (the server compares names as the automatic match does, and phones by the
 * owner's blind index), and 显示完整信息 — both phones in full, each view audited by the server.
 */
export const ClaimComparison = () => {
  const record = useRecordContext();
  const notify = useNotify();
  const [full, setFull] = useState<Full | null>(null);
  if (!record) return null;
  const noOwner = record.registryOwnerId === null || record.registryOwnerId === undefined;
  const reveal = () =>
    httpClient(`/api/household-claims/${record.id}/contact`).then(
      ({ json }) => setFull(json as Full),
      (e) => notify((e as Error).message, { type: 'error' }),
    );
  return (
    <Box sx={{ my: 1 }} data-testid="claim-comparison">
      <Table size="small" sx={{ maxWidth: 640 }}>
        <TableHead>
          <TableRow>
            <TableCell />
            <TableCell>申请人</TableCell>
            <TableCell>登记业主</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          <TableRow>
            <TableCell>姓名</TableCell>
            <Cell value={record.name} differs={record.nameMatches === false} />
            <TableCell>{noOwner ? '该房屋未登记业主' : record.registryOwnerName}</TableCell>
          </TableRow>
          <TableRow>
            <TableCell>手机号</TableCell>
            <Cell value={full?.phone ?? record.phone} differs={record.phoneMatches === false} />
            <TableCell>{noOwner ? '—' : (full?.registryOwnerPhone ?? record.registryOwnerPhone ?? '未登记')}</TableCell>
          </TableRow>
        </TableBody>
      </Table>
      {!full ? (
        <Button size="small" variant="outlined" sx={{ mt: 1 }} onClick={reveal}>
          显示完整信息（留痕）
        </Button>
      ) : (
        <Typography variant="caption" color="text.secondary">
          已显示完整号码，本次查看已记入审计日志
        </Typography>
      )}
    </Box>
  );
};

/** In the queue: the registry's owner beside the applicant, a mismatch in red. */
export const RegistryOwnerField = () => (
  <FunctionField
    label="登记业主"
    render={(r: RaRecord) =>
      r.registryOwnerId == null ? (
        <Typography variant="body2" color="text.secondary">
          未登记业主
        </Typography>
      ) : (
        <Box>
          <Typography variant="body2" component="span" sx={r.nameMatches === false ? { color: 'error.main', fontWeight: 600 } : undefined}>
            {r.registryOwnerName}
          </Typography>{' '}
          <Typography variant="body2" component="span" sx={r.phoneMatches === false ? { color: 'error.main', fontWeight: 600 } : undefined}>
            {r.registryOwnerPhone ?? '未登记手机号'}
          </Typography>
          {(r.nameMatches === false || r.phoneMatches === false) && (
            <Chip
              size="small"
              color="error"
              variant="outlined"
              label={r.nameMatches === false && r.phoneMatches === false ? '姓名、手机号不一致' : r.nameMatches === false ? '姓名不一致' : '手机号不一致'}
              sx={{ ml: 1 }}
            />
          )}
        </Box>
      )
    }
  />
);
