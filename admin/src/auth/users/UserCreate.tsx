import { Create, SimpleForm } from 'react-admin';
import { sanitizeUser } from './sanitizeUser';
import { UserInputs } from './UserInputs';

export const UserCreate = () => (
  <Create redirect="show" transform={sanitizeUser}>
    <SimpleForm defaultValues={{ disabled: false }}>
      <UserInputs isCreate />
    </SimpleForm>
  </Create>
);
