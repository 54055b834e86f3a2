import { useState } from 'react';
import { Button, Stack, Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import {
  DateField,
  FunctionField,
  NumberField,
  SelectField,
  Show,
  SimpleShowLayout,
  TextField,
  useNotify,
  usePermissions,
  useRecordContext,
  useRefresh,
  type RaRecord,
} from 'react-admin';
import { httpClient } from '../../dataProvider';
import { planStatusChoices } from '../choices';

type Item = { id: number; projectName: string; currentLevelName: string | null; targetLevelName: string; upgradedOn: string | null };

const Items = ({ record }: { record: RaRecord }) => (
  <Table size="small">
    <TableHead>
      <TableRow>
        <TableCell>项目（小区）</TableCell>
        <TableCell>原等级</TableCell>
        <TableCell>目标等级</TableCell>
        <TableCell>进度</TableCell>
      </TableRow>
    </TableHead>
    <TableBody>
      {((record.items ?? []) as Item[]).map((i) => (
        <TableRow key={i.id}>
          <TableCell>{i.projectName}</TableCell>
          <TableCell>{i.currentLevelName ?? '未评定'}</TableCell>
          <TableCell>{i.targetLevelName}</TableCell>
          <TableCell>{i.upgradedOn ? `已达标（${i.upgradedOn}）` : '未达标'}</TableCell>
        </TableRow>
      ))}
    </TableBody>
  </Table>
);

/** The city approves or returns a filed plan. */
const Decide = () => {
  const record = useRecordContext();
  const { permissions } = usePermissions();
  const notify = useNotify();
  const refresh = useRefresh();
  const [busy, setBusy] = useState(false);
  if (!record || record.status !== 'filed' || permissions !== 'city_admin') return null;
  const act = async (action: 'approve' | 'return') => {
    setBusy(true);
    try {
      await httpClient(`/api/upgrade-plans/${record.id}/${action}`, { method: 'POST', body: '{}' });
      notify(action === 'approve' ? '计划已批准' : '计划已退回', { type: 'success' });
      refresh();
    } catch (e) {
      notify((e as Error).message, { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack direction="row" spacing={2}>
      <Button variant="contained" disabled={busy} onClick={() => act('approve')}>
        批准
      </Button>
      <Button variant="outlined" color="error" disabled={busy} onClick={() => act('return')}>
        退回
      </Button>
    </Stack>
  );
};

export const PlanShow = () => (
  <Show>
    <SimpleShowLayout>
      <TextField source="regionName" />
      <NumberField source="year" options={{ useGrouping: false }} />
      <SelectField source="status" choices={planStatusChoices} />
      <DateField locales="zh-CN" source="approvedOn" emptyText="—" />
      <DateField locales="zh-CN" source="deadline" />
      <TextField source="measures" />
      <FunctionField source="upgradedCount" render={(r: RaRecord) => `${r.upgradedCount} / ${r.itemCount}`} />
      <FunctionField source="items" render={(r: RaRecord) => <Items record={r} />} />
      <Decide />
    </SimpleShowLayout>
  </Show>
);
