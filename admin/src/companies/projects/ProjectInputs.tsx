import { DateInput, NumberInput, required, SelectInput, TextInput } from 'react-admin';
import { serviceLevelChoices } from '../../choices';
import { RefInput } from '../../common/fields';
import { pricingFormChoices, selectionMethodChoices } from '../../quality/choices';
import { phoneValidator } from '../../common/phone';

// Money is integer fen: 150 = 1.50 元/㎡·月.
const fen = (v: unknown) => (v == null || v === '' || (Number.isInteger(v) && (v as number) >= 0) ? undefined : '请输入非负整数（单位：分）');

const afterStart = (end: string, values: Record<string, any>) => (end && values.startDate && end < values.startDate ? '结束日期不能早于开始日期' : undefined);

const mobile = phoneValidator({ label: '项目经理电话' });

export const ProjectInputs = () => (
  <>
    <RefInput source="companyId" reference="companies" validate={required()} />
    <RefInput source="compoundId" reference="compounds" validate={required()} />
    <DateInput source="startDate" validate={required()} />
    <DateInput source="endDate" validate={[required(), afterStart]} />
    <NumberInput source="feeFenPerM2Month" step={1} validate={[required(), fen]} />
    <SelectInput source="serviceLevel" choices={serviceLevelChoices} validate={required()} />
    <TextInput source="contractFilingNo" />
    <DateInput source="contractFilingDate" />
    <TextInput source="managerName" validate={required()} />
    <TextInput source="managerPhone" validate={mobile} />
    <TextInput source="managerFilingNo" />
    <SelectInput source="pricingForm" choices={pricingFormChoices} emptyText="未填" />
    <SelectInput source="selectionMethod" choices={selectionMethodChoices} emptyText="未填" />
    <DateInput source="tenderDate" />
    <TextInput source="tenderResult" />
  </>
);
