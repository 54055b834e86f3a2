import { BooleanField, Datagrid, NumberField, ReferenceField, ReferenceManyField, Show, SimpleShowLayout, TextField } from 'react-admin';
import { RegionField } from '../../common/fields';
import { OwnerFullInfo } from './OwnerFullInfo';

export const OwnerShow = () => (
  <Show>
    <SimpleShowLayout>
      <TextField source="name" />
      <TextField source="phone" />
      <TextField source="idNumber" />
      <OwnerFullInfo />
      <RegionField source="regionCode" />
      <BooleanField source="developer" />
      <NumberField source="householdCount" />
      <ReferenceManyField label="resources.households.name" reference="households" target="ownerId">
        <Datagrid rowClick="show" bulkActionButtons={false}>
          <ReferenceField source="compoundId" reference="compounds" />
          <ReferenceField source="buildingId" reference="buildings" link={false} />
          <TextField source="room" />
          <TextField source="area" />
        </Datagrid>
      </ReferenceManyField>
    </SimpleShowLayout>
  </Show>
);
