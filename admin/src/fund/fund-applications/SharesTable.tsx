import { useEffect, useState } from 'react';
import { Alert, Box, LinearProgress, Table, TableBody, TableCell, TableHead, TableRow, TablePagination, Typography } from '@mui/material';
import { useRecordContext } from 'react-admin';
import { errorMessage, getFund, type Shares } from '../api';
import { payerLabels } from '../choices';
import { formatAreaCenti, formatYuan } from '../money';

const RED = { color: '#c62828', fontWeight: 600 };

/**
 * Each household's share of the cost (by exclusive area, largest remainder, DOMAIN.md §3) against
 * its balance; any household the share would overdraw is listed with its shortfall — the
 * application cannot be approved until that is settled.
 */
export const SharesTable = ({ refreshKey = 0 }: { refreshKey?: number }) => {
  const record = useRecordContext();
  const [data, setData] = useState<Shares | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [page, setPage] = useState(0);
  const [perPage, setPerPage] = useState(25);

  useEffect(() => {
    if (!record?.id) return;
    let live = true;
    setError(null);
    getFund<Shares>(`/fund-applications/${encodeURIComponent(record.id)}/shares`).then(
      (d) => live && setData(d),
      (e) => live && setError(errorMessage(e)),
    );
    return () => {
      live = false;
    };
  }, [record?.id, record?.status, refreshKey]);

  if (error) return <Alert severity="error">{error}</Alert>;
  if (!data) return <LinearProgress />;
  const short = data.shares.filter((s) => s.shortfallFen > 0);
  const rows = data.shares.slice(page * perPage, page * perPage + perPage);
  return (
    <Box data-testid="fund-shares">
      <Typography variant="h6">费用分摊</Typography>
      <Typography variant="body2" sx={{ mb: 1 }}>
        {`分摊总额 ${formatYuan(data.totalFen)} 元，${data.shares.length} 户，按专有面积分摊（最大余额法取整，合计分毫不差）`}
      </Typography>
      {data.shortfallFen > 0 ? (
        <Alert severity="error" sx={{ mb: 1 }} data-testid="fund-shortfall">
          {`${short.length} 户余额不足，合计缺口 ${formatYuan(data.shortfallFen)} 元：须先续交，才能批准。`}
        </Alert>
      ) : (
        <Alert severity="success" sx={{ mb: 1 }}>
          各户余额足以承担分摊
        </Alert>
      )}
      <Table size="small">
        <TableHead>
          <TableRow>
            <TableCell>房号</TableCell>
            <TableCell align="right">专有面积（㎡）</TableCell>
            <TableCell align="right">分摊（元）</TableCell>
            <TableCell align="right">余额（元）</TableCell>
            <TableCell align="right">缺口（元）</TableCell>
            <TableCell>付款方</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((s) => (
            <TableRow key={s.householdId} data-household={s.householdId}>
              <TableCell>{s.room}</TableCell>
              <TableCell align="right">{formatAreaCenti(s.areaCenti)}</TableCell>
              <TableCell align="right">{formatYuan(s.fen)}</TableCell>
              <TableCell align="right">{formatYuan(s.balanceFen)}</TableCell>
              <TableCell align="right" sx={s.shortfallFen > 0 ? RED : undefined}>
                {s.shortfallFen > 0 ? formatYuan(s.shortfallFen) : '—'}
              </TableCell>
              <TableCell>{payerLabels[s.payer] ?? s.payer}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {data.shares.length > 25 && (
        <TablePagination
          component="div"
          count={data.shares.length}
          page={page}
          rowsPerPage={perPage}
          rowsPerPageOptions={[25, 50, 100]}
          onPageChange={(_e, p) => setPage(p)}
          onRowsPerPageChange={(e) => {
            setPerPage(Number(e.target.value));
            setPage(0);
          }}
          labelRowsPerPage="每页"
        />
      )}
    </Box>
  );
};
