import { Datagrid, DateField, List, SelectInput, TextField, TextInput } from 'react-admin';
import { EnumField, RefInput } from '../../common/fields';
import { serverXlsxExporter } from '../../common/serverExport';
import { entryKindChoices, payerLabels } from '../choices';
import { YuanField } from '../fields';
import { ReverseButton } from './ReverseButton';
import { LedgerHomeField, ReferenceTextField } from '../journal';

const payerChoices = Object.entries(payerLabels).map(([id, name]) => ({ id, name }));

const filters = [
  <RefInput key="accountId" source="accountId" reference="fund-accounts" optionText="compoundName" alwaysOn />,
  <SelectInput key="kind" source="kind" choices={entryKindChoices} alwaysOn />,
  <TextInput key="batchId" source="batchId" />,
  <TextInput key="ledgerId" source="ledgerId" />,
  <RefInput key="householdId" source="householdId" reference="households" optionText="room" />,
];

const exporter = serverXlsxExporter('fund-entries');

export const FundEntryList = () => (
  <List filters={filters} exporter={exporter} sort={{ field: 'id', order: 'DESC' }} perPage={25}>
    <Datagrid bulkActionButtons={false} rowClick={false}>
      <TextField source="id" />
      <DateField locales="zh-CN" source="postedAt" showTime />
      <LedgerHomeField source="householdId" sortable={false} />
      <TextField source="batchId" sortable={false} emptyText="—" />
      <EnumField source="kind" choices={entryKindChoices} />
      <YuanField source="amountFen" signed sortable={false} />
      <YuanField source="balanceAfterFen" sortable={false} />
      <EnumField source="payer" choices={payerChoices} sortable={false} />
      <ReferenceTextField source="reference" sortable={false} />
      <TextField source="reversesId" sortable={false} emptyText="—" />
      <TextField source="memo" sortable={false} emptyText="—" />
      <ReverseButton />
    </Datagrid>
  </List>
);
