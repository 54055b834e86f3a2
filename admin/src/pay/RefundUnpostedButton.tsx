import UndoIcon from '@mui/icons-material/Undo';
import { TextInput, maxLength, required, usePermissions, useRecordContext } from 'react-admin';
import { formatYuan, parseYuan } from '@baotou/shared';
import { RefundAmountInput } from '../fees/RefundAmountInput';
import { ActionDialog } from '../fund/ActionDialog';
import { postFees } from '../fees/api';
import { yuan } from '../fees/choices';

/**
 * 退款 of an order paid at WeChat that the books could not take ('unposted'): what remains of it
 * (or less, when part was refunded on WeChat's merchant platform already) goes back to the payer
 * through WeChat Pay. A fee order is the charging company's to refund, a fund self-deposit the
 * housing bureau's (the server decides the same).
 */
export const RefundUnpostedButton = (_p: { label?: string }) => {
  const record = useRecordContext();
  const role = usePermissions<string | null>().permissions;
  if (!record || record.status !== 'unposted') return null;
  const mayRefund = record.purpose === 'fees' ? role === 'company_staff' : role === 'district_staff' || role === 'city_admin';
  const refundable = Number(record.amountFen) - Number(record.refundedFen);
  if (!mayRefund || refundable <= 0) return null;
  return (
    <ActionDialog<{ amountYuan: string; reason: string }>
      label="退款"
      icon={<UndoIcon />}
      color="warning"
      title={`退款：订单 ${record.outTradeNo}`}
      submitLabel="退款"
      maxWidth="xs"
      defaultValues={{ amountYuan: formatYuan(refundable, { grouping: false }) }}
      confirm={(v) => `将原路退回微信支付 ${yuan(parseYuan(v.amountYuan) ?? 0)}（该笔支付未能入账）。原因：${v.reason}`}
      run={async (v) => {
        await postFees(`/pay-orders/${encodeURIComponent(String(record.id))}/refund`, { amountFen: parseYuan(v.amountYuan), reason: v.reason.trim() });
        return '已退款';
      }}
    >
      <RefundAmountInput refundableFen={refundable} helperText={`最多 ${formatYuan(refundable)} 元；若已在微信支付商户平台退过一部分，只填剩余的`} />
      <TextInput source="reason" label="退款原因" multiline minRows={2} validate={[required('请填写退款原因'), maxLength(200, '退款原因最多200字')]} />
    </ActionDialog>
  );
};
