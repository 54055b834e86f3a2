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
import { Link, Title, useDataProvider, useNotify } from 'react-admin';
import { xlsxExporter } from '../../common/xlsxExporter';
import { getJson } from '../api';

const drillLink = (d: { resource: string; filter: Record<string, unknown> }) => `/${d.resource}?filter=${encodeURIComponent(JSON.stringify(d.filter))}`;

export type FormationRow = {
  code: string;
  name: string;
  residential: number;
  withCommittee: number;
  /** The compounds behind each figure (server/src/committees/formation.ts). */
  drills: Record<'residential' | 'withCommittee', { resource: string; filter: Record<string, unknown> }>;
  ratePermille: number;
  targetPct: number | null;
  met: boolean | null;
};

/** Per mille as a percentage with one decimal ("654" → "65.4%"), no floats. */
export const permilleText = (p: number | null | undefined) => (p === null || p === undefined ? '—' : `${Math.floor(p / 10)}.${p % 10}%`);

const exporter = xlsxExporter('committee-formation', {
  fields: ['code', 'name', 'residential', 'withCommittee', 'rate', 'target', 'met'],
});

const FIRST_YEAR = 2022;
const thisYear = new Date().getFullYear();
const years = Array.from({ length: Math.max(thisYear, 2024) - FIRST_YEAR + 1 }, (_, i) => FIRST_YEAR + i);

/**
 * Committee formation rate (compounds with a committee in office ÷ residential compounds) by
 * district or street, against the action plan's yearly target (60% / 70% / 80% for 2022–2024).
 */
export const FormationPage = () => {
  const [groupBy, setGroupBy] = useState<'district' | 'street'>('district');
  const [year, setYear] = useState(Math.min(thisYear, years[years.length - 1]));
  const [rows, setRows] = useState<FormationRow[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const dataProvider = useDataProvider();
  const notify = useNotify();

  useEffect(() => {
    let live = true;
    setRows(null);
    setError(null);
    getJson<FormationRow[]>(`/committees/formation?groupBy=${groupBy}&year=${year}`).then(
      (data) => live && setRows(data),
      (e) => live && setError((e as Error).message || '加载失败'),
    );
    return () => {
      live = false;
    };
  }, [groupBy, year]);

  const total = rows?.reduce((s, r) => ({ residential: s.residential + r.residential, withCommittee: s.withCommittee + r.withCommittee }), {
    residential: 0,
    withCommittee: 0,
  });
  const totalPermille = total && total.residential ? Math.floor((total.withCommittee * 1000) / total.residential) : null;
  const target = rows?.find((r) => r.targetPct !== null)?.targetPct ?? null;

  const exportRows = async () => {
    if (!rows?.length) return notify('app.export.empty', { type: 'info' });
    const records = rows.map((r) => ({
      id: r.code,
      code: r.code,
      name: r.name,
      residential: r.residential,
      withCommittee: r.withCommittee,
      rate: permilleText(r.ratePermille),
      target: r.targetPct === null ? '—' : `${r.targetPct}%`,
      met: r.met,
    }));
    await exporter(records, async () => ({}), dataProvider, 'committee-formation');
  };

  return (
    <Box sx={{ mt: 2 }}>
      <Title title={`业委会组建率（${year}年）`} />
      <Box sx={{ display: 'flex', gap: 2, alignItems: 'center', flexWrap: 'wrap', mb: 2 }}>
        <ToggleButtonGroup size="small" exclusive value={groupBy} onChange={(_, v) => v && setGroupBy(v)}>
          <ToggleButton value="district">按区（旗、县）</ToggleButton>
          <ToggleButton value="street">按街道（镇、苏木）</ToggleButton>
        </ToggleButtonGroup>
        <MuiTextField select size="small" label="年度" value={year} onChange={(e) => setYear(Number(e.target.value))} fullWidth={false} sx={{ width: 140 }}>
          {years.map((y) => (
            <MenuItem key={y} value={y}>{`${y}年`}</MenuItem>
          ))}
        </MuiTextField>
        <Button variant="outlined" size="small" startIcon={<DownloadIcon />} onClick={exportRows} disabled={!rows?.length}>
          导出 Excel
        </Button>
      </Box>
      {error && <Alert severity="error">{error}</Alert>}
      <Card>
        <CardContent>
          {total && (
            <Typography variant="subtitle1" sx={{ mb: 2 }} data-testid="formation-total">
              {`合计：${total.withCommittee} / ${total.residential} 个住宅小区，组建率 ${permilleText(totalPermille)}`}
              {target !== null && `，年度目标 ${target}%`}
            </Typography>
          )}
          {!rows && !error && <LinearProgress />}
          {rows && (
            <Table size="small">
              <TableHead>
                <TableRow>
                  <TableCell>区划</TableCell>
                  <TableCell align="right">住宅小区数</TableCell>
                  <TableCell align="right">已成立业委会（物管会）</TableCell>
                  <TableCell sx={{ width: '30%' }}>组建率</TableCell>
                  <TableCell align="right">年度目标</TableCell>
                  <TableCell>是否达标</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {rows.length === 0 && (
                  <TableRow>
                    <TableCell colSpan={6}>当前管辖范围内没有住宅小区</TableCell>
                  </TableRow>
                )}
                {rows.map((r) => (
                  <TableRow key={r.code}>
                    <TableCell>{r.name}</TableCell>
                    <TableCell align="right">
                      <Link to={drillLink(r.drills.residential)}>{r.residential}</Link>
                    </TableCell>
                    <TableCell align="right">
                      <Link to={drillLink(r.drills.withCommittee)}>{r.withCommittee}</Link>
                    </TableCell>
                    <TableCell>
                      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
                        <LinearProgress
                          variant="determinate"
                          value={Math.min(100, Math.floor(r.ratePermille / 10))}
                          color={r.met === false ? 'warning' : 'success'}
                          sx={{ flex: 1, height: 8, borderRadius: 4 }}
                        />
                        <span>{permilleText(r.ratePermille)}</span>
                      </Box>
                    </TableCell>
                    <TableCell align="right">{r.targetPct === null ? '—' : `${r.targetPct}%`}</TableCell>
                    <TableCell>
                      {r.met === null ? '—' : <Chip size="small" color={r.met ? 'success' : 'warning'} label={r.met ? '达标' : '未达标'} />}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </CardContent>
      </Card>
    </Box>
  );
};
