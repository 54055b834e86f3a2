import { BooleanField, Datagrid, DateField, List, NullableBooleanInput, SelectInput, TextField } from 'react-admin';
import { EnumField, RefInput, RegionField, searchFilter } from '../../common/fields';
import { serverXlsxExporter } from '../../common/serverExport';
import { applicationStatusChoices, emergencyKindChoices } from '../choices';
import { YuanField } from '../fields';
import { OverdueField } from './OverdueField';

// `q` searches the title.
const filters = [
  searchFilter,
  <SelectInput key="status" source="status" choices={applicationStatusChoices} alwaysOn />,
  <NullableBooleanInput key="emergency" source="emergency" alwaysOn />,
  <NullableBooleanInput key="disclosureOverdue" source="disclosureOverdue" />,
  <SelectInput key="emergencyKind" source="emergencyKind" choices={emergencyKindChoices} />,
  <RefInput key="compoundId" source="compoundId" reference="compounds" />,
];

const exporter = serverXlsxExporter('fund-applications');

export const FundApplicationList = () => (
  <List filters={filters} exporter={exporter} sort={{ field: 'createdAt', order: 'DESC' }} perPage={25}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="compoundName" sortable={false} />
      <RegionField source="regionCode" sortable={false} />
      <TextField source="title" sortable={false} />
      <YuanField source="budgetFen" />
      <YuanField source="actualCostFen" sortable={false} />
      <BooleanField source="emergency" sortable={false} />
      <EnumField source="emergencyKind" choices={emergencyKindChoices} sortable={false} />
      <EnumField source="status" choices={applicationStatusChoices} />
      <OverdueField label="resources.fund-applications.fields.disclosureOverdue" />
      <DateField locales="zh-CN" source="createdAt" />
    </Datagrid>
  </List>
);
