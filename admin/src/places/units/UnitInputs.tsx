import { FormDataConsumer, required, TextInput } from 'react-admin';
import { RefInput } from '../../common/fields';

/**
 * The compound picker only narrows the building list; the server takes the compound from the
 * building. Parents are fixed after create.
 */
export const UnitInputs = ({ isCreate = false }: { isCreate?: boolean }) => (
  <>
    <RefInput source="compoundId" reference="compounds" readOnly={!isCreate} />
    <FormDataConsumer>
      {({ formData }) => (
        <RefInput
          source="buildingId"
          reference="buildings"
          filter={formData.compoundId ? { compoundId: formData.compoundId } : undefined}
          validate={required()}
          readOnly={!isCreate}
        />
      )}
    </FormDataConsumer>
    <TextInput source="name" validate={required()} />
  </>
);
