import { useEffect, useState } from 'react';
import { Stack, Typography } from '@mui/material';
import {
  BooleanInput,
  Create,
  Datagrid,
  DateField,
  DateInput,
  FunctionField,
  List,
  NumberInput,
  ReferenceManyField,
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
import { useWatch } from 'react-hook-form';
import { creditItemCreateSchema } from '@baotou/shared';
import { RefInput, RegionField, RegionInput, searchFilter } from '../../common/fields';
import { UploadedFileLinks, UploadedFilesInput, type UploadedFile } from '../../common/UploadedFilesInput';
import { serverXlsxExporter } from '../../common/serverExport';
import { httpClient } from '../../dataProvider';
import { ActionTextField } from '../../common/ActionTextField';
import { RecordActionDialog } from '../../common/RecordActionDialog';
import { zodValidate } from '../../common/schemaValidation';
import { categoryChoices, objectionStatusChoices, points, stateChoices } from '../choices';

export type CreditItemType = { id: string; label: string; category: string; minTenths: number; maxTenths: number; source: string; rule: boolean };

/** Item types with their ranges and source documents (rules and the manual types set in config). */
export function useCreditItemTypes(): CreditItemType[] {
  const [types, setTypes] = useState<CreditItemType[]>([]);
  useEffect(() => {
    httpClient('/api/credit-item-types')
      .then(({ json }) => setTypes(json as CreditItemType[]))
      .catch(() => setTypes([]));
  }, []);
  return types;
}

const PointsField = ({ source, label }: { source: string; label?: string }) => (
  <FunctionField source={source} label={label} render={(r: RaRecord) => `${points(r[source])} 分`} />
);

const ItemFilters = () => {
  const types = useCreditItemTypes();
  return [
    searchFilter,
    <SelectInput key="state" source="state" choices={stateChoices} alwaysOn />,
    <SelectInput key="category" source="category" choices={categoryChoices} alwaysOn />,
    <SelectInput key="type" source="type" choices={types.map((t) => ({ id: t.id, name: t.label }))} />,
    <RefInput key="companyId" source="companyId" reference="companies" />,
    <BooleanInput key="rule" source="rule" />,
    <RegionInput key="regionCode" source="regionCode" />,
  ];
};

const exporter = serverXlsxExporter('credit-items');

export const list = () => (
  <List filters={ItemFilters()} exporter={exporter} sort={{ field: 'id', order: 'DESC' }} perPage={25}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="companyName" sortable={false} />
      <TextField source="projectName" sortable={false} emptyText="企业整体" />
      <TextField source="typeLabel" sortable={false} />
      <SelectField source="category" choices={categoryChoices} sortable={false} />
      <PointsField source="pointsTenths" />
      <TextField source="authority" sortable={false} />
      <TextField source="document" sortable={false} emptyText="—" />
      <DateField locales="zh-CN" source="occurredOn" />
      <DateField locales="zh-CN" source="validUntil" />
      <SelectField source="state" choices={stateChoices} />
    </Datagrid>
  </List>
);

const toBody = (d: Record<string, unknown>) => ({
  companyId: d.companyId,
  projectId: d.projectId || null,
  type: d.type,
  pointsTenths: typeof d.points === 'number' ? Math.round(d.points * 10) : d.points,
  authority: d.authority ?? '',
  document: d.document ?? '',
  note: d.note || null,
  evidence: Array.isArray(d.evidence) ? d.evidence : [],
  occurredOn: d.occurredOn,
  validFrom: d.validFrom || null,
  validUntil: d.validUntil || null,
});

/** shared's schema on the form's fields (its pointsTenths is the form's points), in Chinese. */
const validateItem = zodValidate(creditItemCreateSchema, toBody, { pointsTenths: 'points' });

const TypeHint = ({ types }: { types: CreditItemType[] }) => {
  const type = useWatch({ name: 'type' });
  const t = types.find((x) => x.id === type);
  if (!t) return null;
  return (
    <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }} data-testid="type-hint">
      分值范围 {points(t.minTenths)}～{points(t.maxTenths)} 分；依据：{t.source}
    </Typography>
  );
};

const ProjectOfCompany = () => {
  const companyId = useWatch({ name: 'companyId' });
  return <RefInput source="projectId" reference="projects" filter={companyId ? { companyId } : {}} optionText="compoundName" helperText="不选为企业整体事项" />;
};

const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

/** City or district staff record an item by hand, with points in the type's range and evidence (DOMAIN.md §5). */
const CreditItemCreate = () => {
  const types = useCreditItemTypes().filter((t) => !t.rule);
  return (
    <Create redirect="show" transform={toBody}>
      <SimpleForm defaultValues={{ occurredOn: today(), evidence: [] }} validate={validateItem}>
        <RefInput source="companyId" reference="companies" validate={required()} />
        <ProjectOfCompany />
        <SelectInput
          source="type"
          choices={types.map((t) => ({ id: t.id, name: `${t.label}（${t.category === 'bad' ? '扣分' : '加分'}）` }))}
          validate={required()}
        />
        <TypeHint types={types} />
        <NumberInput source="points" step={0.1} validate={required()} helperText="不良行为填负数，如 -5" />
        <TextInput source="authority" validate={required()} helperText="如：包头市住房和城乡建设局" />
        <TextInput source="document" validate={required()} helperText="处罚决定书、表彰文件等的文号" />
        <DateInput source="occurredOn" validate={required()} />
        <DateInput source="validFrom" helperText="默认为发生日期" />
        <DateInput source="validUntil" helperText="默认一年" />
        <TextInput source="note" multiline fullWidth />
        <UploadedFilesInput source="evidence" label="证明材料（图片或PDF，至少一份）" testId="credit-evidence" />
      </SimpleForm>
    </Create>
  );
};
export const create = CreditItemCreate;

/** The company objects while the item is published or valid (DOMAIN.md §5); the item shows 异议中 at once. */
const ObjectPanel = () => {
  const record = useRecordContext();
  const { permissions } = usePermissions();
  const [reason, setReason] = useState('');
  if (!record || permissions !== 'company_staff' || !['publicising', 'effective', 'pending'].includes(record.state)) return null;
  return (
    <RecordActionDialog
      title="提出异议"
      actions={[
        {
          label: '提出异议',
          path: '/api/credit-objections',
          body: () => ({ itemId: record.id, reason, evidence: [] as UploadedFile[] }),
          done: '异议已提交，该事项显示为异议中',
        },
      ]}
    >
      {(errors) => (
        <Stack direction="row" spacing={2} sx={{ my: 1 }}>
          <ActionTextField label="异议理由" field="reason" errors={errors} value={reason} onChange={setReason} testId="objection-reason" multiline fullWidth />
        </Stack>
      )}
    </RecordActionDialog>
  );
};

export const show = () => (
  <Show>
    <SimpleShowLayout>
      <TextField source="companyName" />
      <TextField source="projectName" emptyText="企业整体" />
      <TextField source="typeLabel" />
      <SelectField source="category" choices={categoryChoices} />
      <PointsField source="pointsTenths" />
      <SelectField source="state" choices={stateChoices} />
      <TextField source="authority" />
      <TextField source="document" emptyText="—" />
      <DateField locales="zh-CN" source="occurredOn" />
      <DateField locales="zh-CN" source="publicUntil" />
      <DateField locales="zh-CN" source="validFrom" />
      <DateField locales="zh-CN" source="validUntil" />
      <RegionField source="regionCode" />
      <TextField source="note" emptyText="—" />
      <FunctionField
        source="evidence"
        render={(r: RaRecord) => (r.evidence?.length ? <UploadedFileLinks files={r.evidence} testId="evidence-link" /> : '平台规则记录，无需上传')}
      />
      <ReferenceManyField label="异议记录" reference="credit-objections" target="itemId" sort={{ field: 'id', order: 'ASC' }}>
        <Datagrid rowClick="show" bulkActionButtons={false}>
          <DateField locales="zh-CN" source="createdAt" showTime />
          <TextField source="reason" />
          <SelectField source="status" choices={objectionStatusChoices} />
          <TextField source="answer" emptyText="—" />
          <FunctionField source="pointsAfter" render={(r: RaRecord) => (r.pointsAfter === null ? '—' : `${points(r.pointsAfter)} 分`)} />
        </Datagrid>
      </ReferenceManyField>
      <ObjectPanel />
    </SimpleShowLayout>
  </Show>
);
