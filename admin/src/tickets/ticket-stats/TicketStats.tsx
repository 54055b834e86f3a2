import { useEffect, useState } from 'react';
import { Box, Button, Card, CardContent, MenuItem, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from '@mui/material';
import { Title, useNotify } from 'react-admin';
import { TICKET_PHASE_LABELS, formatHundredths, formatPermille, type TicketStatsRow } from '@baotou/shared';
import { httpClient } from '../../dataProvider';
import { downloadXlsx } from '../../common/xlsxDownload';
import { groupChoices } from '../labels';

const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
const yearStart = () => `${today().slice(0, 4)}-01-01`;

const COLUMNS: [string, (r: TicketStatsRow) => string | number][] = [
  ['受理量', (r) => r.received],
  ['办结量', (r) => r.closed],
  // The same lifecycle as the queues (shared lifecycle.ts): rated cases waiting for staff are not yet 办结.
  [TICKET_PHASE_LABELS.awaiting_rating, (r) => r.awaitingRating],
  [TICKET_PHASE_LABELS.awaiting_close, (r) => r.awaitingClose],
  ['办结率', (r) => formatPermille(r.closureRatePermille)],
  ['按时办理率', (r) => formatPermille(r.onTimeRatePermille)],
  ['平均评分', (r) => formatHundredths(r.averageRatingHundredths)],
  ['评价数', (r) => r.ratingCount],
  ['升级次数', (r) => r.escalations],
];

/** 受理、办结、办结率、按时率、平均评分、升级 by district / street / compound / company over a period. */
export const TicketStats = () => {
  const notify = useNotify();
  const [from, setFrom] = useState(yearStart());
  const [to, setTo] = useState(today());
  const [groupBy, setGroupBy] = useState('district');
  const [rows, setRows] = useState<TicketStatsRow[]>([]);
  const [loading, setLoading] = useState(false);

  const load = async () => {
    setLoading(true);
    try {
      const { json } = await httpClient(`/api/tickets/stats?${new URLSearchParams({ from, to, groupBy })}`);
      setRows(json as TicketStatsRow[]);
    } catch (e) {
      notify((e as Error).message, { type: 'error' });
    } finally {
      setLoading(false);
    }
  };
  useEffect(() => {
    void load();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [groupBy]);

  const exportXlsx = async () => {
    const group = groupChoices.find((g) => g.id === groupBy)?.name ?? groupBy;
    await downloadXlsx(`工单统计_${group}_${from}至${to}.xlsx`, [
      { name: `工单统计 ${from}至${to}`, rows: [[group, ...COLUMNS.map(([h]) => h)], ...rows.map((r) => [r.name, ...COLUMNS.map(([, f]) => f(r))])] },
    ]);
  };

  return (
    <Card sx={{ mt: 2 }}>
      <Title title="工单统计" />
      <CardContent>
        <Box sx={{ display: 'flex', gap: 2, alignItems: 'center', flexWrap: 'wrap', mb: 2 }}>
          <TextField type="date" label="开始日期" value={from} onChange={(e) => setFrom(e.target.value)} InputLabelProps={{ shrink: true }} size="small" />
          <TextField type="date" label="结束日期" value={to} onChange={(e) => setTo(e.target.value)} InputLabelProps={{ shrink: true }} size="small" />
          <TextField select label="统计维度" value={groupBy} onChange={(e) => setGroupBy(e.target.value)} size="small" sx={{ minWidth: 140 }}>
            {groupChoices.map((g) => (
              <MenuItem key={g.id} value={g.id}>
                {g.name}
              </MenuItem>
            ))}
          </TextField>
          <Button variant="contained" onClick={load} disabled={loading}>
            查询
          </Button>
          <Button variant="outlined" onClick={exportXlsx} disabled={!rows.length}>
            导出 Excel
          </Button>
        </Box>
        {rows.length === 0 ? (
          <Typography color="text.secondary">{loading ? '统计中…' : '所选期间没有工单'}</Typography>
        ) : (
          <Table size="small">
            <TableHead>
              <TableRow>
                <TableCell>{groupChoices.find((g) => g.id === groupBy)?.name}</TableCell>
                {COLUMNS.map(([h]) => (
                  <TableCell key={h} align="right">
                    {h}
                  </TableCell>
                ))}
              </TableRow>
            </TableHead>
            <TableBody>
              {rows.map((r) => (
                <TableRow key={r.key}>
                  <TableCell>{r.name}</TableCell>
                  {COLUMNS.map(([h, f]) => (
                    <TableCell key={h} align="right">
                      {f(r)}
                    </TableCell>
                  ))}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </CardContent>
    </Card>
  );
};
