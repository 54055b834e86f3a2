import { Edit, SimpleForm, TextField, Labeled } from 'react-admin';
import { FundAccountBankInputs } from './FundAccountBankInputs';

// Only the bank's details change; the balance moves by postings alone.
export const FundAccountEdit = () => (
  <Edit redirect="show" mutationMode="pessimistic">
    <SimpleForm>
      <Labeled>
        <TextField source="compoundName" />
      </Labeled>
      <FundAccountBankInputs />
    </SimpleForm>
  </Edit>
);
