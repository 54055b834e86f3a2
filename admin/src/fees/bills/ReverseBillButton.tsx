import UndoIcon from '@mui/icons-material/Undo';
import { TextInput, maxLength, required, useRecordContext } from 'react-admin';
import { useIsCompany } from '../access';
import { ActionDialog } from '../../fund/ActionDialog';
import { postFees } from '../api';
import { yuan } from '../choices';

/** 冲销: a wrong bill with nothing paid on it is reversed with a reason (a paid one needs a refund first; the server says so). */
export const ReverseBillButton = (_p: { label?: string }) => {
  const record = useRecordContext();
  const company = useIsCompany();
  if (!record || !company || record.status === 'reversed' || Number(record.paidFen) > 0) return null;
  return (
    <ActionDialog<{ reason: string }>
      label="冲销"
      icon={<UndoIcon />}
      color="warning"
      title={`冲销账单 #${record.id}`}
      submitLabel="冲销"
      maxWidth="xs"
      confirm={(v) =>
        `账单 #${record.id}（${record.feeItemName} ${record.periodStart} 至 ${record.periodEnd}，${yuan(Number(record.amountFen))}）将标记为已冲销，不再计入欠费。原因：${v.reason}`
      }
      run={async (v) => {
        await postFees(`/bills/${encodeURIComponent(String(record.id))}/reverse`, { reason: v.reason.trim() });
        return '账单已冲销';
      }}
    >
      <TextInput source="reason" label="冲销原因" multiline minRows={2} validate={[required('请填写冲销原因'), maxLength(200, '冲销原因最多200字')]} />
    </ActionDialog>
  );
};
