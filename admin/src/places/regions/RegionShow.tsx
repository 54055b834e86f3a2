import { Show, SimpleShowLayout, TextField } from 'react-admin';
import { regionLevelChoices } from '../../choices';
import { EnumField, RegionField } from '../../common/fields';

export const RegionShow = () => (
  <Show>
    <SimpleShowLayout>
      <TextField source="id" />
      <TextField source="name" />
      <EnumField source="level" choices={regionLevelChoices} />
      <RegionField source="parentCode" />
    </SimpleShowLayout>
  </Show>
);
