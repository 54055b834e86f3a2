import { useEffect, useState } from 'react';
import { Alert, Box, Chip, LinearProgress, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useRecordContext } from 'react-admin';
import { formatArea, formatPercent, meets, THRESHOLD_LABELS, voteStanding, type ShownVoteResult, type Threshold } from '@baotou/shared';
import { getJson } from '../../committees/api';

const POLL_MS = 10_000;

type Line = { label: string; num: number; den: number; threshold: Threshold; area: boolean };

const Ratio = ({ label, num, den, threshold, area }: Line) => {
  const ok = meets(threshold, num, den);
  const fmt = area ? (v: number) => `${formatArea(v)} ㎡` : (v: number) => `${v} 人`;
  return (
    <TableRow>
      <TableCell>{label}</TableCell>
      <TableCell align="right">{`${fmt(num)} / ${fmt(den)}`}</TableCell>
      <TableCell align="right" data-testid="ratio">
        {formatPercent(num, den)}
      </TableCell>
      <TableCell>{THRESHOLD_LABELS[threshold]}</TableCell>
      <TableCell>
        <Chip size="small" color={ok ? 'success' : 'default'} label={ok ? '达到' : '未达到'} />
      </TableCell>
    </TableRow>
  );
};

/**
 * The live tally from `GET /api/votes/:id/result` (Civil Code Art. 278, DOMAIN.md §1): both
 * quorum ratios, both approval ratios with their thresholds, the server's Chinese explanation and
 * the per-building table (never an owner's choice; buildings below the ballot bar merged). Polls
 * while the vote is open. Staff always get the figures; residents' live view is withheld below the bar.
 */
export const VoteResult = ({ refreshKey = 0 }: { refreshKey?: number }) => {
  const record = useRecordContext();
  const [result, setResult] = useState<ShownVoteResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const id = record?.id;
  const open = record?.status === 'open';

  useEffect(() => {
    if (id === undefined) return;
    let live = true;
    const load = () =>
      getJson<ShownVoteResult>(`/votes/${encodeURIComponent(id)}/result`).then(
        (r) => live && (setResult(r), setError(null)),
        (e) => live && setError((e as Error).message || '结果加载失败'),
      );
    load();
    const timer = open ? setInterval(load, POLL_MS) : undefined;
    return () => {
      live = false;
      if (timer) clearInterval(timer);
    };
  }, [id, open, refreshKey]);

  if (error) return <Alert severity="error">{error}</Alert>;
  if (!result) return <LinearProgress />;

  const approval: Threshold = result.special ? 'three_quarters' : 'more_than_half';
  const deemedArea = result.deemedArea ?? 0;
  const deemedOwners = result.deemedOwners ?? 0;
  const lines: Line[] = [
    { label: '参与表决的专有部分面积', num: result.participatedArea, den: result.totalArea, threshold: 'two_thirds', area: true },
    { label: '参与表决的业主人数', num: result.participatedOwners, den: result.totalOwners, threshold: 'two_thirds', area: false },
    { label: '同意的面积（占参与面积）', num: result.agreeArea, den: result.participatedArea, threshold: approval, area: true },
    { label: '同意的人数（占参与人数）', num: result.agreeOwners, den: result.participatedOwners, threshold: approval, area: false },
  ];
  const standing = voteStanding(result.status, result);
  const verdict = standing.verdict;

  return (
    <Box data-testid="vote-result">
      <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', mb: 1 }}>
        <Typography variant="h6">表决结果</Typography>
        <Chip size="small" label={result.special ? '特别事项（双四分之三）' : '一般事项（双过半）'} />
        <Chip
          size="small"
          color={result.quorumMet ? 'success' : 'warning'}
          label={`${standing.tone === 'open' ? '目前' : ''}${result.quorumMet ? '参与达到法定人数' : '参与未达法定人数'}`}
        />
        <Chip
          size="small"
          color={standing.tone === 'pass' ? 'success' : standing.tone === 'fail' ? 'error' : 'default'}
          label={verdict}
          data-testid="vote-verdict"
        />
      </Box>
      <Alert severity={standing.tone === 'pass' ? 'success' : 'info'} sx={{ mb: 2 }} data-testid="vote-explanation">
        {standing.explanation}
      </Alert>
      <Table size="small" sx={{ mb: 2 }}>
        <TableHead>
          <TableRow>
            <TableCell>指标</TableCell>
            <TableCell align="right">数量</TableCell>
            <TableCell align="right">比例</TableCell>
            <TableCell>法定要求</TableCell>
            <TableCell>是否达到</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {lines.map((l) => (
            <Ratio key={l.label} {...l} />
          ))}
        </TableBody>
      </Table>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        {`同意 ${formatArea(result.agreeArea)} ㎡ / ${result.agreeOwners} 人 · 反对 ${formatArea(result.disagreeArea)} ㎡ / ${result.disagreeOwners} 人 · 弃权 ${formatArea(result.abstainArea)} ㎡ / ${result.abstainOwners} 人`}
        {(deemedArea > 0 || deemedOwners > 0) && ` · 未投票视为随多数（从众条款，不计入参与）${formatArea(deemedArea)} ㎡ / ${deemedOwners} 人`}
      </Typography>
      <Typography variant="subtitle1">分楼栋统计</Typography>
      <Table size="small" data-testid="vote-by-building">
        <TableHead>
          <TableRow>
            <TableCell>楼栋</TableCell>
            <TableCell align="right">房屋数</TableCell>
            <TableCell align="right">已投票</TableCell>
            <TableCell align="right">总面积（㎡）</TableCell>
            <TableCell align="right">参与面积（㎡）</TableCell>
            <TableCell align="right">同意（㎡）</TableCell>
            <TableCell align="right">反对（㎡）</TableCell>
            <TableCell align="right">弃权（㎡）</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {result.byBuilding.map((b) => (
            <TableRow key={b.buildingId}>
              <TableCell>{b.buildingName}</TableCell>
              <TableCell align="right">{b.parts}</TableCell>
              <TableCell align="right">{b.ballots}</TableCell>
              <TableCell align="right">{formatArea(b.totalArea)}</TableCell>
              <TableCell align="right">{formatArea(b.participatedArea)}</TableCell>
              <TableCell align="right">{formatArea(b.agreeArea)}</TableCell>
              <TableCell align="right">{formatArea(b.disagreeArea)}</TableCell>
              <TableCell align="right">{formatArea(b.abstainArea)}</TableCell>
            </TableRow>
          ))}
          {result.withheldBuildings && (
            <TableRow data-testid="vote-withheld-buildings">
              <TableCell>{`其余 ${result.withheldBuildings.buildings} 栋（合并）`}</TableCell>
              <TableCell align="right">{result.withheldBuildings.parts}</TableCell>
              <TableCell align="right">{result.withheldBuildings.ballots}</TableCell>
              {(['totalArea', 'participatedArea', 'agreeArea', 'disagreeArea', 'abstainArea'] as const).map((k) => (
                <TableCell key={k} align="right">
                  {result.withheldBuildings?.figures ? formatArea(result.withheldBuildings.figures[k]) : '—'}
                </TableCell>
              ))}
            </TableRow>
          )}
        </TableBody>
      </Table>
      <Typography variant="caption" color="text.secondary">
        {`每栋楼投票达到 ${result.minBallots} 票后才单独公布该楼统计；不足的楼栋合并显示，以保护业主个人信息。`}
      </Typography>
    </Box>
  );
};
