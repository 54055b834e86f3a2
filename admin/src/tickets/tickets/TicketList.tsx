import { BooleanInput, Datagrid, DateField, FunctionField, List, SearchInput, SelectInput, TextField, type RaRecord } from 'react-admin';
import { Chip } from '@mui/material';
import { DEADLINE_LABELS, formatTimeLeft, type DeadlineKind } from '@baotou/shared';
import { EnumField } from '../../common/fields';
import { F, categoryChoices, channelChoices, kindChoices, levelChoices, phaseChoices, statusChoices } from '../labels';
import { serverXlsxExporter } from '../../common/serverExport';

// Every row of the filter, written by the server (shared EXPORT_COLUMNS.tickets; issue 15).
const ticketsExporter = serverXlsxExporter('tickets');

const filters = [
  <SearchInput key="q" source="q" alwaysOn placeholder="工单号或描述" />,
  <SelectInput key="level" source="level" label={F.level} choices={levelChoices} alwaysOn />,
  // 待办 is the staff's work left (shared lifecycle.ts): 待受理 … 处理中 and 已评价待办结; 待评价 is the resident's turn.
  <BooleanInput key="todo" source="todo" label="待办" alwaysOn />,
  <SelectInput key="phase" source="phase" label="办理阶段" choices={phaseChoices} />,
  <BooleanInput key="overdue" source="overdue" label="已超时" />,
  <SelectInput key="kind" source="kind" label={F.kind} choices={kindChoices} />,
  <SelectInput key="status" source="status" label={F.status} choices={statusChoices} />,
  <SelectInput key="category" source="category" label={F.category} choices={categoryChoices} />,
  <SelectInput key="channel" source="channel" label={F.channel} choices={channelChoices} />,
];

export const TimeLeftField = ({ label }: { label?: string }) => (
  <FunctionField
    label={label ?? F.timeLeft}
    sortBy="dueAt"
    render={(r: RaRecord) =>
      r.timeLeftSeconds === null ? (
        '—'
      ) : (
        // Named: "距响应时限 1 小时 59 分" is not the 办结时限 shown beside it (issue 16 §2).
        <Chip
          size="small"
          className={r.overdue ? 'overdue' : 'in-time'}
          color={r.overdue ? 'error' : r.timeLeftSeconds < 3600 ? 'warning' : 'default'}
          label={`${r.dueKind ? `距${DEADLINE_LABELS[r.dueKind as DeadlineKind]} ` : ''}${formatTimeLeft(r.timeLeftSeconds)}`}
        />
      )
    }
  />
);

// List rows carry only the table's fields (docs/API.md, tickets): a meta of their own keeps react-admin from
// seeding the case page's cache with them, so the page never renders a half record before its own read.
const listQueryOptions = { meta: { listRows: true } };

/** The queue: the cases with staff work left, the most urgent first (sorted by the deadline that matters now). */
export const TicketList = () => (
  <List
    filters={filters}
    filterDefaultValues={{ todo: true }}
    sort={{ field: 'dueAt', order: 'ASC' }}
    perPage={25}
    exporter={ticketsExporter}
    queryOptions={listQueryOptions}
  >
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="id" label={F.id} />
      <EnumField source="kind" label={F.kind} choices={kindChoices} sortable={false} />
      <EnumField source="category" label={F.category} choices={categoryChoices} sortable={false} />
      <TextField source="compoundName" label={F.compoundName} sortBy="compoundId" />
      <EnumField source="level" label={F.level} choices={levelChoices} />
      <EnumField source="status" label={F.status} choices={statusChoices} />
      <TimeLeftField />
      <DateField locales="zh-CN" source="createdAt" label={F.createdAt} showTime />
    </Datagrid>
  </List>
);
