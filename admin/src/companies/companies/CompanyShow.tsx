import { Datagrid, DateField, NumberField, ReferenceField, ReferenceManyField, Show, SimpleShowLayout, TextField } from 'react-admin';
import { RegionField } from '../../common/fields';

export const CompanyShow = () => (
  <Show>
    <SimpleShowLayout>
      <TextField source="name" />
      <TextField source="creditCode" />
      <TextField source="legalRepresentative" emptyText="—" />
      <TextField source="contactName" emptyText="—" />
      <TextField source="contactPhone" emptyText="—" />
      <TextField source="address" emptyText="—" />
      <RegionField source="regionCode" />
      <NumberField source="projectCount" />
      <ReferenceManyField label="resources.projects.name" reference="projects" target="companyId">
        <Datagrid rowClick="show" bulkActionButtons={false}>
          <ReferenceField source="compoundId" reference="compounds" />
          <DateField locales="zh-CN" source="startDate" />
          <DateField locales="zh-CN" source="endDate" emptyText="—" />
          <TextField source="managerName" emptyText="—" />
        </Datagrid>
      </ReferenceManyField>
    </SimpleShowLayout>
  </Show>
);
