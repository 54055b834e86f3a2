import { BooleanInput, required, TextInput } from 'react-admin';
import { idNumberProblem, normalizeIdNumber } from '@baotou/shared';
import { RegionInput } from '../../common/fields';
import { phoneValidator } from '../../common/phone';

// The API returns phone and ID number masked; OwnerEdit drops them unless retyped.
const phone = phoneValidator({ keepMasked: true });
// The same rule the API applies (GB 11643-1999, shared); a masked value shown back is left alone.
const idNumber = (v: unknown) => (typeof v !== 'string' || !v || v.includes('*') ? undefined : idNumberProblem(normalizeIdNumber(v), new Date()));
const normalize = (v: string) => (typeof v === 'string' && !v.includes('*') ? normalizeIdNumber(v) : v);

export const OwnerInputs = () => (
  <>
    <TextInput source="name" validate={required()} />
    <TextInput source="phone" validate={phone} />
    <TextInput source="idNumber" validate={idNumber} parse={normalize} />
    <RegionInput source="regionCode" validate={required()} />
    {/* All the developer holds counts as one owner in votes (SPC interpretation Art. 9). */}
    <BooleanInput source="developer" helperText="开发建设单位名下的房屋与未售房屋在业主表决中合计为一名业主" />
  </>
);
