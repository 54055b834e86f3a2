import { Button as MuiButton, Chip } from '@mui/material';
import DoneAllIcon from '@mui/icons-material/DoneAll';
import { useNavigate } from 'react-router-dom';
import {
  BooleanInput,
  Datagrid,
  DateField,
  ExportButton,
  FunctionField,
  List,
  SearchInput,
  SelectInput,
  TextField,
  TopToolbar,
  useNotify,
  useRefresh,
  type RaRecord,
} from 'react-admin';
import { EnumField } from '../common/fields';
import { consoleLink, F, kindChoices } from './choices';
import { serverXlsxExporter } from '../common/serverExport';
import { markAllRead, markRead } from './api';

const filters = [
  <SearchInput key="q" source="q" alwaysOn placeholder="标题" />,
  <BooleanInput key="unread" source="unread" label={F.unread} alwaysOn />,
  <SelectInput key="kind" source="kind" label={F.kind} choices={kindChoices} />,
];

const ReadAllButton = () => {
  const notify = useNotify();
  const refresh = useRefresh();
  return (
    <MuiButton
      size="small"
      startIcon={<DoneAllIcon />}
      onClick={async () => {
        const { marked } = await markAllRead();
        notify(marked ? `已将 ${marked} 条通知标记为已读` : '没有未读通知', { type: 'info' });
        refresh();
      }}
    >
      全部标为已读
    </MuiButton>
  );
};

const Actions = () => (
  <TopToolbar>
    <ReadAllButton />
    <ExportButton label="导出" />
  </TopToolbar>
);

/** What reached this person's queue, newest first; opening one marks it read and goes to the case. */
// Every notification of the filter, written by the server (shared EXPORT_COLUMNS.notifications; issue 15).
const exporter = serverXlsxExporter('notifications');

export const NotificationList = () => {
  const navigate = useNavigate();
  const refresh = useRefresh();
  return (
    <List
      filters={filters}
      filterDefaultValues={{ unread: true }}
      sort={{ field: 'id', order: 'DESC' }}
      perPage={25}
      exporter={exporter}
      actions={<Actions />}
      empty={false}
    >
      <Datagrid
        bulkActionButtons={false}
        rowClick={(_id, _resource, record) => {
          void markRead(record.id).then(refresh);
          const to = consoleLink(record.link);
          if (to) navigate(to);
          return false;
        }}
      >
        <DateField locales="zh-CN" source="createdAt" label={F.createdAt} showTime options={{ timeZone: 'Asia/Shanghai' }} />
        <EnumField source="kind" label={F.kind} choices={kindChoices} />
        <TextField source="title" label={F.title} sortable={false} />
        <TextField source="body" label={F.body} sortable={false} />
        <FunctionField
          label={F.readAt}
          render={(r: RaRecord) => (r.readAt ? <Chip size="small" label="已读" /> : <Chip size="small" color="primary" label="未读" />)}
        />
      </Datagrid>
    </List>
  );
};
