import { useEffect, useState } from 'react';
import { Alert, Box, Chip, LinearProgress, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { Link, useRecordContext } from 'react-admin';
import { getFund, errorMessage, type Reconciliation as Data } from '../api';
import { formatYuan } from '../money';

const RED = { color: '#c62828', fontWeight: 600 };

/**
 * DOMAIN.md §3: Σ household balances = the account balance, to the fen. Also the journal sum, and
 * each ledger whose balance differs from its own entries. Any difference is shown in red.
 */
export const Reconciliation = ({ refreshKey = 0 }: { refreshKey?: number }) => {
  const record = useRecordContext();
  const [data, setData] = useState<Data | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!record?.id) return;
    let live = true;
    setError(null);
    getFund<Data>(`/fund-accounts/${encodeURIComponent(record.id)}/reconciliation`).then(
      (d) => live && setData(d),
      (e) => live && setError(errorMessage(e)),
    );
    return () => {
      live = false;
    };
  }, [record?.id, record?.balanceFen, refreshKey]);

  if (error) return <Alert severity="error">{error}</Alert>;
  if (!data) return <LinearProgress />;
  const balanced = data.differenceFen === 0 && data.accountBalanceFen === data.entrySumFen && data.mismatches.length === 0;
  const line = (label: string, fen: number, testId: string, bad = false) => (
    <TableRow>
      <TableCell>{label}</TableCell>
      <TableCell align="right" data-testid={testId} sx={bad ? RED : { fontVariantNumeric: 'tabular-nums' }}>
        {formatYuan(fen)}
      </TableCell>
    </TableRow>
  );
  return (
    <Box data-testid="fund-reconciliation">
      <Typography variant="h6" sx={{ mb: 1, display: 'flex', gap: 1, alignItems: 'center' }}>
        对账
        <Chip size="small" color={balanced ? 'success' : 'error'} label={balanced ? '账实相符' : '账实不符'} data-testid="fund-reconciliation-status" />
      </Typography>
      <Table size="small" sx={{ maxWidth: 560 }}>
        <TableBody>
          {line('专户余额（元）', data.accountBalanceFen, 'recon-account')}
          {line('分户账余额合计（元）', data.ledgerSumFen, 'recon-ledgers', data.ledgerSumFen !== data.accountBalanceFen)}
          {line('流水合计（元）', data.entrySumFen, 'recon-entries', data.entrySumFen !== data.accountBalanceFen)}
          {line('差额（元）', data.differenceFen, 'recon-difference', data.differenceFen !== 0)}
        </TableBody>
      </Table>
      {data.mismatches.length > 0 && (
        <>
          <Typography variant="subtitle2" sx={{ mt: 2, ...RED }}>
            {`余额与流水不符的分户账：${data.mismatches.length} 户`}
          </Typography>
          <Table size="small" sx={{ maxWidth: 720 }}>
            <TableHead>
              <TableRow>
                <TableCell>分户账</TableCell>
                <TableCell align="right">账面余额（元）</TableCell>
                <TableCell align="right">流水合计（元）</TableCell>
                <TableCell align="right">差额（元）</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {data.mismatches.map((m) => (
                <TableRow key={m.ledgerId}>
                  <TableCell>
                    <Link to={`/fund-ledgers/${m.ledgerId}/show`}>{`#${m.ledgerId}（房屋 ${m.householdId}）`}</Link>
                  </TableCell>
                  <TableCell align="right">{formatYuan(m.balanceFen)}</TableCell>
                  <TableCell align="right">{formatYuan(m.entrySumFen)}</TableCell>
                  <TableCell align="right" sx={RED}>
                    {formatYuan(m.balanceFen - m.entrySumFen)}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </>
      )}
    </Box>
  );
};
