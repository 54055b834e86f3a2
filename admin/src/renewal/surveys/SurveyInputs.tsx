import { AutocompleteArrayInput, BooleanInput, DateInput, NumberInput, ReferenceArrayInput, SelectInput, TextInput, maxValue, minValue } from 'react-admin';
import { Box, Typography } from '@mui/material';
import { formatAreaCenti, parseAreaCenti, SURVEY_LIMITS } from '@baotou/shared';
import { RefInput } from '../../common/fields';
import { enclosureChoices, infrastructureItems, infrastructureStateChoices, surveyManagementChoices, surveyRenovationChoices } from '../surveyChoices';

const count = (max: number) => [minValue(0, '不能为负数'), maxValue(max, `不能超过${max}`)];
const integer = (v: unknown) => (v === null || v === undefined || v === '' || Number.isInteger(v) ? undefined : '必须是整数');
const areaValid = (v: unknown) => (v === null || v === undefined || v === '' ? undefined : Number.isInteger(v) ? undefined : '请输入最多两位小数的面积');
const willingValid = (v: unknown, values: Record<string, unknown>) =>
  typeof v === 'number' && typeof values.householdCount === 'number' && v > values.householdCount ? '愿意付费户数不能超过总户数' : undefined;

/** The survey form (摸底调查表): every field may stay empty in a draft; submitting asks for all. */
export const SurveyInputs = ({ isCreate = false }: { isCreate?: boolean }) => (
  <>
    <RefInput source="compoundId" reference="compounds" readOnly={!isCreate} helperText="老旧小区或单栋楼" />
    <Typography variant="subtitle2" sx={{ mt: 1 }}>
      规模
    </Typography>
    <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap' }}>
      <NumberInput source="buildingCount" step={1} validate={[integer, ...count(SURVEY_LIMITS.buildings)]} />
      <NumberInput source="stairwellCount" step={1} validate={[integer, ...count(SURVEY_LIMITS.stairwells)]} />
      <NumberInput source="householdCount" step={1} validate={[integer, ...count(SURVEY_LIMITS.households)]} />
      <TextInput
        source="floorAreaCenti"
        format={(v: number | null | undefined) => (v === null || v === undefined ? '' : formatAreaCenti(v))}
        parse={(v: string) => (v.trim() === '' ? null : (parseAreaCenti(v) ?? Number.NaN))}
        validate={areaValid}
        helperText="单位：㎡，最多两位小数"
      />
    </Box>
    <BooleanInput source="singleBuilding" />
    <ReferenceArrayInput source="neighbourCompoundIds" reference="compounds">
      <AutocompleteArrayInput optionText="name" filterToQuery={(q: string) => ({ q })} sx={{ minWidth: 320 }} />
    </ReferenceArrayInput>
    <Typography variant="subtitle2" sx={{ mt: 1 }}>
      封闭与基础设施
    </Typography>
    <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap' }}>
      <SelectInput source="enclosure" choices={enclosureChoices} emptyText="未填写" />
      <BooleanInput source="hasGate" />
    </Box>
    <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(180px, 1fr))', columnGap: 2 }}>
      {infrastructureItems.map((i) => (
        <SelectInput key={i.id} source={`infrastructure.${i.id}`} label={i.name} choices={infrastructureStateChoices} emptyText="未填写" />
      ))}
    </Box>
    <Typography variant="subtitle2" sx={{ mt: 1 }}>
      管理现状与意愿
    </Typography>
    <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap' }}>
      <SelectInput source="currentManagement" choices={surveyManagementChoices} emptyText="未填写" />
      <SelectInput source="renovation" choices={surveyRenovationChoices} emptyText="未填写" />
    </Box>
    <BooleanInput source="hasCommittee" />
    <BooleanInput source="fundDeposited" />
    <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap' }}>
      <NumberInput source="willingHouseholds" step={1} validate={[integer, ...count(SURVEY_LIMITS.households), willingValid]} />
      <NumberInput source="proposedFeeFen" step={1} validate={[integer, ...count(SURVEY_LIMITS.feeFen)]} helperText="单位：分/㎡·月（0.35元即35）" />
      <DateInput source="surveyedOn" />
    </Box>
    <TextInput source="notes" multiline fullWidth />
  </>
);
