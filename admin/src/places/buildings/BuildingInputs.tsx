import { NumberInput, required, TextInput } from 'react-admin';
import { RefInput } from '../../common/fields';

const floors = (v: unknown) =>
  v == null || v === '' || (Number.isInteger(v) && (v as number) >= 1 && (v as number) <= 200) ? undefined : '层数应为 1–200 的整数';

/** The compound is chosen once, on create; a building does not move between compounds. */
export const BuildingInputs = ({ isCreate = false }: { isCreate?: boolean }) => (
  <>
    <RefInput source="compoundId" reference="compounds" validate={required()} readOnly={!isCreate} />
    <TextInput source="name" validate={required()} />
    <NumberInput source="floors" step={1} validate={floors} />
  </>
);
