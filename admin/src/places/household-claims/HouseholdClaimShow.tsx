import { DateField, ReferenceField, Show, SimpleShowLayout, TextField, TopToolbar } from 'react-admin';
import { claimStatusChoices } from '../../choices';
import { EnumField } from '../../common/fields';
import { ClaimReviewButtons } from './ClaimReviewButtons';
import { RevokeClaimButton } from './RevokeClaimButton';
import { ClaimComparison } from './ClaimComparison';

const Actions = () => (
  <TopToolbar>
    <ClaimReviewButtons />
    <RevokeClaimButton />
  </TopToolbar>
);

export const HouseholdClaimShow = () => (
  <Show actions={<Actions />}>
    <SimpleShowLayout>
      <ReferenceField source="compoundId" reference="compounds" />
      <TextField source="buildingName" />
      <TextField source="unitName" emptyText="—" />
      <ReferenceField source="householdId" reference="households" />
      <ClaimComparison />
      <EnumField source="status" choices={claimStatusChoices} />
      <TextField source="reason" emptyText="—" />
      <DateField locales="zh-CN" source="createdAt" showTime />
      <TextField source="reviewedBy" emptyText="—" />
      <DateField locales="zh-CN" source="reviewedAt" showTime emptyText="—" />
      <DateField locales="zh-CN" source="endedAt" showTime emptyText="—" />
    </SimpleShowLayout>
  </Show>
);
