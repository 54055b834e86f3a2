import {
  CheckboxGroupInput,
  Create,
  Datagrid,
  DateField,
  DateInput,
  FormDataConsumer,
  FunctionField,
  List,
  NumberField,
  ReferenceManyField,
  SelectInput,
  Show,
  SimpleForm,
  SimpleShowLayout,
  TextField,
  TextInput,
  maxLength,
  required,
  usePermissions,
  useRecordContext,
  type RaRecord,
} from 'react-admin';
import DoneAllIcon from '@mui/icons-material/DoneAll';
import { SURVEY_DIMENSIONS, SURVEY_DIMENSION_LABELS } from '@baotou/shared';
import { EnumField, RefInput, RegionField, RegionInput, searchFilter } from '../../common/fields';
import { serverXlsxExporter } from '../../common/serverExport';
import { ActionDialog } from '../../fund/ActionDialog';
import { postSurveyAction } from '../surveysApi';
import {
  dimensionRatesText,
  formatRate,
  surveyDimensionChoices,
  surveyKindChoices,
  surveyScopeChoices,
  surveyStatusChoices,
  validityText,
  warningText,
} from '../surveysChoices';

const RUNNERS = ['city_admin', 'district_staff', 'street_staff'];
const filters = [
  searchFilter,
  <SelectInput key="status" source="status" choices={surveyStatusChoices} alwaysOn />,
  <SelectInput key="scope" source="scope" choices={surveyScopeChoices} />,
  <SelectInput key="kind" source="kind" choices={surveyKindChoices} />,
  <RegionInput key="regionCode" source="regionCode" />,
];
const exporter = serverXlsxExporter('surveys');

const SurveyList = () => (
  <List filters={filters} exporter={exporter} sort={{ field: 'id', order: 'DESC' }}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="title" />
      <EnumField source="scope" choices={surveyScopeChoices} sortable={false} />
      <EnumField source="kind" choices={surveyKindChoices} sortable={false} />
      <TextField source="regionName" sortable={false} />
      <DateField source="opensOn" locales="zh-CN" />
      <DateField source="closesOn" locales="zh-CN" />
      <EnumField source="status" choices={surveyStatusChoices} />
      <NumberField source="projectCount" sortable={false} />
      <NumberField source="warningCount" sortable={false} />
    </Datagrid>
  </List>
);

const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
const closesAfterOpens = (v: string, all: RaRecord) =>
  v && all.opensOn && v < all.opensOn ? '截止日期不能早于开始日期' : v && v < today() ? '截止日期不能早于今天' : undefined;

const SurveyCreate = () => {
  const { permissions } = usePermissions<string | null>();
  const scopes = surveyScopeChoices.filter((c) =>
    c.id === 'city' ? permissions === 'city_admin' : c.id === 'district' ? permissions !== 'street_staff' : true,
  );
  return (
    <Create redirect="show">
      <SimpleForm defaultValues={{ scope: 'project', dimensions: [...SURVEY_DIMENSIONS], opensOn: today() }}>
        <TextInput source="title" fullWidth validate={[required('请填写测评名称'), maxLength(100, '测评名称最多100字')]} />
        <SelectInput source="scope" choices={scopes} validate={required('请选择测评范围')} />
        <FormDataConsumer>
          {({ formData }) =>
            formData.scope === 'project' ? (
              <RefInput source="projectId" reference="projects" optionText="compoundName" validate={required('请选择项目')} />
            ) : formData.scope === 'district' ? (
              <RegionInput source="regionCode" level="district" validate={required('请选择区（县、旗）')} />
            ) : null
          }
        </FormDataConsumer>
        <CheckboxGroupInput source="dimensions" choices={surveyDimensionChoices} validate={required('至少选择一个测评维度')} />
        <DateInput source="opensOn" validate={required('请填写开始日期')} />
        <DateInput source="closesOn" validate={[required('请填写截止日期'), closesAfterOpens]} />
      </SimpleForm>
    </Create>
  );
};

const CloseButton = () => {
  const record = useRecordContext();
  const { permissions } = usePermissions<string | null>();
  if (!record || record.status !== 'open' || !RUNNERS.includes(permissions ?? '')) return null;
  return (
    <ActionDialog<Record<string, never>>
      label="结束测评"
      icon={<DoneAllIcon />}
      variant="contained"
      maxWidth="xs"
      run={async () => {
        const r = await postSurveyAction<{ projects: number; warnings: number; interviewsOpened: number }>(`/surveys/${record.id}/close`);
        return `测评已结束：${r.projects}个项目，预警${r.warnings}个，生成约谈${r.interviewsOpened}个`;
      }}
    >
      <div>结束后住户不能再填写或修改答卷，系统按项目计算满意度：有效样本低于入住户数30%的为“样本不足”；满意度低于80%的预警并生成约谈任务。</div>
    </ActionDialog>
  );
};

const dimensionsText = (r: RaRecord) =>
  ((r.dimensions as string[]) ?? []).map((d) => SURVEY_DIMENSION_LABELS[d as keyof typeof SURVEY_DIMENSION_LABELS] ?? d).join('、');

const SurveyShow = () => (
  <Show>
    <SimpleShowLayout>
      <CloseButton />
      <TextField source="title" />
      <EnumField source="scope" choices={surveyScopeChoices} />
      <EnumField source="kind" choices={surveyKindChoices} />
      <RegionField source="regionCode" />
      <TextField source="projectName" emptyText="—" />
      <FunctionField source="dimensions" render={dimensionsText} />
      <DateField source="opensOn" locales="zh-CN" />
      <DateField source="closesOn" locales="zh-CN" />
      <EnumField source="status" choices={surveyStatusChoices} />
      <ReferenceManyField label="各项目结果（仅统计数，不显示个人答卷）" reference="survey-results" target="surveyId" perPage={50}>
        <Datagrid bulkActionButtons={false} rowClick={false}>
          <TextField source="compoundName" sortable={false} />
          <TextField source="companyName" sortable={false} />
          <NumberField source="occupiedHomes" sortable={false} />
          <NumberField source="responses" sortable={false} />
          <NumberField source="satisfied" sortable={false} />
          <FunctionField source="rateBasisPoints" render={(r: RaRecord) => formatRate(r.rateBasisPoints)} />
          <FunctionField source="sampleValid" render={validityText} sortable={false} />
          <FunctionField source="warning" render={warningText} sortable={false} />
          <FunctionField source="dimensionSatisfied" label="各维度满意度" render={dimensionRatesText} sortable={false} />
        </Datagrid>
      </ReferenceManyField>
    </SimpleShowLayout>
  </Show>
);

export const surveys = { list: SurveyList, show: SurveyShow, create: SurveyCreate };
