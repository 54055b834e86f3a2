import { ArrayInput, Create, DateInput, Edit, NullableBooleanInput, required, SelectInput, SimpleForm, SimpleFormIterator, TextInput } from 'react-admin';
import { RefInput } from '../../common/fields';
import { postChoices } from '../workforceChoices';
import { pick } from '../../common/pick';
import { phoneValidator } from '../../common/phone';

const writable = ['staffNo', 'name', 'post', 'specialist', 'projectId', 'hiredOn', 'leftOn', 'phone', 'certificates'];
const mobile = phoneValidator({ keepMasked: true });

const StaffInputs = () => (
  <>
    <TextInput source="staffNo" validate={required()} helperText="本企业内唯一" />
    <TextInput source="name" validate={required()} />
    <SelectInput source="post" choices={postChoices} validate={required()} />
    <NullableBooleanInput source="specialist" nullLabel="按岗位判断" trueLabel="是" falseLabel="否" />
    <RefInput source="projectId" reference="projects" optionText={(r) => (r ? `${r.compoundName}（${r.companyName}）` : '')} helperText="不填为企业本部" />
    <DateInput source="hiredOn" validate={required()} />
    <DateInput source="leftOn" helperText="在职不填" />
    <TextInput source="phone" validate={mobile} />
    <ArrayInput source="certificates">
      <SimpleFormIterator inline>
        <TextInput source="name" validate={required()} />
        <TextInput source="number" validate={required()} />
        <DateInput source="expiresOn" validate={required()} />
      </SimpleFormIterator>
    </ArrayInput>
  </>
);

export const StaffCreate = () => (
  <Create redirect="show" transform={pick(writable)}>
    <SimpleForm defaultValues={{ post: 'customer_service', certificates: [] }}>
      <StaffInputs />
    </SimpleForm>
  </Create>
);

export const StaffEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show" transform={pick(writable)}>
    <SimpleForm>
      <StaffInputs />
    </SimpleForm>
  </Edit>
);
