import { Create, DateInput, Edit, NumberInput, required, SelectInput, SimpleForm, TextInput } from 'react-admin';
import { RefInput } from '../../common/fields';
import { awardKindChoices, fenValidator } from '../choices';
import { pick } from '../../common/pick';

const writable = ['projectId', 'kind', 'year', 'document', 'rewardFen', 'rewardPaidOn'];

const Inputs = () => (
  <>
    <RefInput source="projectId" reference="projects" optionText="compoundName" validate={required()} />
    <SelectInput source="kind" choices={awardKindChoices} validate={required()} />
    <NumberInput source="year" step={1} min={2000} max={2100} validate={required()} />
    <TextInput source="document" validate={required()} fullWidth />
    <NumberInput source="rewardFen" step={1} min={0} validate={fenValidator} helperText="以效定奖：单位为分" />
    <DateInput source="rewardPaidOn" />
  </>
);

export const AwardCreate = () => (
  <Create redirect="list" transform={pick(writable)}>
    <SimpleForm defaultValues={{ year: new Date().getFullYear(), kind: 'regional_excellent' }}>
      <Inputs />
    </SimpleForm>
  </Create>
);

export const AwardEdit = () => (
  <Edit mutationMode="pessimistic" redirect="list" transform={pick(writable)}>
    <SimpleForm>
      <Inputs />
    </SimpleForm>
  </Edit>
);
