import { BooleanField, Datagrid, List, NullableBooleanInput, NumberField, SelectInput, TextField } from 'react-admin';
import { compoundTypeChoices, managementModeChoices } from '../../choices';
import { EnumField, RegionField, RegionInput, searchFilter } from '../../common/fields';
import { serverXlsxExporter } from '../../common/serverExport';

const filters = [
  searchFilter,
  // The server matches regionCode by prefix, so a district, street or community all work.
  <RegionInput key="regionCode" source="regionCode" label="所属区划" alwaysOn />,
  <SelectInput key="type" source="type" choices={compoundTypeChoices} />,
  <SelectInput key="managementMode" source="managementMode" choices={managementModeChoices} />,
  <NullableBooleanInput key="facilitiesComplete" source="facilitiesComplete" />,
  // Compounds merged into another management area (issue 11) are listed only when asked for.
  <NullableBooleanInput key="retired" source="retired" alwaysOn />,
];

const exporter = serverXlsxExporter('compounds');

export const CompoundList = () => (
  <List filters={filters} filterDefaultValues={{ retired: false }} exporter={exporter} sort={{ field: 'code', order: 'ASC' }} perPage={25}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="code" />
      <TextField source="name" />
      <RegionField source="districtCode" sortable={false} />
      <RegionField source="regionCode" />
      <EnumField source="type" choices={compoundTypeChoices} />
      <EnumField source="managementMode" choices={managementModeChoices} />
      <NumberField source="totalArea" options={{ minimumFractionDigits: 2, maximumFractionDigits: 2 }} />
      <NumberField source="buildingCount" sortable={false} />
      <NumberField source="householdCount" sortable={false} />
      <BooleanField source="facilitiesComplete" sortable={false} />
    </Datagrid>
  </List>
);
