import PercentIcon from '@mui/icons-material/Percent';
import { DateInput, required, useRecordContext } from 'react-admin';
import { useMayFund } from '../access';
import { ActionDialog } from '../ActionDialog';
import { postFund } from '../api';
import { YuanInput } from '../fields';
import { formatYuan, parseYuan } from '../money';

type Values = { periodEnd: string; amountYuan: string };
type Result = { batchId: number | string; ledgers: number; totalFen: number };

/**
 * 分配增值收益 (DOMAIN.md §3): the period's earnings credited to every household in proportion to
 * its balance at period end, largest remainder, total exact. Confirmed before posting.
 */
export const AllocateEarningsButton = () => {
  const record = useRecordContext();
  const may = useMayFund('allocate');
  if (!record || !may) return null;
  return (
    <ActionDialog<Values>
      label="分配增值收益"
      icon={<PercentIcon />}
      submitLabel="分配"
      confirm={(v) =>
        `将把 ${formatYuan(parseYuan(v.amountYuan))} 元增值收益，按 ${v.periodEnd} 日终各户余额比例分配到「${record.compoundName ?? ''}」的 ${record.ledgerCount ?? ''} 个分户账（最大余额法取整，合计分毫不差）。记账后不能修改。`
      }
      run={async (v) => {
        const r = await postFund<Result>(`/fund-accounts/${encodeURIComponent(String(record.id))}/allocate-earnings`, {
          periodEnd: v.periodEnd,
          amountFen: parseYuan(v.amountYuan),
        });
        return `已分配 ${formatYuan(r.totalFen)} 元到 ${r.ledgers} 户（批次 ${r.batchId}）`;
      }}
    >
      <DateInput source="periodEnd" label="结息日（期末）" validate={required('请选择结息日')} />
      <YuanInput source="amountYuan" label="本期收益金额（元）" />
    </ActionDialog>
  );
};
