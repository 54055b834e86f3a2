import { Chip, Stack } from '@mui/material';
import {
  Datagrid,
  DateField,
  FunctionField,
  Labeled,
  NumberField,
  ReferenceField,
  ReferenceManyField,
  Show,
  SimpleShowLayout,
  TextField,
  TopToolbar,
  useRecordContext,
  type RaRecord,
} from 'react-admin';
import { EnumField, RegionField } from '../../common/fields';
import { committeeRepresentation } from '../../committees/committees/representation';
import { disclosureKindChoices, disclosureStatusChoices, flagLineLabel, flagStatusChoices, STATEMENT_KINDS } from '../choices';
import { AnswerFlagButton } from '../disclosure-flags/AnswerFlagButton';
import { AttachmentLink } from './AttachmentLink';
import { StatementTable } from './StatementTable';
import { StreetActions } from './StreetActions';

const versionText = (r: RaRecord) => (r ? `第 ${r.version} 版 ${r.title ?? ''}` : '');

const CurrentChip = (_p: { label?: string }) => {
  const r = useRecordContext();
  if (!r) return null;
  return r.current ? <Chip size="small" color="success" label="当前版本" /> : <Chip size="small" label="已被更正（历史版本）" />;
};

const Attachments = (_p: { label?: string }) => {
  const r = useRecordContext();
  const list: { name: string; url: string }[] = r?.attachments ?? [];
  if (!list.length) return <span>—</span>;
  return (
    <Stack spacing={0.5}>
      {list.map((a) => (
        <AttachmentLink key={a.url} name={a.name} url={a.url} />
      ))}
    </Stack>
  );
};

/** Fields that only some kinds carry. */
const When = ({ test, children }: { test: (r: RaRecord) => boolean; children: React.ReactNode; label?: string }) => {
  const r = useRecordContext();
  return r && test(r) ? <>{children}</> : null;
};

export const DisclosureShow = () => (
  <Show
    actions={
      <TopToolbar>
        <StreetActions />
      </TopToolbar>
    }
  >
    <SimpleShowLayout>
      <TextField source="title" />
      <EnumField source="kind" choices={disclosureKindChoices} />
      <ReferenceField source="compoundId" reference="compounds" />
      <RegionField source="regionCode" />
      <ReferenceField source="committeeId" reference="committees" emptyText="—">
        <FunctionField render={committeeRepresentation} />
      </ReferenceField>
      <EnumField source="status" choices={disclosureStatusChoices} />
      <NumberField source="version" />
      <Labeled label="resources.disclosures.fields.current">
        <CurrentChip />
      </Labeled>
      <When test={(r) => r.correctsId != null}>
        <ReferenceField source="correctsId" reference="disclosures" link="show">
          <FunctionField render={versionText} />
        </ReferenceField>
      </When>
      <When test={(r) => r.supersededById != null}>
        <ReferenceField source="supersededById" reference="disclosures" link="show">
          <FunctionField render={versionText} />
        </ReferenceField>
      </When>
      <When test={(r) => r.targetId != null}>
        <ReferenceField source="targetId" reference="disclosures" link="show">
          <TextField source="title" />
        </ReferenceField>
      </When>
      <When test={(r) => r.dueDate != null}>
        <DateField locales="zh-CN" source="dueDate" />
      </When>
      <When test={(r) => r.periodStart != null}>
        <FunctionField source="periodStart" label="公开期间" render={(r: RaRecord) => `${r.periodStart} 至 ${r.periodEnd ?? ''}`} />
      </When>
      <FunctionField source="body" render={(r: RaRecord) => <span style={{ whiteSpace: 'pre-wrap' }}>{r.body || '—'}</span>} />
      <When test={(r) => STATEMENT_KINDS.has(r.kind)}>
        <Labeled label="resources.disclosures.fields.statement" fullWidth>
          <StatementTable />
        </Labeled>
      </When>
      <Labeled label="resources.disclosures.fields.attachments">
        <Attachments />
      </Labeled>
      <DateField locales="zh-CN" source="publishedAt" showTime emptyText="未发布" />
      <ReferenceManyField label="纠错与答复" reference="disclosure-flags" target="disclosureId" sort={{ field: 'createdAt', order: 'DESC' }} perPage={25}>
        <Datagrid bulkActionButtons={false} empty={<span>暂无纠错</span>}>
          <FunctionField source="line" render={(r: RaRecord) => flagLineLabel(r.line)} />
          <TextField source="comment" />
          <EnumField source="status" choices={flagStatusChoices} />
          <TextField source="answer" emptyText="—" />
          <DateField locales="zh-CN" source="createdAt" showTime />
          <AnswerFlagButton />
        </Datagrid>
      </ReferenceManyField>
    </SimpleShowLayout>
  </Show>
);
