import { Datagrid, List, SelectInput, TextField } from 'react-admin';
import { regionLevelChoices } from '../../choices';
import { EnumField, RegionField, RegionInput, searchFilter } from '../../common/fields';
import { serverXlsxExporter } from '../../common/serverExport';

const filters = [
  searchFilter,
  <SelectInput key="level" source="level" choices={regionLevelChoices} alwaysOn />,
  <RegionInput key="parentCode" source="parentCode" />,
];

const exporter = serverXlsxExporter('regions');

export const RegionList = () => (
  <List filters={filters} exporter={exporter} sort={{ field: 'id', order: 'ASC' }} perPage={25}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="id" />
      <TextField source="name" />
      <EnumField source="level" choices={regionLevelChoices} />
      <RegionField source="parentCode" sortable={false} />
    </Datagrid>
  </List>
);
