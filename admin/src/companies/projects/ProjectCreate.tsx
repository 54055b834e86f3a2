import { Create, SimpleForm } from 'react-admin';
import { ProjectInputs } from './ProjectInputs';

export const ProjectCreate = () => (
  <Create redirect="show">
    <SimpleForm>
      <ProjectInputs />
    </SimpleForm>
  </Create>
);
