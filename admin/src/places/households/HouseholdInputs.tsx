import { BooleanInput, FormDataConsumer, regex, required, SelectInput, TextInput } from 'react-admin';
import { areaBasisChoices } from '../../choices';
import { RefInput } from '../../common/fields';

const areaFormat = regex(/^\d+(\.\d{1,2})?$/, '面积应为数字，最多两位小数');

/**
 * A household belongs to a unit; the compound and building pickers narrow the unit list (the
 * server derives both from the unit). The unit is fixed after create.
 */
export const HouseholdInputs = ({ isCreate = false }: { isCreate?: boolean }) => (
  <>
    <RefInput source="compoundId" reference="compounds" readOnly={!isCreate} />
    <FormDataConsumer>
      {({ formData }) => (
        <>
          <RefInput
            source="buildingId"
            reference="buildings"
            filter={formData.compoundId ? { compoundId: formData.compoundId } : undefined}
            readOnly={!isCreate}
          />
          <RefInput
            source="unitId"
            reference="units"
            filter={formData.buildingId ? { buildingId: formData.buildingId } : formData.compoundId ? { compoundId: formData.compoundId } : undefined}
            validate={required()}
            readOnly={!isCreate}
          />
        </>
      )}
    </FormDataConsumer>
    <TextInput source="room" validate={required()} />
    <TextInput source="area" validate={[required(), areaFormat]} />
    <SelectInput source="areaBasis" choices={areaBasisChoices} validate={required()} />
    <RefInput source="ownerId" reference="owners" helperText={isCreate ? undefined : '更换业主后，该房屋现有的居民绑定（含待审核）将被解除，居民可见原因'} />
    <BooleanInput source="developerUnsold" />
  </>
);
