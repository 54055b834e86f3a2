import { Edit, SimpleForm } from 'react-admin';
import { pick } from '../../common/pick';
import { MemberInputs, memberValid, memberWritable } from './MemberInputs';

// PUT replaces the member: committee and owner go back unchanged (a masked phone means "keep").
export const MemberEdit = () => (
  <Edit mutationMode="pessimistic" redirect={(_r, _id, data) => `/committees/${data?.committeeId}/show`} transform={pick(memberWritable)}>
    <SimpleForm validate={memberValid}>
      <MemberInputs />
    </SimpleForm>
  </Edit>
);
