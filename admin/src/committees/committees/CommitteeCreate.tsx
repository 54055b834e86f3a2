import { Create, SimpleForm } from 'react-admin';
import { pick } from '../../common/pick';
import { CommitteeInputs, committeeWritable, termValid } from './CommitteeInputs';

export const CommitteeCreate = () => (
  <Create redirect="show" transform={pick(committeeWritable)}>
    <SimpleForm defaultValues={{ kind: 'preparatory', status: 'preparing' }} validate={(v) => termValid(null, v)}>
      <CommitteeInputs isCreate />
    </SimpleForm>
  </Create>
);
