import { Create, DateInput, Edit, required, SelectInput, SimpleForm, TextInput } from 'react-admin';
import { useWatch } from 'react-hook-form';
import { RefInput, RegionInput } from '../../common/fields';
import { genderChoices, memberRoleChoices } from '../choices';
import { pick } from '../../common/pick';
import { phoneValidator } from '../../common/phone';

const writable = ['name', 'gender', 'joinedOn', 'orgId', 'role', 'employerCompanyId', 'compoundId', 'regionCode', 'phone'];
const mobile = phoneValidator({ keepMasked: true });

const PlaceInputs = () => {
  const role = useWatch({ name: 'role' });
  return (
    <>
      {(role === 'company_staff' || role === 'project_manager') && <RefInput source="employerCompanyId" reference="companies" validate={required()} />}
      {role === 'community_worker' ? (
        <RegionInput source="regionCode" level="community" validate={required()} />
      ) : (
        <RefInput
          source="compoundId"
          reference="compounds"
          validate={role === 'committee_member' ? required() : undefined}
          helperText="服务或任业委会成员的小区"
        />
      )}
    </>
  );
};

const MemberInputs = () => (
  <>
    <TextInput source="name" validate={required()} />
    <SelectInput source="gender" choices={genderChoices} validate={required()} />
    <DateInput source="joinedOn" validate={required()} />
    <RefInput source="orgId" reference="party-orgs" validate={required()} />
    <SelectInput source="role" choices={memberRoleChoices} validate={required()} />
    <PlaceInputs />
    <TextInput source="phone" validate={mobile} helperText="显示为脱敏号码；不修改则保持原号码" />
  </>
);

export const MemberCreate = () => (
  <Create redirect="show" transform={pick(writable)}>
    <SimpleForm defaultValues={{ gender: 'male', role: 'company_staff' }}>
      <MemberInputs />
    </SimpleForm>
  </Create>
);

export const MemberEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show" transform={pick(writable)}>
    <SimpleForm>
      <MemberInputs />
    </SimpleForm>
  </Edit>
);
