import { regex, required, TextInput } from 'react-admin';
import { RegionInput } from '../../common/fields';

// The API returns phone and ID number masked; OwnerEdit drops them unless retyped.
const phone = regex(/^(1[3-9]\d{9}|1\d{2}\*{4}\d{4})$/, '请输入 11 位手机号');
const idNumber = regex(/^(\d{17}[\dX]|\d{6}\*+\d{3}[\dX])$/, '请输入 18 位身份证号');
const upper = (v: string) => (typeof v === 'string' ? v.toUpperCase() : v);

export const OwnerInputs = () => (
  <>
    <TextInput source="name" validate={required()} />
    <TextInput source="phone" validate={phone} />
    <TextInput source="idNumber" validate={idNumber} parse={upper} />
    <RegionInput source="regionCode" validate={required()} />
  </>
);
