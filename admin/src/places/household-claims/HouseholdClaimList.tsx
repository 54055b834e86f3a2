import { Datagrid, DateField, List, SelectInput, TextField } from 'react-admin';
import { claimStatusChoices } from '../../choices';
import { EnumField, RefInput } from '../../common/fields';
import { serverXlsxExporter } from '../../common/serverExport';
import { ClaimReviewButtons } from './ClaimReviewButtons';
import { RevokeClaimButton } from './RevokeClaimButton';
import { RegistryOwnerField } from './ClaimComparison';

// The approval queue: opens on 待审核. docs/API.md lists only status and compoundId filters.
const filters = [
  <SelectInput key="status" source="status" choices={claimStatusChoices} alwaysOn />,
  <RefInput key="compoundId" source="compoundId" reference="compounds" alwaysOn />,
];

// Every row of the filter, written by the server (shared EXPORT_COLUMNS['household-claims']; issue 15).
const exporter = serverXlsxExporter('household-claims');

export const HouseholdClaimList = () => (
  <List filters={filters} filterDefaultValues={{ status: 'pending' }} exporter={exporter} sort={{ field: 'createdAt', order: 'ASC' }} perPage={25}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="compoundName" sortBy="compoundId" />
      <TextField source="buildingName" sortable={false} />
      <TextField source="unitName" emptyText="—" sortable={false} />
      <TextField source="room" sortable={false} />
      <TextField source="name" sortable={false} />
      <TextField source="phone" sortable={false} />
      <RegistryOwnerField />
      <EnumField source="status" choices={claimStatusChoices} />
      <TextField source="reason" emptyText="—" sortable={false} />
      <DateField locales="zh-CN" source="createdAt" showTime />
      <ClaimReviewButtons />
      <RevokeClaimButton />
    </Datagrid>
  </List>
);
