import { useEffect, useState } from 'react';
import { Alert, Box, Chip, Table, TableBody, TableCell, TableRow, Typography } from '@mui/material';
import { Link, useCanAccess, useRecordContext } from 'react-admin';
import { errorMessage, getFund } from '../api';
import { formatAreaCenti } from '../money';

type Result = {
  status: string;
  totalArea: number;
  totalOwners: number;
  participatedArea: number;
  participatedOwners: number;
  agreeArea: number;
  agreeOwners: number;
  quorumMet: boolean;
  approved: boolean;
  explanation: string;
};

const percent = (num: number, den: number) => {
  if (!den) return '—';
  const permille = Math.floor((num * 1000) / den);
  return `${Math.floor(permille / 10)}.${permille % 10}%`;
};

/** The owners' vote created from the application (ordinary matter, DOMAIN.md §1): its result so far. */
export const LinkedVote = ({ refreshKey = 0 }: { refreshKey?: number }) => {
  const record = useRecordContext();
  const [result, setResult] = useState<Result | null>(null);
  const [error, setError] = useState<string | null>(null);
  const voteId = record?.voteId;
  const { canAccess: mayOpenVote } = useCanAccess({ action: 'show', resource: 'votes' });

  useEffect(() => {
    if (!voteId) return;
    let live = true;
    getFund<Result>(`/votes/${encodeURIComponent(voteId)}/result`).then(
      (r) => live && setResult(r),
      (e) => live && setError(errorMessage(e)),
    );
    return () => {
      live = false;
    };
  }, [voteId, record?.status, refreshKey]);

  if (!record) return null;
  if (record.emergency) return <Typography variant="body2">应急维修：不经业主表决，事后向业主公示。</Typography>;
  if (!voteId)
    return (
      <Typography variant="body2" color="text.secondary">
        提交后将发起范围内业主表决。
      </Typography>
    );
  const verdict = !result ? null : result.status !== 'closed' ? '表决中' : result.approved ? '已通过' : '未通过';
  return (
    <Box data-testid="fund-vote">
      <Typography variant="h6" sx={{ display: 'flex', gap: 1, alignItems: 'center' }}>
        业主表决
        {verdict && (
          <Chip
            size="small"
            data-testid="fund-vote-verdict"
            color={verdict === '已通过' ? 'success' : verdict === '未通过' ? 'error' : 'warning'}
            label={verdict}
          />
        )}
        {mayOpenVote && (
          <Link to={`/votes/${voteId}/show`} sx={{ fontSize: 14 }}>
            查看表决
          </Link>
        )}
      </Typography>
      {error && <Alert severity="info">{`表决结果暂不可查看（${error}）；表决截止并通过后即可提交审核。`}</Alert>}
      {result && (
        <>
          <Table size="small" sx={{ maxWidth: 640 }}>
            <TableBody>
              <TableRow>
                <TableCell>参与表决的专有面积</TableCell>
                <TableCell align="right">{`${formatAreaCenti(result.participatedArea)} / ${formatAreaCenti(result.totalArea)} ㎡（${percent(result.participatedArea, result.totalArea)}）`}</TableCell>
              </TableRow>
              <TableRow>
                <TableCell>参与表决的业主人数</TableCell>
                <TableCell align="right">{`${result.participatedOwners} / ${result.totalOwners} 人（${percent(result.participatedOwners, result.totalOwners)}）`}</TableCell>
              </TableRow>
              <TableRow>
                <TableCell>同意的专有面积（占参与）</TableCell>
                <TableCell align="right">{`${formatAreaCenti(result.agreeArea)} ㎡（${percent(result.agreeArea, result.participatedArea)}）`}</TableCell>
              </TableRow>
              <TableRow>
                <TableCell>同意的业主人数（占参与）</TableCell>
                <TableCell align="right">{`${result.agreeOwners} 人（${percent(result.agreeOwners, result.participatedOwners)}）`}</TableCell>
              </TableRow>
            </TableBody>
          </Table>
          <Typography variant="body2" sx={{ mt: 1 }} data-testid="fund-vote-explanation">
            {result.explanation}
          </Typography>
        </>
      )}
    </Box>
  );
};
