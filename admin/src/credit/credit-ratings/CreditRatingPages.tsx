import { useEffect, useState } from 'react';
import { Alert, Box, Button, LinearProgress, MenuItem, Stack, TextField as MuiTextField, Typography } from '@mui/material';
import {
  Datagrid,
  DateField,
  FunctionField,
  List,
  NumberField,
  SelectField,
  SelectInput,
  Show,
  SimpleShowLayout,
  TextField,
  TopToolbar,
  ExportButton,
  useNotify,
  usePermissions,
  useRefresh,
  type RaRecord,
} from 'react-admin';
import { RefInput, searchFilter } from '../../common/fields';
import { serverXlsxExporter } from '../../common/serverExport';
import { httpClient } from '../../dataProvider';
import { gradeChoices, points, yearChoices } from '../choices';

const filters = [
  searchFilter,
  <SelectInput key="year" source="year" choices={yearChoices} alwaysOn />,
  <SelectInput key="grade" source="grade" choices={gradeChoices} alwaysOn />,
  <RefInput key="companyId" source="companyId" reference="companies" />,
];

const exporter = serverXlsxExporter('credit-ratings');

export const Score = ({ source }: { source: string }) => <FunctionField source={source} render={(r: RaRecord) => points(r[source])} />;

type Evaluation = { year: number; asOf: string; status: string; progress: { done: number; total: number }; failure: string | null };

/** The city freezes a year's scores (DOMAIN.md §5 "Cycle"): once per year, with progress. */
const EvaluatePanel = () => {
  const { permissions } = usePermissions();
  const notify = useNotify();
  const refresh = useRefresh();
  const [year, setYear] = useState(yearChoices[1].id);
  const [evaluation, setEvaluation] = useState<Evaluation | null>(null);
  useEffect(() => {
    if (!evaluation || evaluation.status !== 'running') return;
    const timer = setTimeout(() => {
      httpClient(`/api/credit-ratings/evaluations/${evaluation.year}`)
        .then(({ json }) => {
          setEvaluation(json as Evaluation);
          if ((json as Evaluation).status !== 'running') refresh();
        })
        .catch(() => undefined);
    }, 1000);
    return () => clearTimeout(timer);
  }, [evaluation, refresh]);
  if (permissions !== 'city_admin') return null;
  const start = async () => {
    try {
      const { json } = await httpClient('/api/credit-ratings/evaluate', { method: 'POST', body: JSON.stringify({ year }) });
      setEvaluation(json as Evaluation);
    } catch (e) {
      notify((e as Error).message, { type: 'error' });
    }
  };
  const pct = evaluation && evaluation.progress.total ? Math.round((100 * evaluation.progress.done) / evaluation.progress.total) : 0;
  return (
    <Box sx={{ p: 2, border: 1, borderColor: 'divider', borderRadius: 1, mb: 1 }}>
      <Stack direction="row" spacing={2} alignItems="center">
        <Typography>年度信用评价：冻结各企业该年度的得分、等级和计分事项，每年一次。</Typography>
        <MuiTextField select size="small" label="年度" value={year} onChange={(e) => setYear(Number(e.target.value))} sx={{ minWidth: 120 }}>
          {yearChoices.map((c) => (
            <MenuItem key={c.id} value={c.id}>
              {c.name}
            </MenuItem>
          ))}
        </MuiTextField>
        <Button variant="contained" onClick={start} data-testid="evaluate">
          开始评价
        </Button>
      </Stack>
      {evaluation && (
        <Box sx={{ mt: 1 }} data-testid="evaluation-progress">
          {evaluation.status === 'running' && <LinearProgress variant="determinate" value={pct} />}
          <Typography variant="body2">
            {evaluation.year}年（评价日 {evaluation.asOf}）：
            {evaluation.status === 'completed' ? '已完成' : evaluation.status === 'failed' ? `失败：${evaluation.failure ?? ''}` : '进行中'}，
            {evaluation.progress.done}/{evaluation.progress.total} 家企业
          </Typography>
        </Box>
      )}
    </Box>
  );
};

const Actions = () => (
  <TopToolbar>
    <ExportButton />
  </TopToolbar>
);

export const list = () => (
  <>
    <EvaluatePanel />
    <List
      filters={filters}
      exporter={exporter}
      actions={<Actions />}
      sort={{ field: 'scoreTenths', order: 'DESC' }}
      perPage={25}
      empty={
        <Alert severity="info" sx={{ mt: 2 }}>
          尚无年度评价结果。
        </Alert>
      }
    >
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <TextField source="companyName" sortable={false} />
        <TextField source="creditCode" sortable={false} />
        <NumberField source="year" options={{ useGrouping: false }} />
        <Score source="scoreTenths" />
        <SelectField source="grade" choices={gradeChoices} />
        <Score source="baseTenths" />
        <Score source="goodTenths" />
        <Score source="badTenths" />
        <NumberField source="itemCount" sortable={false} />
        <DateField locales="zh-CN" source="publishedAt" showTime />
      </Datagrid>
    </List>
  </>
);

export const show = () => (
  <Show>
    <SimpleShowLayout>
      <TextField source="companyName" />
      <TextField source="creditCode" />
      <NumberField source="year" options={{ useGrouping: false }} />
      <Score source="scoreTenths" />
      <SelectField source="grade" choices={gradeChoices} />
      <Score source="baseTenths" />
      <Score source="goodTenths" />
      <Score source="badTenths" />
      <NumberField source="itemCount" />
      <DateField locales="zh-CN" source="publishedAt" showTime />
    </SimpleShowLayout>
  </Show>
);
