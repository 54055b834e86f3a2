import { Datagrid, DateField, List, NumberField, SelectInput, TextField } from 'react-admin';
import { EnumField, RefInput, RegionField, RegionInput, searchFilter } from '../../common/fields';
import { serverXlsxExporter } from '../../common/serverExport';
import { committeeAlertChoices, committeeKindChoices, committeeStatusChoices } from '../choices';
import { AlertsField } from './AlertsField';

// `q` searches the compound name; `alert` keeps committees carrying that alert code.
const filters = [
  searchFilter,
  <RegionInput key="regionCode" source="regionCode" label="所属区划" alwaysOn />,
  <SelectInput key="alert" source="alert" label="预警" choices={committeeAlertChoices} alwaysOn />,
  <SelectInput key="kind" source="kind" choices={committeeKindChoices} />,
  <SelectInput key="status" source="status" choices={committeeStatusChoices} />,
  <RefInput key="compoundId" source="compoundId" reference="compounds" />,
];

const exporter = serverXlsxExporter('committees');

export const CommitteeList = () => (
  <List filters={filters} exporter={exporter} sort={{ field: 'id', order: 'DESC' }} perPage={25}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="compoundName" sortable={false} />
      <RegionField source="regionCode" sortable={false} />
      <EnumField source="kind" choices={committeeKindChoices} />
      <EnumField source="status" choices={committeeStatusChoices} />
      <DateField locales="zh-CN" source="termStart" emptyText="—" sortable={false} />
      <DateField locales="zh-CN" source="termEnd" emptyText="—" />
      <DateField locales="zh-CN" source="filedAt" emptyText="未备案" sortable={false} />
      <NumberField source="memberCount" sortable={false} />
      <NumberField source="partyMemberCount" sortable={false} />
      <DateField locales="zh-CN" source="lastDisclosureAt" emptyText="—" sortable={false} />
      <AlertsField label="resources.committees.fields.alerts" />
    </Datagrid>
  </List>
);
