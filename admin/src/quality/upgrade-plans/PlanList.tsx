import { Datagrid, DateField, List, NumberField, SelectField, SelectInput, TextField } from 'react-admin';
import { RegionInput, searchFilter } from '../../common/fields';
import { serverXlsxExporter } from '../../common/serverExport';
import { planStatusChoices, yearChoices } from '../choices';

const filters = [
  searchFilter,
  <SelectInput key="year" source="year" choices={yearChoices} alwaysOn />,
  <SelectInput key="status" source="status" choices={planStatusChoices} alwaysOn />,
  <RegionInput key="regionCode" source="regionCode" level="district" />,
];

const exporter = serverXlsxExporter('upgrade-plans');

export const PlanList = () => (
  <List filters={filters} exporter={exporter} sort={{ field: 'year', order: 'DESC' }} perPage={25}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="regionName" sortBy="regionCode" />
      <NumberField source="year" options={{ useGrouping: false }} />
      <SelectField source="status" choices={planStatusChoices} />
      <NumberField source="itemCount" sortable={false} />
      <NumberField source="upgradedCount" sortable={false} />
      <DateField locales="zh-CN" source="deadline" />
    </Datagrid>
  </List>
);
