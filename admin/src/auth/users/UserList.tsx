import { BooleanField, Datagrid, List, ReferenceField, SelectInput, TextField } from 'react-admin';
import { roleChoices } from '../../choices';
import { EnumField, RegionField, RegionInput, searchFilter } from '../../common/fields';
import { serverXlsxExporter } from '../../common/serverExport';

const filters = [searchFilter, <SelectInput key="role" source="role" choices={roleChoices} alwaysOn />, <RegionInput key="regionCode" source="regionCode" />];

const exporter = serverXlsxExporter('users');

export const UserList = () => (
  <List filters={filters} exporter={exporter} sort={{ field: 'username', order: 'ASC' }} perPage={25}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="username" />
      <TextField source="name" />
      <EnumField source="role" choices={roleChoices} />
      <RegionField source="regionCode" />
      <ReferenceField source="companyId" reference="companies" emptyText="—" sortable={false} />
      <BooleanField source="disabled" sortable={false} />
      <BooleanField source="locked" sortable={false} />
    </Datagrid>
  </List>
);
