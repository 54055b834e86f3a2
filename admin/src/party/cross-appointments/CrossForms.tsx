import { Create, DateInput, Edit, required, SelectInput, SimpleForm } from 'react-admin';
import { RefInput, RegionInput } from '../../common/fields';
import { crossKindChoices } from '../choices';
import { pick } from '../../common/pick';

const writable = ['memberId', 'kind', 'communityCode', 'compoundId', 'startDate', 'endDate'];
const afterStart = (end: string, values: Record<string, any>) => (end && values.startDate && end < values.startDate ? '结束日期不能早于开始日期' : undefined);

// The server checks that the person belongs to that community (company serving it, committee or
// compound there, or its 两委) and answers the reason when not; the form shows it.
const CrossInputs = () => (
  <>
    <RefInput source="memberId" reference="party-members" validate={required()} />
    <SelectInput source="kind" choices={crossKindChoices} validate={required()} />
    <RegionInput source="communityCode" level="community" validate={required()} />
    <RefInput source="compoundId" reference="compounds" helperText="兼任业委会成员时必填" />
    <DateInput source="startDate" validate={required()} />
    <DateInput source="endDate" validate={afterStart} />
  </>
);

export const CrossCreate = () => (
  <Create redirect="list" transform={pick(writable)}>
    <SimpleForm defaultValues={{ kind: 'community_party_part_time' }}>
      <CrossInputs />
    </SimpleForm>
  </Create>
);

export const CrossEdit = () => (
  <Edit mutationMode="pessimistic" redirect="list" transform={pick(writable)}>
    <SimpleForm>
      <CrossInputs />
    </SimpleForm>
  </Edit>
);
