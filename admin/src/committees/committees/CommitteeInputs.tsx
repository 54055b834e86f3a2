import { DateInput, required, SelectInput } from 'react-admin';
import { RefInput } from '../../common/fields';
import { committeeKindChoices, committeeStatusChoices } from '../choices';

export const committeeWritable = ['compoundId', 'kind', 'status', 'electedAt', 'termStart', 'termEnd', 'filedAt'] as const;

const addYears = (iso: string, years: number) => `${Number(iso.slice(0, 4)) + years}${iso.slice(4)}`;

// DOMAIN.md §2: a term of at most 5 years; dates are ISO strings, so they compare as text.
const termValid = (_: unknown, values: Record<string, string | null>) => {
  const { termStart, termEnd, electedAt, filedAt } = values;
  const errors: Record<string, string> = {};
  if (termStart && termEnd) {
    if (termEnd <= termStart) errors.termEnd = '任期届满日期须晚于任期开始日期';
    else if (termEnd > addYears(termStart, 5)) errors.termEnd = '任期不得超过5年';
  }
  if (electedAt && filedAt && filedAt < electedAt) errors.filedAt = '备案日期不能早于选举日期';
  return errors;
};

/** An elected committee must carry its term; a preparatory group may not have one yet. */
const needsTerm = (value: unknown, values: Record<string, unknown>) =>
  values.status === 'in_office' && values.kind !== 'preparatory' && !value ? '在任的委员会须填写选举日期和任期' : undefined;

export const CommitteeInputs = ({ isCreate = false }: { isCreate?: boolean }) => (
  <>
    <RefInput source="compoundId" reference="compounds" validate={required()} readOnly={!isCreate} />
    <SelectInput source="kind" choices={committeeKindChoices} validate={required()} />
    <SelectInput source="status" choices={committeeStatusChoices} validate={required()} />
    <DateInput source="electedAt" validate={needsTerm} />
    <DateInput source="termStart" validate={needsTerm} />
    <DateInput source="termEnd" validate={needsTerm} helperText="任期不超过5年；届满前3个月提示换届" />
    <DateInput source="filedAt" helperText="选举后30日内向区住建局和街道备案" />
  </>
);

export { termValid };
