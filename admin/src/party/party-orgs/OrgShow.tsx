import { Datagrid, DateField, NumberField, ReferenceField, ReferenceManyField, SelectField, Show, SimpleShowLayout, TextField } from 'react-admin';
import { RegionField } from '../../common/fields';
import { memberRoleChoices, orgSettingChoices, orgTypeChoices } from '../choices';

export const OrgShow = () => (
  <Show>
    <SimpleShowLayout>
      <TextField source="name" />
      <SelectField source="type" choices={orgTypeChoices} />
      <SelectField source="setting" choices={orgSettingChoices} />
      <ReferenceField source="parentId" reference="party-orgs" emptyText="—" />
      <TextField source="secretaryName" emptyText="—" />
      <DateField locales="zh-CN" source="foundedOn" />
      <NumberField source="memberCount" />
      <ReferenceField source="companyId" reference="companies" emptyText="—" />
      <ReferenceField source="compoundId" reference="compounds" emptyText="—" />
      <RegionField source="regionCode" />
      <ReferenceManyField label="resources.party-orgs.fields.registeredMembers" reference="party-members" target="orgId" perPage={50}>
        <Datagrid rowClick="show" bulkActionButtons={false}>
          <TextField source="name" />
          <SelectField source="role" choices={memberRoleChoices} />
          <DateField locales="zh-CN" source="joinedOn" />
          <TextField source="phone" emptyText="—" />
        </Datagrid>
      </ReferenceManyField>
    </SimpleShowLayout>
  </Show>
);
