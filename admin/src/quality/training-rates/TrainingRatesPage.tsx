import { useEffect, useState } from 'react';
import {
  Alert,
  Box,
  Card,
  CardContent,
  Chip,
  MenuItem,
  Select,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  ToggleButton,
  ToggleButtonGroup,
  Typography,
} from '@mui/material';
import { Title } from 'react-admin';
import { formatRate, rateBasisPoints, type TrainingRateGroup } from '@baotou/shared';
import { getJson } from '../../party/api';
import { DistrictBars } from '../../charts';
import { tenthsToHours, yearChoices } from '../workforceChoices';

type Pair = { preJob: { trained: number; hired: number }; continuing: { qualified: number; specialists: number } };
type Labelled = Pair & { labels: { preJob: string; continuing: string }; meets: { preJob: boolean | null; continuing: boolean | null } | null };
type Rates = {
  year: number;
  groupBy: TrainingRateGroup;
  targets: { preJobTrainingPct: number; continuingEducationPct: number } | null;
  settings: { preJobGraceDays: number; continuingHoursTenths: number };
  rows: (Labelled & { key: string; name: string })[];
  total: Labelled;
};
const GROUPS: [TrainingRateGroup, string][] = [
  ['district', '按区县'],
  ['company', '按企业'],
  ['city', '全市'],
];
const Meets = ({ ok }: { ok: boolean | null | undefined }) =>
  ok === null || ok === undefined ? null : <Chip size="small" color={ok ? 'success' : 'warning'} label={ok ? '达标' : '未达标'} sx={{ ml: 1 }} />;
const pctText = (bp: number) => `${Math.floor(bp / 100)}.${String(bp % 100).padStart(2, '0')}%`;

/**
 * Pre-job and continuing-education rates (DOMAIN.md §13) by district, company or for the city,
 * against the year's targets; each rate is shown as its head counts and the percent from them.
 */
export const TrainingRatesPage = () => {
  const [year, setYear] = useState<number>(yearChoices[0].id);
  const [groupBy, setGroupBy] = useState<TrainingRateGroup>('district');
  const [rates, setRates] = useState<Rates | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setError(null);
    getJson<Rates>(`/quality/training-rates?year=${year}&groupBy=${groupBy}`).then(setRates, (e) => setError((e as Error).message));
  }, [year, groupBy]);

  const bars = (pick: (r: Pair) => [number, number]) =>
    (rates?.rows ?? []).map((r) => ({ code: r.key, name: r.name, value: rateBasisPoints(...pick(r)) ?? 0 }));
  return (
    <Box sx={{ mt: 2 }}>
      <Title title="从业人员培训率" />
      <Card>
        <CardContent>
          <Stack direction="row" spacing={2} alignItems="center" flexWrap="wrap" useFlexGap>
            <Select size="small" value={year} onChange={(e) => setYear(Number(e.target.value))} data-testid="rates-year">
              {yearChoices.map((y) => (
                <MenuItem key={y.id} value={y.id}>
                  {y.name}
                </MenuItem>
              ))}
            </Select>
            <ToggleButtonGroup exclusive size="small" value={groupBy} onChange={(_e, v) => v && setGroupBy(v)}>
              {GROUPS.map(([g, label]) => (
                <ToggleButton key={g} value={g}>
                  {label}
                </ToggleButton>
              ))}
            </ToggleButtonGroup>
          </Stack>
          {rates && (
            <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
              岗前培训率 = 当年入职且在入职{rates.settings.preJobGraceDays ? `后${rates.settings.preJobGraceDays}天内` : '当日或之前'}完成岗前培训的人数 ÷
              当年入职人数；继续教育培训率 = 当年继续教育满{tenthsToHours(rates.settings.continuingHoursTenths)}学时的专业岗位人数 ÷
              12月31日在岗的专业岗位人数。按人数汇总，不取比率平均。
              {rates.targets
                ? ` ${rates.year}年目标：岗前培训率 ${rates.targets.preJobTrainingPct}%，继续教育培训率 ${rates.targets.continuingEducationPct}%。`
                : ''}
            </Typography>
          )}
          {error && (
            <Alert severity="error" sx={{ mt: 2 }}>
              {error}
            </Alert>
          )}
        </CardContent>
      </Card>
      {rates && (
        <Card sx={{ mt: 2 }}>
          <CardContent>
            <Table size="small" data-testid="training-rates">
              <TableHead>
                <TableRow>
                  <TableCell>{groupBy === 'company' ? '企业' : '地区'}</TableCell>
                  <TableCell>岗前培训（已培训 / 当年入职）</TableCell>
                  <TableCell>继续教育（达标 / 专业岗位）</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {rates.rows.map((r) => (
                  <TableRow key={r.key} data-testid={`rates-row-${r.key}`}>
                    <TableCell>{r.name}</TableCell>
                    <TableCell>
                      {r.preJob.trained} / {r.preJob.hired}（{r.labels.preJob}）<Meets ok={r.meets?.preJob} />
                    </TableCell>
                    <TableCell>
                      {r.continuing.qualified} / {r.continuing.specialists}（{r.labels.continuing}）<Meets ok={r.meets?.continuing} />
                    </TableCell>
                  </TableRow>
                ))}
                <TableRow data-testid="rates-total">
                  <TableCell>
                    <b>合计</b>
                  </TableCell>
                  <TableCell>
                    {rates.total.preJob.trained} / {rates.total.preJob.hired}（{formatRate(rates.total.preJob.trained, rates.total.preJob.hired)}）
                    <Meets ok={rates.total.meets?.preJob} />
                  </TableCell>
                  <TableCell>
                    {rates.total.continuing.qualified} / {rates.total.continuing.specialists}（
                    {formatRate(rates.total.continuing.qualified, rates.total.continuing.specialists)}）<Meets ok={rates.total.meets?.continuing} />
                  </TableCell>
                </TableRow>
              </TableBody>
            </Table>
            {rates.rows.length === 0 && <Typography sx={{ mt: 2 }}>该年度暂无从业人员数据</Typography>}
          </CardContent>
        </Card>
      )}
      {rates && groupBy === 'district' && rates.rows.length > 0 && (
        <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ mt: 2 }}>
          <Card sx={{ flex: 1 }}>
            <CardContent>
              <Typography variant="subtitle1">岗前培训率</Typography>
              <DistrictBars
                rows={bars((r) => [r.preJob.trained, r.preJob.hired])}
                valueLabel="岗前培训率"
                target={rates.targets ? rates.targets.preJobTrainingPct * 100 : null}
                targetLabel="目标"
                format={pctText}
              />
            </CardContent>
          </Card>
          <Card sx={{ flex: 1 }}>
            <CardContent>
              <Typography variant="subtitle1">继续教育培训率</Typography>
              <DistrictBars
                rows={bars((r) => [r.continuing.qualified, r.continuing.specialists])}
                valueLabel="继续教育培训率"
                target={rates.targets ? rates.targets.continuingEducationPct * 100 : null}
                targetLabel="目标"
                format={pctText}
              />
            </CardContent>
          </Card>
        </Stack>
      )}
    </Box>
  );
};
