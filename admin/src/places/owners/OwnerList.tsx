import { BooleanField, Datagrid, List, NumberField, TextField, TextInput } from 'react-admin';
import { RegionField, RegionInput, searchFilter } from '../../common/fields';
import { serverXlsxExporter } from '../../common/serverExport';

// `q` searches the name; phone and ID number arrive masked and are exported masked.
// By phone: the whole 11-digit number, matched through the blind index (phones are encrypted).
const filters = [
  searchFilter,
  <TextInput key="phone" source="phone" label="手机号（完整11位）" alwaysOn parse={(v: string) => v?.trim()} />,
  <RegionInput key="regionCode" source="regionCode" alwaysOn />,
];

// Every row of the filter, written by the server (shared EXPORT_COLUMNS.owners; issue 15).
const exporter = serverXlsxExporter('owners');

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
