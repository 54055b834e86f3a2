import { Alert, Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import { useRecordContext } from 'react-admin';
import { formatYuan, statementTotals, type Statement } from '../statement';

/** Opening, income and expense lines, running balance and closing; flags a statement that does not balance. */
export const StatementTable = (_p: { label?: string }) => {
  const record = useRecordContext();
  const s = record?.statement as Statement | null | undefined;
  if (!s) return <span>—</span>;
  const totals = statementTotals(s);
  let balance = s.openingFen;
  const rows = [
    ...s.incomeLines.map((l, i) => ({ key: `income:${i}`, kind: '收入', label: l.label, income: l.amountFen, expense: null as number | null })),
    ...s.expenseLines.map((l, i) => ({ key: `expense:${i}`, kind: '支出', label: l.label, income: null as number | null, expense: l.amountFen })),
  ].map((r) => {
    balance += (r.income ?? 0) - (r.expense ?? 0);
    return { ...r, balance };
  });
  return (
    <>
      <Table size="small" data-testid="statement">
        <TableHead>
          <TableRow>
            <TableCell>行</TableCell>
            <TableCell>项目</TableCell>
            <TableCell align="right">收入（元）</TableCell>
            <TableCell align="right">支出（元）</TableCell>
            <TableCell align="right">余额（元）</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          <TableRow>
            <TableCell>—</TableCell>
            <TableCell>期初余额</TableCell>
            <TableCell />
            <TableCell />
            <TableCell align="right">{formatYuan(s.openingFen)}</TableCell>
          </TableRow>
          {rows.map((r) => (
            <TableRow key={r.key}>
              <TableCell>{r.kind}</TableCell>
              <TableCell>{r.label}</TableCell>
              <TableCell align="right">{r.income === null ? '' : formatYuan(r.income)}</TableCell>
              <TableCell align="right">{r.expense === null ? '' : formatYuan(r.expense)}</TableCell>
              <TableCell align="right">{formatYuan(r.balance)}</TableCell>
            </TableRow>
          ))}
          <TableRow>
            <TableCell>合计</TableCell>
            <TableCell />
            <TableCell align="right">{formatYuan(totals.income)}</TableCell>
            <TableCell align="right">{formatYuan(totals.expense)}</TableCell>
            <TableCell />
          </TableRow>
          <TableRow>
            <TableCell>—</TableCell>
            <TableCell>期末余额</TableCell>
            <TableCell />
            <TableCell />
            <TableCell align="right">{formatYuan(s.closingFen)}</TableCell>
          </TableRow>
        </TableBody>
      </Table>
      {totals.difference !== 0 && <Alert severity="error" sx={{ mt: 1 }}>{`收支不平衡：差额 ${formatYuan(totals.difference)} 元`}</Alert>}
    </>
  );
};
