import { BooleanField, ReferenceField, Show, SimpleShowLayout, TextField } from 'react-admin';
import { roleChoices } from '../../choices';
import { EnumField, RegionField } from '../../common/fields';
import { UnlockField } from './UnlockField';
import { ResetTotpButton } from './ResetTotpButton';

export const UserShow = () => (
  <Show>
    <SimpleShowLayout>
      <TextField source="username" />
      <TextField source="name" />
      <EnumField source="role" choices={roleChoices} />
      <RegionField source="regionCode" />
      <ReferenceField source="companyId" reference="companies" emptyText="—" />
      <BooleanField source="disabled" />
      <BooleanField source="mustChangePassword" />
      <UnlockField label="登录状态" />
      <ResetTotpButton />
    </SimpleShowLayout>
  </Show>
);
