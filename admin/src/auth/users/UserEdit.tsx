import { Edit, SimpleForm } from 'react-admin';
import { sanitizeUser } from './sanitizeUser';
import { UserInputs } from './UserInputs';

export const UserEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show" transform={sanitizeUser}>
    <SimpleForm>
      <UserInputs />
    </SimpleForm>
  </Edit>
);
