import { useState } from 'react';
import { Stack } from '@mui/material';
import {
  Create,
  Datagrid,
  DateField,
  DateInput,
  FormDataConsumer,
  FunctionField,
  List,
  SelectField,
  SelectInput,
  Show,
  SimpleForm,
  SimpleShowLayout,
  TextField,
  TextInput,
  required,
  usePermissions,
  useRecordContext,
  type RaRecord,
} from 'react-admin';
import { filingCreateSchema } from '@baotou/shared';
import { RefInput, RegionField, RegionInput, searchFilter } from '../../common/fields';
import { UploadedFileLinks, UploadedFilesInput } from '../../common/UploadedFilesInput';
import { serverXlsxExporter } from '../../common/serverExport';
import { ActionTextField } from '../../common/ActionTextField';
import { RecordActionDialog } from '../../common/RecordActionDialog';
import { filingKindChoices, filingStatusChoices } from '../../credit/blacklist/choices';
import { zodFields } from '../../common/schemaValidation';

const filters = [
  searchFilter,
  <SelectInput key="status" source="status" choices={filingStatusChoices} alwaysOn />,
  <SelectInput key="kind" source="kind" choices={filingKindChoices} alwaysOn />,
  <RegionInput key="regionCode" source="regionCode" />,
];

const exporter = serverXlsxExporter('filings');

export const list = () => (
  <List filters={filters} exporter={exporter} sort={{ field: 'id', order: 'DESC' }} perPage={25}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="projectName" sortable={false} />
      <TextField source="companyName" sortable={false} />
      <SelectField source="kind" choices={filingKindChoices} />
      <SelectField source="status" choices={filingStatusChoices} />
      <TextField source="documentNo" sortable={false} />
      <TextField source="managerName" sortable={false} emptyText="—" />
      <DateField locales="zh-CN" source="validUntil" />
      <TextField source="filingNo" sortable={false} emptyText="—" />
    </Datagrid>
  </List>
);

const toBody = (d: Record<string, unknown>) => ({
  projectId: d.projectId,
  kind: d.kind,
  documentNo: d.documentNo ?? '',
  managerName: d.kind === 'project_manager' ? d.managerName || null : null,
  validFrom: d.validFrom,
  validUntil: d.validUntil,
  documents: Array.isArray(d.documents) ? d.documents : [],
  note: d.note || null,
});

const check = zodFields(filingCreateSchema, toBody);

/** A company files its contract or project manager for one of its projects, with the documents uploaded. */
export const create = () => (
  <Create redirect="show" transform={toBody}>
    <SimpleForm defaultValues={{ kind: 'contract' }}>
      <RefInput source="projectId" reference="projects" optionText="compoundName" validate={required()} />
      <SelectInput source="kind" choices={filingKindChoices} validate={required()} />
      <TextInput source="documentNo" validate={[required(), check('documentNo')]} />
      <FormDataConsumer>
        {({ formData }) => (formData.kind === 'project_manager' ? <TextInput source="managerName" validate={[required(), check('managerName')]} /> : null)}
      </FormDataConsumer>
      <DateInput source="validFrom" validate={[required(), check('validFrom')]} />
      <DateInput source="validUntil" validate={[required(), check('validUntil')]} />
      <UploadedFilesInput
        source="documents"
        label="备案材料（合同文本、任职证书等，图片或PDF，每个不超过5MB）"
        testId="documents"
        validate={check('documents')}
      />
      <TextInput source="note" multiline fullWidth validate={check('note')} />
    </SimpleForm>
  </Create>
);

/** The district or street decides: 准予备案 (with the filing number) or 退回 with a reason. */
const ReviewPanel = () => {
  const record = useRecordContext();
  const { permissions } = usePermissions();
  const [filingNo, setFilingNo] = useState('');
  const [reason, setReason] = useState('');
  if (!record || record.status !== 'submitted' || !['city_admin', 'district_staff', 'street_staff'].includes(permissions)) return null;
  const path = `/api/filings/${record.id}/review`;
  return (
    <RecordActionDialog
      title="审核备案"
      actions={[
        { label: '准予备案', path, body: () => ({ decision: 'filed', filingNo: filingNo || null }), done: '已准予备案' },
        { label: '退回', path, body: () => ({ decision: 'returned', returnReason: reason || null }), done: '已退回', variant: 'outlined', color: 'error' },
      ]}
    >
      {(errors) => (
        <Stack direction="row" spacing={2} sx={{ my: 1 }}>
          <ActionTextField label="备案编号（可选，默认自动编号）" field="filingNo" errors={errors} value={filingNo} onChange={setFilingNo} sx={{ flex: 1 }} />
          <ActionTextField label="退回理由" field="returnReason" errors={errors} value={reason} onChange={setReason} sx={{ flex: 2 }} />
        </Stack>
      )}
    </RecordActionDialog>
  );
};

export const show = () => (
  <Show>
    <SimpleShowLayout>
      <TextField source="projectName" />
      <TextField source="companyName" />
      <RegionField source="regionCode" />
      <SelectField source="kind" choices={filingKindChoices} />
      <SelectField source="status" choices={filingStatusChoices} />
      <TextField source="documentNo" />
      <TextField source="managerName" emptyText="—" />
      <DateField locales="zh-CN" source="validFrom" />
      <DateField locales="zh-CN" source="validUntil" />
      <FunctionField source="documents" render={(r: RaRecord) => <UploadedFileLinks files={r.documents} testId="document-link" />} />
      <TextField source="note" emptyText="—" />
      <DateField locales="zh-CN" source="createdAt" showTime />
      <TextField source="filingNo" emptyText="—" />
      <TextField source="returnReason" emptyText="—" />
      <DateField locales="zh-CN" source="reviewedAt" showTime emptyText="—" />
      <ReviewPanel />
    </SimpleShowLayout>
  </Show>
);
