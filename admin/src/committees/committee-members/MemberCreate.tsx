import { Create, SimpleForm } from 'react-admin';
import { pick } from '../../common/pick';
import { MemberInputs, memberValid, memberWritable } from './MemberInputs';

// Opened from a committee's page with the committee (and its term) filled in.
export const MemberCreate = () => (
  <Create redirect={(_r, _id, data) => `/committees/${data?.committeeId}/show`} transform={pick(memberWritable)}>
    <SimpleForm defaultValues={{ role: 'member', partyMember: false, crossAppointment: 'none' }} validate={memberValid}>
      <MemberInputs isCreate />
    </SimpleForm>
  </Create>
);
