import { ArrayField, BooleanField, Datagrid, DateField, FunctionField, ReferenceManyField, SelectField, Show, SimpleShowLayout, TextField } from 'react-admin';
import { RegionField } from '../../common/fields';
import { certificateFlagChoices, postChoices, tenthsToHours, trainingKindChoices } from '../workforceChoices';

export const StaffShow = () => (
  <Show>
    <SimpleShowLayout>
      <TextField source="staffNo" />
      <TextField source="name" />
      <SelectField source="post" choices={postChoices} />
      <BooleanField source="specialist" />
      <TextField source="companyName" />
      <TextField source="compoundName" emptyText="企业本部" />
      <RegionField source="regionCode" />
      <DateField locales="zh-CN" source="hiredOn" />
      <DateField locales="zh-CN" source="leftOn" emptyText="在职" />
      <TextField source="phone" emptyText="—" />
      <SelectField source="certificateFlag" choices={certificateFlagChoices} emptyText="—" />
      <ArrayField source="certificates">
        <Datagrid bulkActionButtons={false} rowClick={false}>
          <TextField source="name" label="resources.staff.fields.certificates.name" />
          <TextField source="number" label="resources.staff.fields.certificates.number" />
          <DateField locales="zh-CN" source="expiresOn" label="resources.staff.fields.certificates.expiresOn" />
        </Datagrid>
      </ArrayField>
      <ReferenceManyField label="resources.trainings.name" reference="trainings" target="staffId" sort={{ field: 'trainedOn', order: 'DESC' }}>
        <Datagrid bulkActionButtons={false} rowClick="show">
          <DateField locales="zh-CN" source="trainedOn" />
          <SelectField source="kind" choices={trainingKindChoices} />
          <TextField source="course" />
          <TextField source="provider" />
          <FunctionField source="hoursTenths" render={(r: { hoursTenths: number }) => tenthsToHours(r.hoursTenths)} />
        </Datagrid>
      </ReferenceManyField>
    </SimpleShowLayout>
  </Show>
);
