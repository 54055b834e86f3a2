import { BooleanField, NumberField, ReferenceField, Show, SimpleShowLayout, TextField } from 'react-admin';
import { areaBasisChoices } from '../../choices';
import { EnumField, RegionField } from '../../common/fields';

export const HouseholdShow = () => (
  <Show>
    <SimpleShowLayout>
      <ReferenceField source="compoundId" reference="compounds" />
      <ReferenceField source="buildingId" reference="buildings" />
      <ReferenceField source="unitId" reference="units" emptyText="—" />
      <TextField source="room" />
      <NumberField source="area" options={{ minimumFractionDigits: 2, maximumFractionDigits: 2 }} />
      <EnumField source="areaBasis" choices={areaBasisChoices} />
      <ReferenceField source="ownerId" reference="owners" emptyText="—" />
      <TextField source="ownerName" emptyText="—" />
      <BooleanField source="developerUnsold" />
      <RegionField source="regionCode" />
    </SimpleShowLayout>
  </Show>
);
