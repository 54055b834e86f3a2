import SavingsIcon from '@mui/icons-material/Savings';
import { FormDataConsumer, SelectInput, TextInput, required, useRecordContext, type RaRecord } from 'react-admin';
import { RefInput } from '../../common/fields';
import { useMayFund } from '../access';
import { ActionDialog } from '../ActionDialog';
import { postFund } from '../api';
import { depositKindChoices, depositKindLabels } from '../choices';
import { YuanInput } from '../fields';
import { formatYuan, parseYuan, yuanValidator } from '../money';

type Values = { householdId: number; kind: 'first_deposit' | 'top_up'; amountYuan?: string; memo?: string };

export const householdText = (r: RaRecord) => (r ? `${r.buildingName ?? ''}${r.unitName ?? ''} ${r.room ?? ''}`.trim() : '');

const optionalYuan = (v: string) => (v ? yuanValidator()(v) : undefined);

/**
 * 登记交存: a first deposit (amount defaults to area × the per-m² amount for the building type,
 * computed by the server) or a top-up, for one household of this account's compound.
 */
export const DepositButton = () => {
  const record = useRecordContext();
  const may = useMayFund('deposit');
  if (!record || !may) return null;
  return (
    <ActionDialog<Values>
      label="登记交存"
      icon={<SavingsIcon />}
      defaultValues={{ kind: 'first_deposit' }}
      submitLabel="记账"
      confirm={(v) => {
        const fen = v.amountYuan ? parseYuan(v.amountYuan) : null;
        const amount = fen === null ? '按建筑面积 × 交存标准计算' : `${formatYuan(fen)} 元`;
        return `将为该房屋记入一笔${depositKindLabels[v.kind]}，金额 ${amount}。记账后不能修改，更正须冲正。`;
      }}
      run={async (v) => {
        const amountFen = v.amountYuan ? parseYuan(v.amountYuan) : null;
        const entry = await postFund<{ amountFen: number }>(`/fund-accounts/${encodeURIComponent(String(record.id))}/deposits`, {
          householdId: v.householdId,
          kind: v.kind,
          ...(amountFen !== null ? { amountFen } : {}),
          ...(v.memo ? { memo: v.memo } : {}),
        });
        return `已记账：${formatYuan(entry.amountFen)} 元`;
      }}
    >
      <RefInput
        source="householdId"
        reference="households"
        label="房屋（输入房号搜索）"
        filter={{ compoundId: record.compoundId }}
        optionText={householdText}
        validate={required('请选择房屋')}
      />
      <SelectInput source="kind" label="交存类型" choices={depositKindChoices} validate={required()} />
      <FormDataConsumer<Values>>
        {({ formData }) =>
          formData.kind === 'top_up' ? (
            <YuanInput source="amountYuan" label="续交金额（元）" />
          ) : (
            <TextInput source="amountYuan" label="金额（元，可不填）" helperText="不填则按建筑面积 × 该类房屋的交存标准计算" validate={optionalYuan} />
          )
        }
      </FormDataConsumer>
      <TextInput source="memo" label="备注" />
    </ActionDialog>
  );
};
