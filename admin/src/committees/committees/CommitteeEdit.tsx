import { Edit, SimpleForm } from 'react-admin';
import { pick } from '../../common/pick';
import { CommitteeInputs, committeeWritable, termValid } from './CommitteeInputs';

// The whole record goes back (PUT replaces it); the compound is shown read-only.
export const CommitteeEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show" transform={pick(committeeWritable)}>
    <SimpleForm validate={(v) => termValid(null, v)}>
      <CommitteeInputs />
    </SimpleForm>
  </Edit>
);
