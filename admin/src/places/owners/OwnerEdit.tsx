import { Edit, SimpleForm, type RaRecord } from 'react-admin';
import { OwnerInputs } from './OwnerInputs';

const isMasked = (v: unknown) => typeof v === 'string' && v.includes('*');

// Never send a masked value back: it would overwrite the real one.
const dropMasked = (data: RaRecord) => {
  const out = { ...data };
  if (isMasked(out.phone)) delete out.phone;
  if (isMasked(out.idNumber)) delete out.idNumber;
  return out;
};

export const OwnerEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show" transform={dropMasked}>
    <SimpleForm>
      <OwnerInputs />
    </SimpleForm>
  </Edit>
);
