import HomeWorkIcon from '@mui/icons-material/HomeWork';
import { TextInput, maxLength, required, useRecordContext } from 'react-admin';
import { useMayFund } from '../access';
import { ActionDialog } from '../ActionDialog';
import { postFund } from '../api';
import { formatSignedYuan } from '../money';

/** 拆迁退还: on demolition the home's whole balance is refunded (DOMAIN.md §3), once. */
export const RefundButton = () => {
  const record = useRecordContext();
  const may = useMayFund('refund');
  if (!record || !may || !((record.balanceFen as number) > 0)) return null;
  return (
    <ActionDialog<{ reason: string }>
      label="拆迁退还"
      icon={<HomeWorkIcon />}
      color="warning"
      title={`退还 ${record.buildingName ?? ''}${record.unitName ?? ''}${record.room ?? ''} 的维修资金`}
      submitLabel="退还"
      maxWidth="xs"
      confirm={(v) => `将记入一笔 ${formatSignedYuan(-(record.balanceFen as number))} 元的拆迁退还流水，分户账余额归零。理由：${v.reason}`}
      run={async (v) => {
        const r = await postFund<{ refundedFen: number }>(`/fund-ledgers/${encodeURIComponent(String(record.id))}/refund`, { reason: v.reason.trim() });
        return `已退还 ${formatSignedYuan(r.refundedFen)} 元`;
      }}
    >
      <TextInput source="reason" label="退还理由" multiline minRows={2} validate={[required('请填写退还理由'), maxLength(200, '退还理由最多200字')]} />
    </ActionDialog>
  );
};
