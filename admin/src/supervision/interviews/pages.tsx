import {
  Datagrid,
  DateField,
  DateInput,
  DateTimeInput,
  Edit,
  FunctionField,
  List,
  ReferenceField,
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
import EditNoteIcon from '@mui/icons-material/EditNote';
import ReplayIcon from '@mui/icons-material/Replay';
import { EnumField, RefInput, RegionField, RegionInput, searchFilter } from '../../common/fields';
import { serverXlsxExporter } from '../../common/serverExport';
import { ActionDialog } from '../../fund/ActionDialog';
import { postSurveyAction } from '../surveysApi';
import { formatRate, interviewStatusChoices } from '../surveysChoices';

const INTERVIEWERS = ['city_admin', 'district_staff', 'street_staff'];
const filters = [
  searchFilter,
  <SelectInput key="status" source="status" choices={interviewStatusChoices} alwaysOn />,
  <RefInput key="companyId" source="companyId" reference="companies" />,
  <RegionInput key="regionCode" source="regionCode" />,
];
const exporter = serverXlsxExporter('interviews');
const rate = (r: RaRecord) => formatRate(r.rateBasisPoints);

const InterviewList = () => (
  <List filters={filters} exporter={exporter} sort={{ field: 'id', order: 'DESC' }}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="compoundName" sortable={false} />
      <TextField source="companyName" sortable={false} />
      <TextField source="managerName" sortable={false} />
      <FunctionField source="rateBasisPoints" render={rate} />
      <DateField source="scheduledAt" locales="zh-CN" showTime emptyText="—" />
      <DateField source="deadline" locales="zh-CN" emptyText="—" />
      <EnumField source="status" choices={interviewStatusChoices} />
    </Datagrid>
  </List>
);

const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
const afterDeadline = (deadline: string) => (v: string) => (v && v <= deadline ? '复测须在整改期限之后开始' : undefined);
const closesAfterOpens = (v: string, all: RaRecord) => (v && all.opensOn && v < all.opensOn ? '截止日期不能早于开始日期' : undefined);

/** Record the interview (minutes, attendees, rectification items, deadline), then open the re-survey after the deadline. */
const InterviewButtons = () => {
  const record = useRecordContext();
  const { permissions } = usePermissions<string | null>();
  if (!record || !INTERVIEWERS.includes(permissions ?? '')) return null;
  const s = record.status;
  const deadlinePassed = !!record.deadline && record.deadline < today();
  return (
    <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
      {(s === 'pending' || s === 'held') && (
        <ActionDialog<{ minutes: string; attendees: string; rectificationItems: string; deadline: string }>
          label="记录约谈"
          icon={<EditNoteIcon />}
          variant={s === 'pending' ? 'contained' : 'text'}
          defaultValues={{
            minutes: record.minutes ?? '',
            attendees: record.attendees ?? '',
            rectificationItems: record.rectificationItems ?? '',
            deadline: record.deadline ?? '',
          }}
          run={async (v) => {
            await postSurveyAction(`/interviews/${record.id}/record`, {
              minutes: v.minutes.trim(),
              attendees: v.attendees.trim(),
              rectificationItems: v.rectificationItems.trim(),
              deadline: v.deadline,
            });
            return '约谈记录已保存';
          }}
        >
          <TextInput source="attendees" label="参加人员" fullWidth validate={[required('请填写参加人员'), maxLength(500, '最多500字')]} />
          <TextInput source="rectificationItems" label="整改事项" multiline fullWidth validate={[required('请填写整改事项'), maxLength(2000, '最多2000字')]} />
          <DateInput source="deadline" label="整改期限" validate={required('请填写整改期限')} />
          <TextInput source="minutes" label="约谈纪要" multiline minRows={3} fullWidth validate={[required('请填写约谈纪要'), maxLength(5000, '最多5000字')]} />
        </ActionDialog>
      )}
      {s === 'held' && deadlinePassed && (
        <ActionDialog<{ opensOn: string; closesOn: string }>
          label="发起复测"
          icon={<ReplayIcon />}
          variant="contained"
          defaultValues={{ opensOn: today() }}
          run={async (v) => {
            const r = await postSurveyAction<{ resurveyId: number }>(`/interviews/${record.id}/resurvey`, v);
            return `已发起复测（测评 #${r.resurveyId}）`;
          }}
        >
          <div>整改期限已过，对该项目重新测评；复测满意度仍低于80%的，记入企业不良信用信息。</div>
          <DateInput source="opensOn" label="开始日期" validate={[required('请填写开始日期'), afterDeadline(record.deadline)]} />
          <DateInput source="closesOn" label="截止日期" validate={[required('请填写截止日期'), closesAfterOpens]} />
        </ActionDialog>
      )}
    </div>
  );
};

const InterviewShow = () => (
  <Show>
    <SimpleShowLayout>
      <InterviewButtons />
      <ReferenceField source="surveyId" reference="surveys" link="show" />
      <TextField source="compoundName" />
      <TextField source="companyName" />
      <RegionField source="regionCode" />
      <TextField source="managerName" />
      <FunctionField source="rateBasisPoints" render={rate} />
      <EnumField source="status" choices={interviewStatusChoices} />
      <DateField source="scheduledAt" locales="zh-CN" showTime emptyText="—" />
      <TextField source="location" emptyText="—" />
      <TextField source="attendees" emptyText="—" />
      <TextField source="rectificationItems" emptyText="—" />
      <DateField source="deadline" locales="zh-CN" emptyText="—" />
      <TextField source="minutes" emptyText="—" />
      <ReferenceField source="resurveyId" reference="surveys" link="show" emptyText="—" />
    </SimpleShowLayout>
  </Show>
);

/** Arranging the interview: time, place, attendees, items, deadline (minutes may be drafted here too). */
const InterviewEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show">
    <SimpleForm>
      <DateTimeInput source="scheduledAt" />
      <TextInput source="location" fullWidth validate={maxLength(100, '最多100字')} />
      <TextInput source="attendees" fullWidth validate={maxLength(500, '最多500字')} />
      <TextInput source="rectificationItems" multiline fullWidth validate={maxLength(2000, '最多2000字')} />
      <DateInput source="deadline" />
      <TextInput source="minutes" multiline minRows={3} fullWidth validate={maxLength(5000, '最多5000字')} />
    </SimpleForm>
  </Edit>
);

export const interviews = { list: InterviewList, show: InterviewShow, edit: InterviewEdit };
