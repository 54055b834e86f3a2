import { useState } from 'react';
import { Button, Stack } from '@mui/material';
import {
  Create,
  Datagrid,
  DateField,
  DateInput,
  FunctionField,
  List,
  NumberField,
  SelectField,
  SelectInput,
  Show,
  SimpleForm,
  SimpleShowLayout,
  TextField,
  TextInput,
  required,
  useNotify,
  usePermissions,
  useRecordContext,
  type RaRecord,
} from 'react-admin';
import { blacklistCreateSchema } from '@baotou/shared';
import { RefInput, RegionField, RegionInput, searchFilter } from '../../common/fields';
import { UploadedFileLinks, UploadedFilesInput } from '../../common/UploadedFilesInput';
import { authHeaders } from '../../auth/session';
import { serverXlsxExporter } from '../../common/serverExport';
import { ActionTextField } from '../../common/ActionTextField';
import { RecordActionDialog } from '../../common/RecordActionDialog';
import { reasonChoices, stateChoices } from './choices';
import { zodFields } from '../../common/schemaValidation';

const filters = [
  searchFilter,
  <SelectInput key="state" source="state" choices={stateChoices} alwaysOn />,
  <SelectInput key="reason" source="reason" choices={reasonChoices} alwaysOn />,
  <RegionInput key="regionCode" source="regionCode" />,
];

const exporter = serverXlsxExporter('blacklist');

export const list = () => (
  <List filters={filters} exporter={exporter} sort={{ field: 'listedOn', order: 'DESC' }} perPage={25}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="companyName" sortable={false} />
      <TextField source="creditCode" sortable={false} />
      <SelectField source="reason" choices={reasonChoices} />
      <TextField source="document" sortable={false} />
      <DateField locales="zh-CN" source="listedOn" />
      <SelectField source="state" choices={stateChoices} sortable={false} />
      <TextField source="authorityName" sortable={false} />
      <DateField locales="zh-CN" source="removedOn" emptyText="—" />
    </Datagrid>
  </List>
);

const toBody = (d: Record<string, unknown>) => ({
  companyId: d.companyId,
  reason: d.reason,
  document: d.document ?? '',
  listedOn: d.listedOn,
  facts: d.facts ?? '',
  evidence: Array.isArray(d.evidence) ? d.evidence : [],
});
const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

const check = zodFields(blacklistCreateSchema, toBody);

/** The city or a district lists a company for a serious violation (DOMAIN.md §5), with its evidence uploaded. */
export const create = () => (
  <Create redirect="show" transform={toBody}>
    <SimpleForm defaultValues={{ listedOn: today() }}>
      <RefInput source="companyId" reference="companies" validate={required()} />
      <SelectInput source="reason" choices={reasonChoices} validate={[required(), check('reason')]} />
      <TextInput source="document" validate={[required(), check('document')]} helperText="认定严重违法违规行为的文件文号" />
      <DateInput source="listedOn" validate={[required(), check('listedOn')]} />
      <TextInput source="facts" multiline fullWidth validate={[required(), check('facts')]} />
      <UploadedFilesInput
        source="evidence"
        label="证据材料（处罚决定书、调查笔录等，图片或PDF，每个不超过5MB）"
        testId="evidence"
        validate={check('evidence')}
      />
    </SimpleForm>
  </Create>
);

/** Downloads the letters' PDF with the session's token (a plain link cannot send it). */
async function downloadLetters(id: string | number, name: string): Promise<void> {
  const res = await fetch(`/api/blacklist/${id}/letters.pdf`, { headers: authHeaders() });
  if (!res.ok) throw new Error(res.status === 403 ? '无权生成解除合同建议函' : '建议函生成失败，请稍后重试');
  const blobUrl = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = blobUrl;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(blobUrl), 60_000);
}

/** The letters recommending the end of each contract, as one PDF. */
const LettersButton = () => {
  const record = useRecordContext();
  const notify = useNotify();
  if (!record) return null;
  return (
    <Button
      variant="outlined"
      data-testid="letters-pdf"
      onClick={() => downloadLetters(record.id, `解除合同建议函_${record.companyName}.pdf`).catch((e: Error) => notify(e.message, { type: 'error' }))}
    >
      下载解除合同建议函（PDF）
    </Button>
  );
};

/** Removal on the same record: the listing authority (or the city) with a reason and document. */
const RemovePanel = () => {
  const record = useRecordContext();
  const { permissions } = usePermissions();
  const [reason, setReason] = useState('');
  const [document, setDocument] = useState('');
  if (!record || record.state !== 'active' || !['city_admin', 'district_staff'].includes(permissions)) return null;
  return (
    <RecordActionDialog
      title="移出黑名单"
      actions={[
        {
          label: '移出黑名单',
          path: `/api/blacklist/${record.id}/remove`,
          body: () => ({ removalReason: reason, removalDocument: document }),
          done: '已移出黑名单',
          color: 'warning',
        },
      ]}
    >
      {(errors) => (
        <Stack direction="row" spacing={2} sx={{ my: 1 }}>
          <ActionTextField label="移出理由" field="removalReason" errors={errors} value={reason} onChange={setReason} sx={{ flex: 2 }} />
          <ActionTextField label="移出文件文号" field="removalDocument" errors={errors} value={document} onChange={setDocument} sx={{ flex: 1 }} />
        </Stack>
      )}
    </RecordActionDialog>
  );
};

export const show = () => (
  <Show>
    <SimpleShowLayout>
      <TextField source="companyName" />
      <TextField source="creditCode" />
      <SelectField source="state" choices={stateChoices} />
      <SelectField source="reason" choices={reasonChoices} />
      <TextField source="document" />
      <DateField locales="zh-CN" source="listedOn" />
      <TextField source="authorityName" />
      <RegionField source="regionCode" />
      <TextField source="facts" />
      <FunctionField source="evidence" render={(r: RaRecord) => <UploadedFileLinks files={r.evidence} testId="evidence-link" />} />
      <NumberField source="compoundCount" />
      <DateField locales="zh-CN" source="removedOn" emptyText="—" />
      <TextField source="removalReason" emptyText="—" />
      <TextField source="removalDocument" emptyText="—" />
      <LettersButton />
      <RemovePanel />
    </SimpleShowLayout>
  </Show>
);
