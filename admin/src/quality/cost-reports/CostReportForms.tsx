import { COST_ITEMS } from '@baotou/shared';
import { Create, Edit, NumberInput, required, SimpleForm } from 'react-admin';
import { getUser } from '../../auth/session';
import { fenValidator } from '../choices';
import { pick } from '../../common/pick';

const writable = ['companyId', 'year', ...COST_ITEMS];

const Inputs = () => (
  <>
    <NumberInput source="year" step={1} min={2000} max={2100} validate={required()} />
    {COST_ITEMS.map((k) => (
      <NumberInput key={k} source={k} step={1} min={0} validate={[required(), fenValidator]} />
    ))}
  </>
);

/** Companies report their own yearly cost composition (the nine standard items, fen). */
export const CostReportCreate = () => (
  <Create redirect="list" transform={(d: Record<string, unknown>) => pick(writable)({ ...d, companyId: Number(getUser()?.companyId) })}>
    <SimpleForm defaultValues={{ year: new Date().getFullYear() - 1, ...Object.fromEntries(COST_ITEMS.map((k) => [k, 0])) }}>
      <Inputs />
    </SimpleForm>
  </Create>
);

export const CostReportEdit = () => (
  <Edit mutationMode="pessimistic" redirect="list" transform={pick(writable)}>
    <SimpleForm>
      <Inputs />
    </SimpleForm>
  </Edit>
);
