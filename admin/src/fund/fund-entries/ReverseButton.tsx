import UndoIcon from '@mui/icons-material/Undo';
import { TextInput, maxLength, required, useRecordContext } from 'react-admin';
import { useMayFund } from '../access';
import { ActionDialog } from '../ActionDialog';
import { postFund } from '../api';
import { entryKindLabels } from '../choices';
import { formatSignedYuan } from '../money';

/**
 * 冲正: posts the opposite amount with a reason; the original stays as it was. A reversal itself,
 * or an entry already reversed, is refused by the server with its reason.
 */
export const ReverseButton = (_p: { label?: string }) => {
  const record = useRecordContext();
  const may = useMayFund('reverse');
  if (!record || !may || record.kind === 'reversal' || record.reversed) return null;
  return (
    <ActionDialog<{ reason: string }>
      label="冲正"
      icon={<UndoIcon />}
      color="warning"
      title={`冲正流水 #${record.id}`}
      submitLabel="冲正"
      maxWidth="xs"
      confirm={(v) =>
        `将记入一笔 ${formatSignedYuan(-(record.amountFen as number))} 元的冲正流水，抵销「${entryKindLabels[record.kind] ?? record.kind}」${formatSignedYuan(record.amountFen)} 元。原流水保留。理由：${v.reason}`
      }
      run={async (v) => {
        const entry = await postFund<{ id: number }>(`/fund-entries/${encodeURIComponent(String(record.id))}/reverse`, { reason: v.reason.trim() });
        return `已冲正（流水 #${entry.id}）`;
      }}
    >
      <TextInput source="reason" label="冲正原因" multiline minRows={2} validate={[required('请填写冲正原因'), maxLength(200, '冲正原因最多200字')]} />
    </ActionDialog>
  );
};
