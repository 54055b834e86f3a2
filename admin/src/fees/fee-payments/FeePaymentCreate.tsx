import { Alert } from '@mui/material';
import {
  AutocompleteInput,
  Create,
  FormDataConsumer,
  ReferenceInput,
  SelectInput,
  SimpleForm,
  TextInput,
  maxLength,
  required,
  type RaRecord,
} from 'react-admin';
import { parseYuan } from '@baotou/shared';
import { YuanInput } from '../../fund/fields';
import { counterMethodChoices } from '../choices';

const homeText = (r: RaRecord) => (r ? `${r.compoundName ?? ''}${r.buildingName ?? ''}${r.unitName ?? ''}${r.room}` : '');

/** A counter payment (cash or bank transfer): partial allowed, applied to the home's oldest open bills; more than owed is refused. */
export const FeePaymentCreate = () => (
  // A cashier counts yuan (the form once asked for fen): typed as yuan, sent as integer fen by shared's parseYuan.
  <Create
    transform={({ amountYuan, ...rest }: Record<string, unknown>) => ({ ...rest, amountFen: parseYuan(amountYuan as string) })}
    redirect={(_r?: string, _id?: unknown, data?: Partial<RaRecord>) => (data?.receiptId ? `receipts/${data.receiptId}/show` : 'fee-payments')}
  >
    <SimpleForm defaultValues={{ method: 'cash' }}>
      <Alert severity="info" sx={{ mb: 2 }}>
        柜台收款按计费期从早到晚冲抵该房屋的未缴账单，可部分缴纳；金额不得超过欠费。
      </Alert>
      {/* The compound first: homes are listed without their compound's name, so "1号楼1单元101" of every compound looked alike. */}
      <ReferenceInput source="compoundId" reference="compounds">
        <AutocompleteInput label="小区" optionText="name" filterToQuery={(q: string) => ({ q })} validate={required('请先选择小区')} />
      </ReferenceInput>
      <FormDataConsumer>
        {({ formData }) => (
          <ReferenceInput source="householdId" reference="households" filter={formData.compoundId ? { compoundId: formData.compoundId } : {}}>
            <AutocompleteInput
              label="房屋"
              optionText={homeText}
              filterToQuery={(q: string) => ({ q })}
              validate={required('请选择房屋')}
              disabled={!formData.compoundId}
            />
          </ReferenceInput>
        )}
      </FormDataConsumer>
      <YuanInput source="amountYuan" label="金额（元）" />
      <SelectInput source="method" choices={counterMethodChoices} validate={required('请选择收款方式')} />
      <TextInput source="reference" validate={maxLength(64, '凭证号最多64个字符')} />
    </SimpleForm>
  </Create>
);
