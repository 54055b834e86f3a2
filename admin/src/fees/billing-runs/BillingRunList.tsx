import { Box, LinearProgress, Typography } from '@mui/material';
import { Datagrid, DateField, FunctionField, List, SelectField, SelectInput, TextField, type RaRecord } from 'react-admin';
import { searchFilter } from '../../common/fields';
import { serverXlsxExporter } from '../../common/serverExport';
import { billingRunStatusChoices } from '../choices';
import { YuanField } from '../fields';

const filters = [searchFilter, <SelectInput key="status" source="status" choices={billingRunStatusChoices} alwaysOn />];

const exporter = serverXlsxExporter('billing-runs');

/** Projects done of total, as a bar with its figures (the run reports progress per project). */
export const RunProgress = ({ record }: { record: RaRecord }) => {
  const total = Number(record.projectsTotal) || 0;
  const done = Number(record.projectsDone) || 0;
  const pct = total ? Math.round((done * 100) / total) : 0;
  return (
    <Box sx={{ minWidth: 160 }} data-testid={`run-progress-${record.id}`}>
      <LinearProgress variant="determinate" value={pct} color={record.status === 'failed' ? 'error' : record.status === 'completed' ? 'success' : 'primary'} />
      <Typography variant="caption">
        {done}/{total} 个项目（{pct}%）
      </Typography>
    </Box>
  );
};

export const BillingRunList = () => (
  <List filters={filters} exporter={exporter} sort={{ field: 'id', order: 'DESC' }} perPage={25} queryOptions={{ refetchInterval: 3000 }}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="id" />
      <TextField source="period" />
      <TextField source="compoundNames" sortable={false} />
      <SelectField source="status" choices={billingRunStatusChoices} />
      <FunctionField label="进度" render={(r: RaRecord) => <RunProgress record={r} />} />
      <FunctionField source="billsCreated" sortable={false} render={(r: RaRecord) => `${r.billsCreated} 张`} />
      <YuanField source="billedFen" sortable={false} />
      <TextField source="createdByName" sortable={false} emptyText="—" />
      <DateField locales="zh-CN" source="createdAt" showTime />
    </Datagrid>
  </List>
);
