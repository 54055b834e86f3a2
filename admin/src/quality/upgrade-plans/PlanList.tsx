import { Datagrid, DateField, List, NumberField, SelectField, SelectInput, TextField } from 'react-admin';
import { RegionInput, searchFilter } from '../../common/fields';
import { xlsxExporter } from '../../common/xlsxExporter';
import { planStatusChoices, qualityEnums, yearChoices } from '../choices';

const filters = [
  searchFilter,
  <SelectInput key="year" source="year" choices={yearChoices} alwaysOn />,
  <SelectInput key="status" source="status" choices={planStatusChoices} alwaysOn />,
  <RegionInput key="regionCode" source="regionCode" level="district" />,
];

const exporter = xlsxExporter('upgrade-plans', {
  fields: ['id', 'regionName', 'year', 'status', 'itemCount', 'upgradedCount', 'deadline', 'measures', 'approvedOn'],
  enums: qualityEnums,
});

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
