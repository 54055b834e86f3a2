import { BooleanField, Datagrid, List, NumberField, TextField } from 'react-admin';
import { RegionField, RegionInput, searchFilter } from '../../common/fields';
import { xlsxExporter } from '../../common/xlsxExporter';

// `q` searches the name; phone and ID number arrive masked and are exported masked.
const filters = [searchFilter, <RegionInput key="regionCode" source="regionCode" alwaysOn />];

const exporter = xlsxExporter('owners', {
  fields: ['id', 'name', 'phone', 'idNumber', 'regionCode', 'developer', 'householdCount'],
  references: [{ field: 'regionCode', resource: 'regions' }],
});

export const OwnerList = () => (
  <List filters={filters} exporter={exporter} sort={{ field: 'id', order: 'ASC' }} perPage={25}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="name" />
      <TextField source="phone" sortable={false} />
      <TextField source="idNumber" sortable={false} />
      <RegionField source="regionCode" />
      <BooleanField source="developer" sortable={false} />
      <NumberField source="householdCount" sortable={false} />
    </Datagrid>
  </List>
);
