import { BooleanField, Datagrid, DateField, List, NullableBooleanInput, NumberField, ReferenceField, TextField } from 'react-admin';
import { RegionInput, searchFilter } from '../../common/fields';
import { serverXlsxExporter } from '../../common/serverExport';

const filters = [
  searchFilter,
  <NullableBooleanInput key="recommended" source="recommended" alwaysOn />,
  <NullableBooleanInput key="upgraded" source="upgraded" />,
  <RegionInput key="regionCode" source="regionCode" />,
];

const exporter = serverXlsxExporter('upgrade-plan-items');

/** Plan progress; 推荐评优 = upgraded and not yet awarded (the list recommended for regional excellent / demonstration). */
export const PlanItemList = () => (
  <List filters={filters} exporter={exporter} filterDefaultValues={{ recommended: true }} sort={{ field: 'upgradedOn', order: 'DESC' }} perPage={25}>
    <Datagrid bulkActionButtons={false} rowClick={false}>
      <NumberField source="planYear" options={{ useGrouping: false }} sortable={false} />
      <TextField source="projectName" sortBy="projectId" />
      <TextField source="companyName" sortable={false} />
      <ReferenceField source="currentLevelId" reference="service-levels" emptyText="未评定" sortable={false} />
      <ReferenceField source="targetLevelId" reference="service-levels" sortable={false} />
      <DateField locales="zh-CN" source="upgradedOn" emptyText="未达标" />
      <BooleanField source="awarded" sortable={false} />
    </Datagrid>
  </List>
);
