import {
  ArrayField,
  BooleanField,
  BooleanInput,
  Create,
  Datagrid,
  DateField,
  List,
  Loading,
  NumberInput,
  RadioButtonGroupInput,
  SelectInput,
  Show,
  SimpleForm,
  SimpleShowLayout,
  TextField,
  TextInput,
  maxLength,
  maxValue,
  minValue,
  required,
  useGetList,
} from 'react-admin';
import { Box, Typography } from '@mui/material';
import { EnumField, RefInput, RegionField, searchFilter } from '../../common/fields';
import { serverXlsxExporter } from '../../common/serverExport';
import { assessmentResultChoices } from '../areasChoices';
import { EvidenceInput } from './EvidenceInput';

const filters = [
  searchFilter,
  <SelectInput key="result" source="result" choices={assessmentResultChoices} alwaysOn />,
  <NumberInput key="year" source="year" alwaysOn />,
];
const exporter = serverXlsxExporter('quasi-assessments');

const AssessmentList = () => (
  <List filters={filters} exporter={exporter} sort={{ field: 'id', order: 'DESC' }}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="compoundName" sortable={false} />
      <RegionField source="regionCode" />
      <TextField source="companyName" sortable={false} />
      <TextField source="year" />
      <EnumField source="result" choices={assessmentResultChoices} />
      <DateField source="createdAt" locales="zh-CN" sortable={false} />
    </Datagrid>
  </List>
);

type Item = { id: number; text: string };
type FormValues = {
  enrolmentId: number;
  year: number;
  result: 'pass' | 'fail';
  note?: string;
  items?: Record<string, { met?: boolean; evidence?: number[]; note?: string }>;
};

const passNeedsAllMet = (result: string, values: FormValues) =>
  result === 'pass' && Object.values(values.items ?? {}).some((i) => !i?.met) ? '有标准条目未达标，不能评为合格' : undefined;

/** One line per "三个有" item: met or not, its evidence. Sent as the API's items list. */
const ChecklistInputs = ({ items }: { items: Item[] }) => (
  <Box sx={{ width: '100%' }}>
    <Typography variant="subtitle2" sx={{ mb: 1 }}>
      “三个有”标准逐项考核
    </Typography>
    {items.map((item, n) => (
      <Box key={item.id} sx={{ borderTop: '1px solid #eee', py: 1 }}>
        <Typography variant="body2">{`${n + 1}. ${item.text}`}</Typography>
        <BooleanInput source={`items.i${item.id}.met`} label="达标" defaultValue={true} />
        <EvidenceInput source={`items.i${item.id}.evidence`} />
        <TextInput source={`items.i${item.id}.note`} label="说明" validate={maxLength(200, '说明最多200字')} fullWidth />
      </Box>
    ))}
  </Box>
);

const AssessmentCreate = () => {
  const { data: items, isPending } = useGetList<Item>('quasi-standard-items', {
    filter: { active: true },
    sort: { field: 'sortOrder', order: 'ASC' },
    pagination: { page: 1, perPage: 50 },
  });
  if (isPending || !items) return <Loading />;
  const toBody = (v: FormValues) => ({
    enrolmentId: v.enrolmentId,
    year: Number(v.year),
    result: v.result,
    note: v.note?.trim() || null,
    items: items.map((i) => ({
      itemId: i.id,
      met: !!v.items?.[`i${i.id}`]?.met,
      evidence: v.items?.[`i${i.id}`]?.evidence ?? [],
      note: v.items?.[`i${i.id}`]?.note?.trim() || null,
    })),
  });
  return (
    <Create redirect="show" transform={toBody}>
      <SimpleForm defaultValues={{ year: new Date().getFullYear() - 1, result: 'pass' }}>
        <RefInput
          source="enrolmentId"
          reference="quasi-enrolments"
          optionText={(r) => `${r.compoundName} · ${r.companyName}（${r.startDate}起）`}
          validate={required('请选择准物业备案')}
        />
        <NumberInput
          source="year"
          validate={[required('请填写考核年度'), minValue(2000, '考核年度不能早于2000年'), maxValue(2100, '考核年度不能晚于2100年')]}
        />
        <ChecklistInputs items={items} />
        <RadioButtonGroupInput
          source="result"
          choices={assessmentResultChoices}
          validate={[required('请选择考核结论'), passNeedsAllMet]}
          helperText="只有考核合格的年度才能拨付补贴"
        />
        <TextInput source="note" multiline fullWidth validate={maxLength(500, '考核意见最多500字')} />
      </SimpleForm>
    </Create>
  );
};

const AssessmentShow = () => (
  <Show>
    <SimpleShowLayout>
      <TextField source="compoundName" />
      <TextField source="companyName" />
      <RegionField source="regionCode" />
      <TextField source="year" />
      <EnumField source="result" choices={assessmentResultChoices} />
      <ArrayField source="items">
        <Datagrid bulkActionButtons={false} rowClick={false}>
          <TextField source="text" label="标准条目" />
          <BooleanField source="met" label="达标" />
          <TextField source="evidence" label="证明材料编号" emptyText="—" />
          <TextField source="note" label="说明" emptyText="—" />
        </Datagrid>
      </ArrayField>
      <TextField source="note" emptyText="—" />
      <DateField source="createdAt" showTime locales="zh-CN" />
    </SimpleShowLayout>
  </Show>
);

export const quasiAssessments = {
  list: AssessmentList,
  show: AssessmentShow,
  create: AssessmentCreate,
};
