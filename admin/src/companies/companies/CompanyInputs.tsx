import { regex, required, TextInput } from 'react-admin';
import { phoneKind, phoneProblem } from '@baotou/shared';
import { RegionInput } from '../../common/fields';

// GB 32100-2015: 18 characters from digits and capital letters without I, O, Z, S, V.
// The check digit is verified by the server.
const creditCode = regex(/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/, '统一社会信用代码应为 18 位（GB 32100-2015）');

// A company's office may answer a landline (issue 16 §1): the shared phone rule.
const contactPhone = (v: string) => (v && !phoneKind(v) ? phoneProblem('联系电话', true) : undefined);

export const CompanyInputs = () => (
  <>
    <TextInput source="name" validate={required()} fullWidth />
    <TextInput source="creditCode" validate={[required(), creditCode]} parse={(v: string) => v?.toUpperCase()} />
    <TextInput source="legalRepresentative" validate={required()} />
    <TextInput source="contactName" />
    <TextInput source="contactPhone" validate={contactPhone} />
    <TextInput source="address" fullWidth />
    <RegionInput source="regionCode" validate={required()} />
  </>
);
