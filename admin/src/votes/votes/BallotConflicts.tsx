import { useEffect, useState } from 'react';
import { Alert, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useRecordContext } from 'react-admin';
import { BALLOT_CHANNEL_LABELS, type BallotChannel } from '@baotou/shared';
import { getJson } from '../../committees/api';

type Conflict = { id: number; home: string; ownerVotedAt: string; enteredChannel: BallotChannel; enteredScanUrl: string | null; createdAt: string };

const time = (iso: string) => new Date(iso).toLocaleString('zh-CN', { hour12: false });

/**
 * Ballots the committee entered for a home whose owner had voted themselves (issue 9 §5): the
 * owner's ballot stands; these are listed for the committee and the street to review. Neither
 * choice is shown.
 */
export const BallotConflicts = ({ refreshKey = 0 }: { refreshKey?: number }) => {
  const record = useRecordContext();
  const [rows, setRows] = useState<Conflict[] | null>(null);
  const id = record?.id;
  useEffect(() => {
    if (id === undefined) return;
    getJson<Conflict[]>(`/ballot-conflicts?filter=${encodeURIComponent(JSON.stringify({ voteId: id }))}&range=${encodeURIComponent('[0,199]')}`).then(setRows, () => setRows([]));
  }, [id, refreshKey]);
  if (!rows?.length) return null;
  return (
    <>
      <Typography variant="subtitle1" sx={{ mt: 2 }}>选票冲突（待核查）</Typography>
      <Alert severity="warning" sx={{ mb: 1 }}>
        以下房屋的业主已本人线上投票，之后业主委员会又录入了纸质或入户选票。录入的选票不替换业主本人的选票，不计入统计。
      </Alert>
      <Table size="small" data-testid="ballot-conflicts">
        <TableHead>
          <TableRow>
            <TableCell>房屋</TableCell>
            <TableCell>业主投票时间</TableCell>
            <TableCell>录入方式</TableCell>
            <TableCell>录入时间</TableCell>
            <TableCell>扫描件</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((c) => (
            <TableRow key={c.id}>
              <TableCell>{c.home}</TableCell>
              <TableCell>{time(c.ownerVotedAt)}</TableCell>
              <TableCell>{BALLOT_CHANNEL_LABELS[c.enteredChannel]}</TableCell>
              <TableCell>{time(c.createdAt)}</TableCell>
              <TableCell>{c.enteredScanUrl ? '已上传' : '—'}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </>
  );
};
