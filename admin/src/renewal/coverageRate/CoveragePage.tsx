import { useEffect, useState } from 'react';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  Chip,
  LinearProgress,
  MenuItem,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField as MuiTextField,
  ToggleButton,
  ToggleButtonGroup,
  Typography,
} from '@mui/material';
import DownloadIcon from '@mui/icons-material/Download';
import { Title, useDataProvider, useNotify } from 'react-admin';
import { getJson } from '../../committees/api';
import { DistrictBars } from '../../charts';
import { xlsxExporter } from '../../common/xlsxExporter';
import { centiText, managementModeLabels, permilleText } from '../surveyChoices';

type Ratio = { covered: number; total: number; permille: number | null };
type Tally = { code: string; name: string; compounds: Ratio; floorArea: Ratio; households: Ratio; byMode: Record<string, number>; meetsTarget: boolean | null };
type Coverage = { year: number; targetPermille: number | null; coveredModes: string[]; groups: Tally[]; total: Tally };

const FIRST_YEAR = 2022;
const thisYear = new Date().getFullYear();
const years = Array.from({ length: Math.max(thisYear, 2024) - FIRST_YEAR + 1 }, (_, i) => FIRST_YEAR + i);
const exporter = xlsxExporter('renewal-coverage', {
  fields: ['code', 'name', 'compounds', 'compoundsRate', 'floorArea', 'floorAreaRate', 'households', 'householdsRate', 'target', 'met'],
});
const pair = (r: Ratio, area = false) => (area ? `${centiText(r.covered)} / ${centiText(r.total)}` : `${r.covered} / ${r.total}`);
const metText = (m: boolean | null) => (m === null ? '—' : m ? '达标' : '未达标');

/**
 * 物业管理覆盖率 (DOMAIN.md §13): by compound count, floor area (the headline) and households, by
 * district or street, against the year's target; the city figure is the ratio of totals.
 */
export const CoveragePage = () => {
  const [groupBy, setGroupBy] = useState<'district' | 'street'>('district');
  const [year, setYear] = useState(Math.min(thisYear, years[years.length - 1]));
  const [data, setData] = useState<Coverage | null>(null);
  const [error, setError] = useState<string | null>(null);
  const dataProvider = useDataProvider();
  const notify = useNotify();

  useEffect(() => {
    let live = true;
    setData(null);
    setError(null);
    getJson<Coverage>(`/renewal/coverage?groupBy=${groupBy}&year=${year}`).then(
      (d) => live && setData(d),
      (e) => live && setError((e as Error).message || '加载失败'),
    );
    return () => {
      live = false;
    };
  }, [groupBy, year]);

  const rows = data ? [...data.groups, data.total] : [];
  const exportRows = async () => {
    if (!rows.length) return notify('app.export.empty', { type: 'info' });
    const records = rows.map((r) => ({
      id: r.code,
      code: r.code === 'total' ? '' : r.code,
      name: r.name,
      compounds: pair(r.compounds),
      compoundsRate: permilleText(r.compounds.permille),
      floorArea: pair(r.floorArea, true),
      floorAreaRate: permilleText(r.floorArea.permille),
      households: pair(r.households),
      householdsRate: permilleText(r.households.permille),
      target: permilleText(data?.targetPermille),
      met: metText(r.meetsTarget),
    }));
    await exporter(records, async () => ({}), dataProvider, 'renewal-coverage');
  };

  return (
    <Box sx={{ mt: 2 }}>
      <Title title={`物业管理覆盖率（${year}年）`} />
      <Box sx={{ display: 'flex', gap: 2, alignItems: 'center', flexWrap: 'wrap', mb: 2 }}>
        <ToggleButtonGroup size="small" exclusive value={groupBy} onChange={(_, v) => v && setGroupBy(v)}>
          <ToggleButton value="district">按区（旗、县）</ToggleButton>
          <ToggleButton value="street">按街道（镇、苏木）</ToggleButton>
        </ToggleButtonGroup>
        <MuiTextField select size="small" label="年度" value={year} onChange={(e) => setYear(Number(e.target.value))} sx={{ width: 140 }}>
          {years.map((y) => (
            <MenuItem key={y} value={y}>{`${y}年`}</MenuItem>
          ))}
        </MuiTextField>
        <Button variant="outlined" size="small" startIcon={<DownloadIcon />} onClick={exportRows} disabled={!rows.length}>
          导出 Excel
        </Button>
      </Box>
      {error && <Alert severity="error">{error}</Alert>}
      {!data ? (
        !error && <LinearProgress />
      ) : (
        <>
          <Typography variant="subtitle1" sx={{ mb: 1 }} data-testid="coverage-total">
            {`全市（管辖范围）按建筑面积覆盖率 ${permilleText(data.total.floorArea.permille)}，年度目标 ${permilleText(data.targetPermille)}；计入覆盖的管理模式：${data.coveredModes.map((m) => managementModeLabels[m]).join('、')}`}
          </Typography>
          <Card sx={{ mb: 2 }}>
            <CardContent>
              <DistrictBars
                rows={data.groups.map((g) => ({ code: g.code, name: g.name, value: g.floorArea.permille ?? 0 }))}
                valueLabel="按建筑面积覆盖率"
                target={data.targetPermille}
                targetLabel={`目标 ${permilleText(data.targetPermille)}`}
                format={(v) => permilleText(v)}
              />
            </CardContent>
          </Card>
          <Card>
            <CardContent>
              <Table size="small" data-testid="coverage-table">
                <TableHead>
                  <TableRow>
                    <TableCell>区域</TableCell>
                    <TableCell align="right">小区数（覆盖/总数）</TableCell>
                    <TableCell align="right">按小区数</TableCell>
                    <TableCell align="right">建筑面积（㎡）</TableCell>
                    <TableCell align="right">按建筑面积</TableCell>
                    <TableCell align="right">户数</TableCell>
                    <TableCell align="right">按户数</TableCell>
                    <TableCell>各管理模式小区数</TableCell>
                    <TableCell>是否达标</TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {rows.map((r) => (
                    <TableRow key={r.code} sx={r.code === 'total' ? { '& td': { fontWeight: 600 } } : undefined}>
                      <TableCell>{r.name}</TableCell>
                      <TableCell align="right">{pair(r.compounds)}</TableCell>
                      <TableCell align="right">{permilleText(r.compounds.permille)}</TableCell>
                      <TableCell align="right">{pair(r.floorArea, true)}</TableCell>
                      <TableCell align="right">{permilleText(r.floorArea.permille)}</TableCell>
                      <TableCell align="right">{pair(r.households)}</TableCell>
                      <TableCell align="right">{permilleText(r.households.permille)}</TableCell>
                      <TableCell>
                        {Object.entries(r.byMode)
                          .filter(([, n]) => n > 0)
                          .map(([m, n]) => `${managementModeLabels[m]} ${n}`)
                          .join('，') || '—'}
                      </TableCell>
                      <TableCell>
                        {r.meetsTarget === null ? '—' : <Chip size="small" color={r.meetsTarget ? 'success' : 'warning'} label={metText(r.meetsTarget)} />}
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </CardContent>
          </Card>
        </>
      )}
    </Box>
  );
};
