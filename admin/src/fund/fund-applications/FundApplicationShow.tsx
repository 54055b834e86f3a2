import { Box, Divider, Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import {
  BooleanField,
  DateField,
  FunctionField,
  Labeled,
  Link,
  ReferenceArrayField,
  ReferenceField,
  Show,
  SimpleShowLayout,
  SingleFieldList,
  ChipField,
  TextField,
  TopToolbar,
  useRecordContext,
  type RaRecord,
} from 'react-admin';
import { EnumField, RegionField } from '../../common/fields';
import { applicationStatusChoices, emergencyKindChoices, scopeTypeChoices } from '../choices';
import { YuanField } from '../fields';
import { formatYuan } from '../money';
import { LinkedVote } from './LinkedVote';
import { OverdueField } from './OverdueField';
import { SharesTable } from './SharesTable';
import { WorkflowButtons } from './WorkflowButtons';
import { UploadedFileLinks } from '../../common/UploadedFilesInput';

const Items = () => {
  const r = useRecordContext();
  const items = (r?.items ?? []) as { name: string; budgetFen: number }[];
  return (
    <Table size="small" sx={{ maxWidth: 560 }} data-testid="fund-items">
      <TableHead>
        <TableRow>
          <TableCell>维修内容</TableCell>
          <TableCell align="right">预算（元）</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {items.map((i, n) => (
          <TableRow key={n}>
            <TableCell>{i.name}</TableCell>
            <TableCell align="right">{formatYuan(i.budgetFen)}</TableCell>
          </TableRow>
        ))}
        <TableRow>
          <TableCell sx={{ fontWeight: 600 }}>合计</TableCell>
          <TableCell align="right" sx={{ fontWeight: 600 }}>
            {formatYuan(r?.budgetFen)}
          </TableCell>
        </TableRow>
      </TableBody>
    </Table>
  );
};

const Scope = (_p: { label?: string }) => {
  const r = useRecordContext();
  if (!r) return null;
  if (r.scopeType === 'compound') return <span>全小区</span>;
  return (
    <ReferenceArrayField source="scopeIds" reference={r.scopeType === 'buildings' ? 'buildings' : 'units'}>
      <SingleFieldList linkType={false}>
        <ChipField source="name" size="small" />
      </SingleFieldList>
    </ReferenceArrayField>
  );
};

const Supervision = (_p: { label?: string }) => {
  const r = useRecordContext();
  const s = r?.supervision;
  if (!s) return <span>—</span>;
  return (
    <Box>
      <div>{`监理单位：${s.supervisor}`}</div>
      <div>{`审定造价：${formatYuan(s.auditedCostFen)} 元`}</div>
      <div style={{ whiteSpace: 'pre-wrap' }}>{s.report}</div>
      <Documents list={s.documents} />
    </Box>
  );
};

const Acceptance = (_p: { label?: string }) => {
  const r = useRecordContext();
  const a = r?.acceptance;
  if (!a) return <span>—</span>;
  return (
    <Box>
      <div>{`验收时间：${a.acceptedAt ? new Date(a.acceptedAt).toLocaleString('zh-CN') : '—'}`}</div>
      <div>{`实际费用：${formatYuan(a.actualCostFen)} 元`}</div>
      {a.note && <div>{a.note}</div>}
      <Documents list={a.documents} />
    </Box>
  );
};

const Documents = ({ list }: { list?: { name: string; url: string }[] }) => (list && list.length > 0 ? <UploadedFileLinks files={list} /> : null);

const DisclosureLink = (_p: { label?: string }) => {
  const r = useRecordContext();
  if (!r?.disclosureId) return <span>—</span>;
  return <Link to={`/disclosures/${r.disclosureId}/show`}>{`查看公示 #${r.disclosureId}`}</Link>;
};

export const FundApplicationShow = () => (
  <Show
    actions={
      <TopToolbar>
        <WorkflowButtons />
      </TopToolbar>
    }
  >
    <SimpleShowLayout>
      <TextField source="title" />
      <ReferenceField source="compoundId" reference="compounds" />
      <RegionField source="regionCode" />
      <EnumField source="status" choices={applicationStatusChoices} />
      <TextField source="reviewReason" emptyText="—" />
      <TextField source="description" emptyText="—" />
      <Labeled label="resources.fund-applications.fields.items">
        <Items />
      </Labeled>
      <TextField source="contractor" />
      <EnumField source="scopeType" choices={scopeTypeChoices} />
      <Labeled label="resources.fund-applications.fields.scopeIds">
        <Scope />
      </Labeled>
      <BooleanField source="emergency" />
      <EnumField source="emergencyKind" choices={emergencyKindChoices} />
      <Labeled label="resources.fund-applications.fields.disclosureOverdue">
        <OverdueField />
      </Labeled>
      <Labeled label="resources.fund-applications.fields.supervision">
        <Supervision />
      </Labeled>
      <Labeled label="resources.fund-applications.fields.acceptance">
        <Acceptance />
      </Labeled>
      <YuanField source="actualCostFen" textAlign="left" />
      <DateField locales="zh-CN" source="approvedAt" showTime emptyText="—" />
      <DateField locales="zh-CN" source="disbursedAt" showTime emptyText="—" />
      <Labeled label="resources.fund-applications.fields.disclosureId">
        <DisclosureLink />
      </Labeled>
      <DateField locales="zh-CN" source="createdAt" showTime />
      <FunctionField label="resources.fund-applications.fields.id" render={(r: RaRecord) => r.id} />
    </SimpleShowLayout>
    <Divider />
    <Box sx={{ p: 2 }}>
      <LinkedVote />
    </Box>
    <Divider />
    <Box sx={{ p: 2 }}>
      <SharesTable />
    </Box>
  </Show>
);
