import { Datagrid, List, ReferenceField, TextField } from 'react-admin';
import { RefInput, searchFilter } from '../../common/fields';
import { serverXlsxExporter } from '../../common/serverExport';

// `q` searches unit names (the server has it, though docs/API.md does not list it).
const filters = [
  searchFilter,
  <RefInput key="compoundId" source="compoundId" reference="compounds" alwaysOn />,
  <RefInput key="buildingId" source="buildingId" reference="buildings" />,
];

const exporter = serverXlsxExporter('units');

export const UnitList = () => (
  <List filters={filters} exporter={exporter} sort={{ field: 'id', order: 'ASC' }} perPage={25}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <ReferenceField source="compoundId" reference="compounds" sortable={false} />
      <ReferenceField source="buildingId" reference="buildings" />
      <TextField source="name" />
    </Datagrid>
  </List>
);
