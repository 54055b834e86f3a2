import PrintIcon from '@mui/icons-material/Print';
import { Box, Button, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { Show, TopToolbar, useRecordContext } from 'react-admin';
import { formatBeijing } from '../../common/beijingTime';
import { paymentMethodChoices, yuan } from '../choices';

type Line = { billId: number; feeItemName: string; periodStart: string; periodEnd: string; amountFen: number };

/** The electronic receipt as a printable page: number, payer's home, what was paid, by whom. */
const Receipt = () => {
  const r = useRecordContext();
  if (!r) return null;
  const method = paymentMethodChoices.find((c) => c.id === r.method)?.name ?? '';
  return (
    <Box sx={{ p: 3, maxWidth: 720 }} data-testid="receipt">
      <Typography variant="h5" align="center" gutterBottom>
        物业服务费电子收据
      </Typography>
      <Typography>
        收据号：<b data-testid="receipt-no">{r.receiptNo}</b>
      </Typography>
      <Typography>收款单位：{r.companyName}</Typography>
      <Typography>
        房屋：{r.compoundName}
        {r.buildingName}
        {r.unitName}
        {r.room}
      </Typography>
      <Typography>
        收款方式：{method}　开具时间：{formatBeijing(new Date(r.issuedAt))}
      </Typography>
      <Table size="small" sx={{ my: 2 }}>
        <TableHead>
          <TableRow>
            <TableCell>收费项目</TableCell>
            <TableCell>计费期</TableCell>
            <TableCell align="right">金额</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {(r.lines as Line[]).map((l) => (
            <TableRow key={l.billId}>
              <TableCell>{l.feeItemName}</TableCell>
              <TableCell>
                {l.periodStart} 至 {l.periodEnd}
              </TableCell>
              <TableCell align="right">{yuan(l.amountFen)}</TableCell>
            </TableRow>
          ))}
          <TableRow>
            <TableCell colSpan={2}>
              <b>合计</b>
            </TableCell>
            <TableCell align="right" data-testid="receipt-total">
              <b>{yuan(Number(r.amountFen))}</b>
            </TableCell>
          </TableRow>
        </TableBody>
      </Table>
      {Number(r.refundedFen) > 0 && <Typography color="warning.main">其中已退款 {yuan(Number(r.refundedFen))}</Typography>}
    </Box>
  );
};

export const ReceiptShow = () => (
  <Show
    actions={
      <TopToolbar>
        <Button startIcon={<PrintIcon />} onClick={() => window.print()}>
          打印
        </Button>
      </TopToolbar>
    }
  >
    <Receipt />
  </Show>
);
