import { Box, Chip, Typography } from '@mui/material';
import {
  BooleanField,
  DateField,
  EditButton,
  FunctionField,
  Labeled,
  NumberField,
  ReferenceArrayField,
  Show,
  SimpleShowLayout,
  SingleFieldList,
  ChipField,
  TextField,
  TopToolbar,
  useCanAccess,
  useRecordContext,
  type RaRecord,
} from 'react-admin';
import { EnumField, FenField, RegionField } from '../../common/fields';
import {
  centiText,
  classificationChoices,
  enclosureChoices,
  infrastructureItems,
  infrastructureStateLabels,
  managementModeChoices,
  surveyManagementChoices,
  surveyRenovationChoices,
  surveyStatusChoices,
} from '../surveyChoices';
import { ClassifyButton } from './SurveyActions';

const STATE_COLOURS: Record<string, 'success' | 'warning' | 'error' | 'default'> = { good: 'success', partial: 'warning', missing: 'error' };

const Infrastructure = () => {
  const record = useRecordContext();
  if (!record) return null;
  return (
    <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1 }} data-testid="survey-infrastructure">
      {infrastructureItems.map((i) => {
        const state = record.infrastructure?.[i.id];
        return (
          <Chip key={i.id} size="small" color={STATE_COLOURS[state] ?? 'default'} label={`${i.name}：${state ? infrastructureStateLabels[state] : '未填写'}`} />
        );
      })}
    </Box>
  );
};

const Actions = () => {
  const record = useRecordContext();
  const { canAccess } = useCanAccess({ action: 'edit', resource: 'renewal-surveys' });
  return (
    <TopToolbar>
      {canAccess && record?.status === 'draft' && <EditButton label="继续填写" />}
      <ClassifyButton />
    </TopToolbar>
  );
};

export const SurveyShow = () => (
  <Show actions={<Actions />}>
    <SimpleShowLayout>
      <TextField source="compoundName" />
      <TextField source="districtName" />
      <RegionField source="regionCode" />
      <EnumField source="managementMode" choices={managementModeChoices} />
      <EnumField source="status" choices={surveyStatusChoices} />
      <Box sx={{ display: 'flex', gap: 4, flexWrap: 'wrap' }}>
        <Labeled>
          <NumberField source="buildingCount" emptyText="—" />
        </Labeled>
        <Labeled>
          <NumberField source="stairwellCount" emptyText="—" />
        </Labeled>
        <Labeled>
          <NumberField source="householdCount" emptyText="—" />
        </Labeled>
        <Labeled>
          <FunctionField source="floorAreaCenti" render={(r: RaRecord) => centiText(r.floorAreaCenti)} />
        </Labeled>
        <Labeled>
          <BooleanField source="singleBuilding" />
        </Labeled>
      </Box>
      <ReferenceArrayField source="neighbourCompoundIds" reference="compounds" emptyText="无">
        <SingleFieldList linkType="show">
          <ChipField source="name" size="small" />
        </SingleFieldList>
      </ReferenceArrayField>
      <Box sx={{ display: 'flex', gap: 4, flexWrap: 'wrap' }}>
        <Labeled>
          <EnumField source="enclosure" choices={enclosureChoices} />
        </Labeled>
        <Labeled>
          <BooleanField source="hasGate" />
        </Labeled>
      </Box>
      <Labeled source="infrastructure">
        <Infrastructure />
      </Labeled>
      <Box sx={{ display: 'flex', gap: 4, flexWrap: 'wrap' }}>
        <Labeled>
          <EnumField source="currentManagement" choices={surveyManagementChoices} />
        </Labeled>
        <Labeled>
          <BooleanField source="hasCommittee" />
        </Labeled>
        <Labeled>
          <BooleanField source="fundDeposited" />
        </Labeled>
        <Labeled>
          <EnumField source="renovation" choices={surveyRenovationChoices} />
        </Labeled>
      </Box>
      <Box sx={{ display: 'flex', gap: 4, flexWrap: 'wrap' }}>
        <Labeled>
          <NumberField source="willingHouseholds" emptyText="—" />
        </Labeled>
        <Labeled>
          <FenField source="proposedFeeFen" />
        </Labeled>
        <Labeled>
          <DateField locales="zh-CN" source="surveyedOn" emptyText="—" />
        </Labeled>
        <Labeled>
          <TextField source="surveyorName" emptyText="—" />
        </Labeled>
      </Box>
      <FunctionField source="photos" render={(r: RaRecord) => (r.photos?.length ? r.photos.map((p: { name: string }) => p.name).join('、') : '无')} />
      <TextField source="notes" emptyText="—" />
      <Typography variant="subtitle2">分类</Typography>
      <Box sx={{ display: 'flex', gap: 4, flexWrap: 'wrap' }}>
        <Labeled>
          <EnumField source="proposedClassification" choices={classificationChoices} />
        </Labeled>
        <Labeled>
          <EnumField source="classification" choices={classificationChoices} />
        </Labeled>
        <Labeled>
          <TextField source="classificationReason" emptyText="—" />
        </Labeled>
        <Labeled>
          <DateField locales="zh-CN" source="classifiedAt" showTime emptyText="—" />
        </Labeled>
      </Box>
    </SimpleShowLayout>
  </Show>
);
