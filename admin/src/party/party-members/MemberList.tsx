import { Datagrid, DateField, List, SelectField, SelectInput, TextField } from 'react-admin';
import { RefInput, RegionField, RegionInput, searchFilter } from '../../common/fields';
import { serverXlsxExporter } from '../../common/serverExport';
import { genderChoices, memberRoleChoices, yearChoices } from '../choices';

const filters = [
  searchFilter,
  <RefInput key="orgId" source="orgId" reference="party-orgs" alwaysOn />,
  <SelectInput key="role" source="role" choices={memberRoleChoices} alwaysOn />,
  <RefInput key="employerCompanyId" source="employerCompanyId" reference="companies" />,
  <RefInput key="compoundId" source="compoundId" reference="compounds" />,
  <RegionInput key="regionCode" source="regionCode" />,
  <SelectInput key="gender" source="gender" choices={genderChoices} />,
  <SelectInput key="joinedYear" source="joinedYear" choices={yearChoices} />,
];

const exporter = serverXlsxExporter('party-members');

export const MemberList = () => (
  <List filters={filters} exporter={exporter} sort={{ field: 'id', order: 'ASC' }} perPage={25}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="name" />
      <SelectField source="gender" choices={genderChoices} sortable={false} />
      <DateField locales="zh-CN" source="joinedOn" />
      <TextField source="orgName" sortBy="orgId" />
      <SelectField source="role" choices={memberRoleChoices} />
      <TextField source="employerName" emptyText="—" sortable={false} />
      <TextField source="compoundName" emptyText="—" sortable={false} />
      <TextField source="phone" emptyText="—" sortable={false} />
      <RegionField source="regionCode" />
    </Datagrid>
  </List>
);
