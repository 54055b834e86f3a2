import { ReferenceField, Show, SimpleShowLayout, TextField } from 'react-admin';

export const UnitShow = () => (
  <Show>
    <SimpleShowLayout>
      <ReferenceField source="compoundId" reference="compounds" />
      <ReferenceField source="buildingId" reference="buildings" />
      <TextField source="name" />
    </SimpleShowLayout>
  </Show>
);
