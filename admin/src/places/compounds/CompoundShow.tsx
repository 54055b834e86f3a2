import { Box } from '@mui/material';
import { BooleanField, Datagrid, DateField, Labeled, NumberField, Pagination, ReferenceManyField, Show, SimpleShowLayout, TextField } from 'react-admin';
import { compoundTypeChoices, managementModeChoices } from '../../choices';
import { EnumField, RegionField } from '../../common/fields';
import { CompoundQrCode } from './CompoundQrCode';
import { MergeButton, RetiredNotice } from '../../renewal/merge/MergeButton';

export const CompoundShow = () => (
  <Show>
    <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 2 }}>
      <SimpleShowLayout sx={{ flex: '1 1 480px' }}>
        <RetiredNotice />
        <MergeButton />
        <TextField source="code" />
        <TextField source="name" />
        <RegionField source="districtCode" />
        <RegionField source="streetCode" />
        <RegionField source="regionCode" />
        <TextField source="address" />
        <EnumField source="type" choices={compoundTypeChoices} />
        <EnumField source="managementMode" choices={managementModeChoices} />
        <NumberField source="totalArea" options={{ minimumFractionDigits: 2, maximumFractionDigits: 2 }} />
        <NumberField source="buildYear" options={{ useGrouping: false }} />
        <BooleanField source="facilitiesComplete" />
        <NumberField source="buildingCount" />
        <NumberField source="householdCount" />
        <TextField source="lat" emptyText="—" />
        <TextField source="lng" emptyText="—" />
        <DateField locales="zh-CN" source="createdAt" showTime />
      </SimpleShowLayout>
      <Box sx={{ p: 2 }}>
        <CompoundQrCode />
      </Box>
    </Box>
    <SimpleShowLayout>
      <Labeled label="app.compound.buildings" fullWidth>
        <ReferenceManyField
          reference="buildings"
          target="compoundId"
          sort={{ field: 'name', order: 'ASC' }}
          perPage={10}
          pagination={<Pagination rowsPerPageOptions={[10, 25, 50]} />}
        >
          <Datagrid rowClick="show" bulkActionButtons={false}>
            <TextField source="name" />
            <NumberField source="floors" />
          </Datagrid>
        </ReferenceManyField>
      </Labeled>
    </SimpleShowLayout>
  </Show>
);
