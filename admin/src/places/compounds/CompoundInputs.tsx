import { BooleanInput, NumberInput, regex, required, SelectInput, TextInput } from 'react-admin';
import { compoundTypeChoices, managementModeChoices } from '../../choices';
import { RegionInput } from '../../common/fields';

// Areas are exact decimals with two places; sent as the string the API returns ("12345.67").
// Compound codes go into the scan-in QR code (WeChat scene), so they are short and plain.
const codeFormat = regex(/^[A-Z0-9]{4,20}$/, '小区编码须为 4–20 位大写字母或数字');
const upper = (v: string) => (typeof v === 'string' ? v.toUpperCase() : v);
const areaFormat = regex(/^\d+(\.\d{1,2})?$/, '面积应为数字，最多两位小数');
const year = (v: unknown) => (v == null || v === '' || (Number.isInteger(v) && (v as number) >= 1900 && (v as number) <= 2100) ? undefined : '请输入有效年份');

export const CompoundInputs = () => (
  <>
    <TextInput source="code" validate={[required(), codeFormat]} parse={upper} />
    <TextInput source="name" validate={required()} />
    <RegionInput source="regionCode" level="community" validate={required()} />
    <SelectInput source="type" choices={compoundTypeChoices} validate={required()} />
    <SelectInput source="managementMode" choices={managementModeChoices} validate={required()} />
    <TextInput source="address" validate={required()} fullWidth />
    <TextInput source="totalArea" validate={[required(), areaFormat]} />
    <NumberInput source="buildYear" validate={year} step={1} />
    <NumberInput source="lat" step={0.000001} />
    <NumberInput source="lng" step={0.000001} />
    <BooleanInput source="facilitiesComplete" />
  </>
);
