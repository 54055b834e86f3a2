import { Edit, SimpleForm } from 'react-admin';
import { HouseholdInputs } from './HouseholdInputs';

export const HouseholdEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show">
    <SimpleForm>
      <HouseholdInputs />
    </SimpleForm>
  </Edit>
);
