import { Create, SimpleForm } from 'react-admin';
import { CompanyInputs } from './CompanyInputs';

export const CompanyCreate = () => (
  <Create redirect="show">
    <SimpleForm>
      <CompanyInputs />
    </SimpleForm>
  </Create>
);
