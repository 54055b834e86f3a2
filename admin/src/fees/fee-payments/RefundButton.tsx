import UndoIcon from '@mui/icons-material/Undo';
import { NumberInput, TextInput, maxLength, required, useRecordContext } from 'react-admin';
import { ActionDialog } from '../../fund/ActionDialog';
import { postFees } from '../api';
import { useIsCompany } from '../access';
import { yuan } from '../choices';

/** 退款: at most what was paid less what was refunded; a WeChat payment is refunded through WeChat Pay. */
export const RefundButton = (_p: { label?: string }) => {
  const record = useRecordContext();
  const company = useIsCompany();
  if (!record || !company) return null;
  const refundable = Number(record.amountFen) - Number(record.refundedFen);
  if (refundable <= 0) return null;
  return (
    <ActionDialog<{ amountFen: number; reason: string }>
      label="退款"
      icon={<UndoIcon />}
      color="warning"
      title={`退款：收据 ${record.receiptNo}`}
      submitLabel="退款"
      maxWidth="xs"
      defaultValues={{ amountFen: refundable }}
      confirm={(v) => `将退还 ${yuan(v.amountFen)}${record.method === 'wechat' ? '（原路退回微信支付）' : ''}，从最近计费期的账单起扣回已缴金额。原因：${v.reason}`}
      run={async (v) => {
        await postFees(`/fee-payments/${encodeURIComponent(String(record.id))}/refund`, { amountFen: v.amountFen, reason: v.reason.trim() });
        return '已退款';
      }}
    >
      <NumberInput
        source="amountFen"
        label="退款金额（分）"
        step={1}
        validate={[required('请填写退款金额'), (v: unknown) => (Number.isInteger(v) && (v as number) >= 1 && (v as number) <= refundable ? undefined : `退款金额须为 1 至 ${refundable} 分之间的整数`)]}
      />
      <TextInput source="reason" label="退款原因" multiline minRows={2} validate={[required('请填写退款原因'), maxLength(200, '退款原因最多200字')]} />
    </ActionDialog>
  );
};
