import { useState } from 'react';
import { FormControlLabel, Radio, RadioGroup, Stack } from '@mui/material';
import {
  BooleanInput,
  Datagrid,
  DateField,
  FunctionField,
  List,
  ReferenceField,
  SelectField,
  SelectInput,
  Show,
  SimpleShowLayout,
  TextField,
  usePermissions,
  useRecordContext,
  type RaRecord,
} from 'react-admin';
import { RefInput, searchFilter } from '../../common/fields';
import { UploadedFileLinks } from '../../common/UploadedFilesInput';
import { serverXlsxExporter } from '../../common/serverExport';
import { ActionTextField } from '../../common/ActionTextField';
import { RecordActionDialog } from '../../common/RecordActionDialog';
import { objectionStatusChoices, outcomeChoices, points } from '../choices';

const filters = [
  searchFilter,
  <SelectInput key="status" source="status" choices={objectionStatusChoices} alwaysOn />,
  <BooleanInput key="overdue" source="overdue" alwaysOn />,
  <RefInput key="companyId" source="companyId" reference="companies" />,
];

const exporter = serverXlsxExporter('credit-objections');

const Points = ({ source }: { source: string }) => (
  <FunctionField source={source} render={(r: RaRecord) => (r[source] === null ? '—' : `${points(r[source])} 分`)} />
);

export const list = () => (
  <List filters={filters} exporter={exporter} sort={{ field: 'id', order: 'DESC' }} perPage={25}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="companyName" sortable={false} />
      <TextField source="itemTypeLabel" sortable={false} />
      <TextField source="itemDocument" sortable={false} emptyText="—" />
      <TextField source="reason" sortable={false} />
      <SelectField source="status" choices={objectionStatusChoices} />
      <DateField locales="zh-CN" source="dueOn" />
      <FunctionField source="overdue" sortable={false} render={(r: RaRecord) => (r.overdue ? '已逾期' : '')} />
      <Points source="pointsBefore" />
      <Points source="pointsAfter" />
    </Datagrid>
  </List>
);

/** The authority answers within the answer period (DOMAIN.md §5): upheld, corrected with new points, or withdrawn. */
const AnswerPanel = () => {
  const record = useRecordContext();
  const { permissions } = usePermissions();
  const [outcome, setOutcome] = useState('upheld');
  const [answer, setAnswer] = useState('');
  const [pointsText, setPointsText] = useState('');
  if (!record || record.status !== 'pending' || !['city_admin', 'district_staff'].includes(permissions)) return null;
  const body = () => ({
    outcome,
    answer,
    ...(outcome === 'corrected' ? { pointsTenths: pointsText.trim() === '' ? null : Math.round(Number(pointsText) * 10) } : {}),
  });
  return (
    <RecordActionDialog title="答复异议" actions={[{ label: '提交答复', path: `/api/credit-objections/${record.id}/answer`, body, done: '已答复异议' }]}>
      {(errors) => (
        <Stack direction="row" spacing={2} sx={{ my: 1 }}>
          <RadioGroup row value={outcome} onChange={(e) => setOutcome(e.target.value)} aria-label="答复结论">
            {outcomeChoices.map((c) => (
              <FormControlLabel key={c.id} value={c.id} control={<Radio />} label={c.name} />
            ))}
          </RadioGroup>
          {outcome === 'corrected' && (
            <ActionTextField
              label="更正后分值（分）"
              field="pointsTenths"
              errors={errors}
              value={pointsText}
              onChange={setPointsText}
              hint="不良行为填负数"
              testId="answer-points"
            />
          )}
          <ActionTextField label="答复意见" field="answer" errors={errors} value={answer} onChange={setAnswer} testId="answer-text" sx={{ flex: 1 }} />
        </Stack>
      )}
    </RecordActionDialog>
  );
};

export const show = () => (
  <Show>
    <SimpleShowLayout>
      <TextField source="companyName" />
      <ReferenceField source="itemId" reference="credit-items" link="show">
        <TextField source="typeLabel" />
      </ReferenceField>
      <TextField source="itemDocument" emptyText="—" />
      <TextField source="reason" />
      <FunctionField
        source="evidence"
        render={(r: RaRecord) => (r.evidence?.length ? <UploadedFileLinks files={r.evidence} testId="objection-evidence-link" /> : '—')}
      />
      <SelectField source="status" choices={objectionStatusChoices} />
      <DateField locales="zh-CN" source="createdAt" showTime />
      <DateField locales="zh-CN" source="dueOn" />
      <Points source="pointsBefore" />
      <Points source="pointsAfter" />
      <TextField source="answer" emptyText="—" />
      <DateField locales="zh-CN" source="answeredAt" showTime emptyText="—" />
      <AnswerPanel />
    </SimpleShowLayout>
  </Show>
);
