import { Datagrid, DateField, List, NumberField, SelectField, SelectInput, TextField } from 'react-admin';
import { RefInput, RegionField, RegionInput, searchFilter } from '../../common/fields';
import { serverXlsxExporter } from '../../common/serverExport';
import { orgSettingChoices, orgTypeChoices, yearChoices } from '../choices';

const filters = [
  searchFilter,
  <SelectInput key="type" source="type" choices={orgTypeChoices} alwaysOn />,
  <SelectInput key="setting" source="setting" choices={orgSettingChoices} alwaysOn />,
  <RegionInput key="regionCode" source="regionCode" />,
  <RefInput key="companyId" source="companyId" reference="companies" />,
  <RefInput key="parentId" source="parentId" reference="party-orgs" />,
  <SelectInput key="foundedYear" source="foundedYear" choices={yearChoices} />,
];

const exporter = serverXlsxExporter('party-orgs');

export const OrgList = () => (
  <List filters={filters} exporter={exporter} sort={{ field: 'id', order: 'ASC' }} perPage={25}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="name" />
      <SelectField source="type" choices={orgTypeChoices} />
      <SelectField source="setting" choices={orgSettingChoices} />
      <TextField source="parentName" emptyText="—" sortable={false} />
      <TextField source="secretaryName" emptyText="—" sortable={false} />
      <DateField locales="zh-CN" source="foundedOn" />
      <NumberField source="memberCount" />
      <NumberField source="registeredMembers" sortable={false} />
      <RegionField source="regionCode" />
    </Datagrid>
  </List>
);
