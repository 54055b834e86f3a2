import { Datagrid, NumberField, ReferenceField, ReferenceManyField, Show, SimpleShowLayout, TextField } from 'react-admin';
import { RegionField } from '../../common/fields';

export const BuildingShow = () => (
  <Show>
    <SimpleShowLayout>
      <ReferenceField source="compoundId" reference="compounds" />
      <TextField source="name" />
      <NumberField source="floors" />
      <RegionField source="regionCode" />
      <ReferenceManyField label="resources.units.name" reference="units" target="buildingId" sort={{ field: 'name', order: 'ASC' }}>
        <Datagrid rowClick="show" bulkActionButtons={false}>
          <TextField source="name" />
        </Datagrid>
      </ReferenceManyField>
    </SimpleShowLayout>
  </Show>
);
