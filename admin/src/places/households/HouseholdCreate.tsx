import { Create, SimpleForm } from 'react-admin';
import { HouseholdInputs } from './HouseholdInputs';

export const HouseholdCreate = () => (
  <Create redirect="show">
    <SimpleForm defaultValues={{ areaBasis: 'registered', developerUnsold: false }}>
      <HouseholdInputs isCreate />
    </SimpleForm>
  </Create>
);
