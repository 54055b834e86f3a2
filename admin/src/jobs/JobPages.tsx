import { Box, LinearProgress, Typography } from '@mui/material';
import {
  Datagrid,
  DateField,
  FunctionField,
  List,
  SearchInput,
  SelectInput,
  Show,
  SimpleShowLayout,
  TextField,
  useRecordContext,
  type RaRecord,
} from 'react-admin';
import { JOB_STATE_LABELS, jobResultText } from '@baotou/shared';
import { EnumField } from '../common/fields';
import { downloadExportFile, serverXlsxExporter } from '../common/serverExport';
import { exportFileState } from './exportFile';

const stateChoices = Object.entries(JOB_STATE_LABELS).map(([id, name]) => ({ id, name }));

const filters = [
  <SearchInput key="q" source="q" alwaysOn placeholder="任务名称" />,
  <SelectInput key="state" source="state" label="状态" choices={stateChoices} alwaysOn />,
];

/** Done of total as a bar and "1,200 / 20,000"; a note (e.g. the step) under it. */
export const JobProgress = ({ record }: { record?: RaRecord }) => {
  const r = useRecordContext() ?? record;
  if (!r) return null;
  const { done, total, note } = (r.progress ?? {}) as { done: number; total: number; note: string | null };
  const percent = total > 0 ? Math.min(100, Math.round((done / total) * 100)) : r.state === 'completed' ? 100 : 0;
  return (
    <Box sx={{ minWidth: 160 }}>
      <LinearProgress variant="determinate" value={percent} aria-label="进度" />
      <Typography variant="caption">
        {total > 0 ? `${done.toLocaleString('zh-CN')} / ${total.toLocaleString('zh-CN')}` : r.state === 'completed' ? '完成' : '—'}
      </Typography>
      {note ? (
        <Typography variant="caption" display="block">
          {note}
        </Typography>
      ) : null}
    </Box>
  );
};

/** What a job returned, in words: an export's rows and its download link; otherwise the result's figures. */
const JobResult = () => {
  const r = useRecordContext();
  if (!r || r.result === null || r.result === undefined) return <>—</>;
  const result = r.result as Record<string, unknown>;
  const file = exportFileState(result);
  if (file?.kind === 'expired') return <span>{`${Number(result.rowCount).toLocaleString('zh-CN')} 行（文件已于 ${file.at} 过期，请重新导出）`}</span>;
  if (file) {
    return (
      <span>
        {`${Number(result.rowCount).toLocaleString('zh-CN')} 行 `}
        <a
          href="#"
          onClick={(e) => {
            e.preventDefault();
            e.stopPropagation();
            void downloadExportFile(file.url, file.fileName).catch((err) => alert(err.message));
          }}
        >
          下载文件
        </a>
        {file.until ? `（${file.until} 前可下载）` : null}
      </span>
    );
  }
  return <>{jobResultText(result)}</>;
};

export const list = () => (
  <List filters={filters} sort={{ field: 'createdAt', order: 'DESC' }} perPage={25} exporter={serverXlsxExporter('jobs')}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="title" label="任务" sortBy="name" />
      <EnumField source="state" label="状态" choices={stateChoices} />
      <FunctionField label="进度" render={(r: RaRecord) => <JobProgress record={r} />} />
      <FunctionField label="结果" render={() => <JobResult />} />
      <TextField source="error" label="错误" emptyText="—" sortable={false} />
      <TextField source="actorName" label="发起人" emptyText="系统" sortable={false} />
      <DateField locales="zh-CN" source="createdAt" label="创建时间" showTime />
      <DateField locales="zh-CN" source="startedAt" label="开始时间" showTime emptyText="—" />
      <DateField locales="zh-CN" source="finishedAt" label="结束时间" showTime emptyText="—" />
    </Datagrid>
  </List>
);

export const show = () => (
  // Polled while open, so a running export's progress moves and its link appears when done.
  <Show queryOptions={{ refetchInterval: 2000 }}>
    <SimpleShowLayout>
      <TextField source="title" label="任务" />
      <TextField source="name" label="任务代码" />
      <EnumField source="state" label="状态" choices={stateChoices} />
      <JobProgress />
      <FunctionField label="结果" render={() => <JobResult />} />
      <TextField source="error" label="错误" emptyText="—" />
      <TextField source="attempts" label="尝试次数" />
      <TextField source="actorName" label="发起人" emptyText="系统" />
      <DateField locales="zh-CN" source="createdAt" label="创建时间" showTime />
      <DateField locales="zh-CN" source="startedAt" label="开始时间" showTime emptyText="—" />
      <DateField locales="zh-CN" source="finishedAt" label="结束时间" showTime emptyText="—" />
    </SimpleShowLayout>
  </Show>
);
