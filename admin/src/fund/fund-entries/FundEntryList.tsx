import { Datagrid, DateField, List, SelectInput, TextField, TextInput } from 'react-admin';
import { EnumField, RefInput } from '../../common/fields';
import { xlsxExporter } from '../../common/xlsxExporter';
import { entryKindChoices, entryKindLabels, payerLabels } from '../choices';
import { fenColumns } from '../exportFen';
import { YuanField } from '../fields';
import { ReverseButton } from './ReverseButton';
import { LedgerHomeField, ReferenceTextField, journalExport } from '../journal';

const payerChoices = Object.entries(payerLabels).map(([id, name]) => ({ id, name }));

const filters = [
  <RefInput key="accountId" source="accountId" reference="fund-accounts" optionText="compoundName" alwaysOn />,
  <SelectInput key="kind" source="kind" choices={entryKindChoices} alwaysOn />,
  <TextInput key="batchId" source="batchId" />,
  <TextInput key="ledgerId" source="ledgerId" />,
  <RefInput key="householdId" source="householdId" reference="households" optionText="room" />,
];

const exporter = fenColumns(
  xlsxExporter('fund-entries', {
    fields: ['id', 'postedAt', 'accountId', 'householdId', 'batchId', 'kind', 'amountFen', 'balanceAfterFen', 'payer', 'reference', 'reversesId', 'memo'],
    references: [{ field: 'accountId', resource: 'fund-accounts', label: (a) => a.compoundName ?? a.id }, ...journalExport.references],
    computed: journalExport.computed,
    numeric: ['amountFen', 'balanceAfterFen'],
    enums: { kind: entryKindLabels, payer: payerLabels },
  }),
  ['amountFen', 'balanceAfterFen'],
);

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
