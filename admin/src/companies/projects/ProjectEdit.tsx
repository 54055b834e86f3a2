import { Edit, SimpleForm } from 'react-admin';
import { ProjectInputs } from './ProjectInputs';

export const ProjectEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show">
    <SimpleForm>
      <ProjectInputs />
    </SimpleForm>
  </Edit>
);
