import {
  DateField,
  FunctionField,
  Labeled,
  ReferenceManyField,
  Show,
  TabbedShowLayout,
  TextField,
  TopToolbar,
  useRecordContext,
  Datagrid,
  type RaRecord,
} from 'react-admin';
import { Box } from '@mui/material';
import { DEADLINE_LABELS, maskName } from '@baotou/shared';
import { EnumField } from '../../common/fields';
import { AuthImage } from '../AuthImage';
import { F, actionLabels, againstChoices, categoryChoices, channelChoices, kindChoices, levelChoices, ratingTagLabels, statusChoices } from '../labels';
import { TicketActions } from './TicketActions';
import { CallerContact } from './CallerContact';
import { TimeLeftField } from './TicketList';

const Photos = ({ source, label }: { source: 'photos' | 'resultPhotos'; label: string }) => {
  const r = useRecordContext();
  const ids: number[] = r?.[source] ?? [];
  return (
    <Labeled label={label}>
      <Box>{ids.length ? ids.map((id) => <AuthImage key={id} id={id} />) : '—'}</Box>
    </Labeled>
  );
};

/** 受理部门 and the masked 受理人员, as the plan publishes them (DOMAIN.md §6, §7); the full name is on the next tab for staff. */
const Handler = () => {
  const r = useRecordContext();
  if (!r) return null;
  const text = r.acceptDepartment ? `${r.acceptDepartment}${r.acceptPersonName ? ` · ${maskName(String(r.acceptPersonName))}` : ''}` : '尚未受理';
  return (
    <Labeled label="受理部门 · 受理人员">
      <span className="ticket-handler">{text}</span>
    </Labeled>
  );
};

/** A case: what was filed, who accepted it and by when, the result, the answer, and its timeline. */
export const TicketShow = () => (
  <Show
    actions={
      <TopToolbar>
        <TicketActions />
      </TopToolbar>
    }
  >
    <TabbedShowLayout>
      <TabbedShowLayout.Tab label="工单">
        <TextField source="id" label={F.id} />
        <EnumField source="kind" label={F.kind} choices={kindChoices} />
        <EnumField source="category" label={F.category} choices={categoryChoices} />
        <EnumField source="against" label={F.against} choices={againstChoices} />
        <TextField source="compoundName" label={F.compoundName} />
        <TextField source="householdLabel" label={F.householdLabel} emptyText="—" />
        <TextField source="description" label={F.description} />
        <Photos source="photos" label="照片" />
        <TextField source="preferredTime" label={F.preferredTime} emptyText="—" />
        <EnumField source="channel" label={F.channel} choices={channelChoices} />
        <CallerContact />
        <TextField source="companyName" label={F.companyName} emptyText="—" />
        <EnumField source="level" label={F.level} choices={levelChoices} />
        <EnumField source="status" label={F.status} choices={statusChoices} />
        <Handler />
        <TimeLeftField />
        <DateField locales="zh-CN" source="responseDueAt" label={DEADLINE_LABELS.response} showTime />
        <DateField locales="zh-CN" source="resolveDueAt" label={DEADLINE_LABELS.resolve} showTime />
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="受理与结果">
        <TextField source="acceptDepartment" label={F.acceptDepartment} emptyText="—" />
        <TextField source="acceptPersonName" label={F.acceptPersonName} emptyText="—" />
        <DateField locales="zh-CN" source="acceptedAt" label={F.acceptedAt} showTime emptyText="—" />
        <TextField source="workerName" label={F.workerName} emptyText="—" />
        <TextField source="workerPhone" label={F.workerPhone} emptyText="—" />
        <TextField source="result" label={F.result} emptyText="—" />
        <Photos source="resultPhotos" label="完工照片" />
        <TextField source="answer" label={F.answer} emptyText="—（结案前必须书面答复）" />
        <FunctionField
          label={F.rating}
          render={(r: RaRecord) =>
            r.rating
              ? `${'★'.repeat(r.rating)}${'☆'.repeat(5 - r.rating)} ${(r.ratingTags ?? []).map((t: string) => ratingTagLabels[t] ?? t).join('、')}`
              : r.autoConfirmed
                ? '—（居民逾期未评价，系统自动确认）'
                : '—'
          }
        />
        <TextField source="ratingComment" label="评价内容" emptyText="—" />
        <DateField locales="zh-CN" source="confirmedAt" label={F.confirmedAt} showTime emptyText="—" />
        <TextField source="rejectReason" label="退回理由" emptyText="—" />
        <TextField source="escalationCount" label={F.escalationCount} />
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="进度">
        <ReferenceManyField reference="ticket-events" target="ticketId" sort={{ field: 'id', order: 'ASC' }} perPage={100}>
          <Datagrid bulkActionButtons={false} rowClick={false}>
            <DateField locales="zh-CN" source="at" label="时间" showTime sortable={false} />
            <FunctionField label="步骤" render={(r: RaRecord) => actionLabels[r.action] ?? r.action} />
            <TextField source="actorName" label="操作人" sortable={false} />
            <FunctionField
              label="层级"
              render={(r: RaRecord) =>
                r.fromLevel && r.fromLevel !== r.toLevel
                  ? `${levelChoices.find((c) => c.id === r.fromLevel)?.name} → ${levelChoices.find((c) => c.id === r.toLevel)?.name}`
                  : levelChoices.find((c) => c.id === r.toLevel)?.name
              }
            />
            <EnumField source="toStatus" label="状态" choices={statusChoices} sortable={false} />
            <TextField source="note" label="说明" emptyText="" sortable={false} />
          </Datagrid>
        </ReferenceManyField>
      </TabbedShowLayout.Tab>
    </TabbedShowLayout>
  </Show>
);
