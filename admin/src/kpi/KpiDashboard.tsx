import { useEffect, useMemo, useState } from 'react';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  Chip,
  Link,
  MenuItem,
  Stack,
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
import { Title, useNotify, usePermissions } from 'react-admin';
import {
  KPI_INDICATORS,
  KPI_INDICATOR_DEFINITIONS,
  KPI_INDICATOR_LABELS,
  formatActual,
  formatActualParts,
  formatGap,
  formatTarget,
  type KpiIndicator,
} from '@baotou/shared';
import { DistrictBars, TrendLine, type TrendPoint } from '../charts';
import { downloadFile } from '../party/api';
import { chartFormat, chartTarget, chartValue, drillHref, fetchKpi, latestTargetYear, targetYears, type KpiFigure } from './api';
import { kpiYears, thisYear } from './choices';

const NO_DATA = '暂无数据';
const actualText = (f: KpiFigure) => (f.actual ? formatActual(f.actual) : NO_DATA);
const pairText = (f: KpiFigure) => (f.actual ? formatActualParts(f.indicator, f.actual) : '');

const MetChip = ({ f }: { f: KpiFigure }) =>
  f.met === null ? null : (
    <Chip size="small" color={f.met ? 'success' : 'warning'} label={f.met ? '已达标' : formatGap(f.indicator, { value: null, met: f.met, gap: f.gap })} />
  );

/** One indicator's card: actual, target, gap, the note on history, a link to the rows behind it. */
const IndicatorCard = ({ f, selected, onSelect }: { f: KpiFigure; selected: boolean; onSelect: () => void }) => (
  <Card
    data-testid={`kpi-card-${f.indicator}`}
    sx={{ flex: '1 1 220px', cursor: 'pointer', outline: selected ? '2px solid' : 'none', outlineColor: 'primary.main' }}
    onClick={onSelect}
  >
    <CardContent>
      <Typography variant="subtitle2" color="text.secondary">
        {KPI_INDICATOR_LABELS[f.indicator]}
      </Typography>
      <Typography variant="h5" data-testid="kpi-actual">
        {actualText(f)}
      </Typography>
      <Typography variant="body2" color="text.secondary">
        {pairText(f)}
      </Typography>
      <Typography variant="body2" data-testid="kpi-target">
        目标：{formatTarget(f.indicator, f.target)}
      </Typography>
      <Box sx={{ mt: 0.5, minHeight: 24 }}>
        <MetChip f={f} />
      </Box>
      {f.note && (
        <Typography variant="caption" color={f.history === 'missing' ? 'warning.main' : 'text.secondary'} display="block">
          {f.history === 'missing' ? '历史记录缺失：' : ''}
          {f.note}
        </Typography>
      )}
      {f.drill && (
        <Link href={drillHref(f.drill)} onClick={(e) => e.stopPropagation()} data-testid={`kpi-drill-${f.indicator}`} variant="body2">
          查看明细
        </Link>
      )}
    </CardContent>
  </Card>
);

/** Scope rows for each year, for the trend line; years without targets are left out. */
function useTrend(year: number, regionCode: string | undefined, indicator: KpiIndicator) {
  const [byYear, setByYear] = useState<Record<number, KpiFigure[]>>({});
  useEffect(() => {
    let live = true;
    setByYear({});
    // only years with targets: a year without them is a 400 (NO_TARGETS)
    targetYears()
      .then((years) =>
        Promise.all(
          years
            .filter((y) => y <= thisYear)
            .map((y) =>
              fetchKpi({ year: y, regionCode }).then(
                (rows) => [y, rows] as const,
                () => null,
              ),
            ),
        ),
      )
      .then(
        (results) => live && setByYear(Object.fromEntries(results.filter((r): r is readonly [number, KpiFigure[]] => !!r))),
        () => undefined,
      );
    return () => {
      live = false;
    };
  }, [year, regionCode]);
  return useMemo(() => {
    const points: TrendPoint[] = [];
    for (const [y, rows] of Object.entries(byYear)) {
      const scope = rows.find((r) => r.indicator === indicator && r.regionCode === (regionCode ?? rows[rows.length - 1]?.regionCode));
      const v = scope && chartValue(scope);
      if (v !== null && v !== undefined) points.push({ year: Number(y), value: v });
    }
    return points.sort((a, b) => a.year - b.year);
  }, [byYear, indicator, regionCode]);
}

/**
 * 年度目标看板 (issue 14): the seven indicators of the action plan for a year and region — target,
 * actual, gap — as at a date, with bars by district (or street) against the target line, a trend
 * over the years, a table, the rows behind each figure and the yearly assessment report.
 */
export const KpiDashboard = ({ embedded = false }: { embedded?: boolean }) => {
  const { permissions: role } = usePermissions();
  const notify = useNotify();
  const [year, setYear] = useState<number | null>(null);
  const [asOf, setAsOf] = useState('');
  const [regionCode, setRegionCode] = useState<string | undefined>(undefined);
  const [indicator, setIndicator] = useState<KpiIndicator>('committee_formation');
  const [rows, setRows] = useState<KpiFigure[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [districts, setDistricts] = useState<{ code: string; name: string }[]>([]);

  // the year shown first: this year if it has targets, else the latest year that has them
  useEffect(() => {
    if (year !== null) return;
    latestTargetYear().then(
      (y) => setYear(y ?? thisYear),
      () => setYear(thisYear),
    );
  }, [year]);

  useEffect(() => {
    if (year === null) return;
    let live = true;
    setRows(null);
    setError(null);
    fetchKpi({ year, asOf: asOf || undefined, regionCode }).then(
      (r) => {
        if (!live) return;
        setRows(r);
        if (!regionCode && role === 'city_admin')
          setDistricts(
            r
              .filter((f) => f.indicator === 'committee_formation' && f.regionCode.length === 6 && f.regionCode !== r[r.length - 1].regionCode)
              .map((f) => ({ code: f.regionCode, name: f.regionName })),
          );
      },
      (e) => live && setError((e as Error).message || '加载失败'),
    );
    return () => {
      live = false;
    };
  }, [year, asOf, regionCode, role]);

  const scopeCode = rows?.[rows.length - 1]?.regionCode;
  const scope = rows ? KPI_INDICATORS.map((i) => rows.find((r) => r.indicator === i && r.regionCode === scopeCode)!).filter(Boolean) : [];
  const regions = rows ? rows.filter((r) => r.indicator === indicator && r.regionCode !== scopeCode) : [];
  const selected = scope.find((f) => f.indicator === indicator);
  const trend = useTrend(year ?? thisYear, regionCode, indicator);
  const groupName = scopeCode && scopeCode.length === 6 && scopeCode !== '150200' ? '街道' : '区县';

  const download = (format: 'pdf' | 'xlsx') => {
    const q = new URLSearchParams({ year: String(year), format });
    if (asOf) q.set('asOf', asOf);
    if (regionCode) q.set('regionCode', regionCode);
    const name = `${scope[0]?.regionName ?? ''}${year}年度物业管理工作考核报告.${format}`;
    downloadFile(`/kpi/report?${q}`, name).catch((e) => notify((e as Error).message, { type: 'error' }));
  };

  return (
    <Box sx={{ mt: embedded ? 0 : 2 }} data-testid="kpi-dashboard">
      {!embedded && <Title title="年度目标看板" />}
      <Card sx={{ mb: 2 }}>
        <CardContent>
          {/* wraps rather than squeezing: at 1366 px the title stood in six lines and 考核报告 PDF one word a line */}
          <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} useFlexGap flexWrap="wrap" alignItems={{ md: 'center' }}>
            <Typography variant="h6" sx={{ flexGrow: 1, minWidth: 300 }}>
              七项年度目标（包府办发〔2022〕73号 三）
            </Typography>
            <MuiTextField
              select
              size="small"
              label="年度"
              value={year ?? ''}
              onChange={(e) => {
                setYear(Number(e.target.value));
                setAsOf('');
              }}
              sx={{ minWidth: 110 }}
              inputProps={{ 'data-testid': 'kpi-year' }}
            >
              {kpiYears.map((y) => (
                <MenuItem key={y} value={y}>
                  {y}年
                </MenuItem>
              ))}
            </MuiTextField>
            <MuiTextField
              type="date"
              size="small"
              label="截至日期"
              value={asOf}
              onChange={(e) => setAsOf(e.target.value)}
              InputLabelProps={{ shrink: true }}
              inputProps={{ min: `${year}-01-01`, max: `${year}-12-31` }}
              helperText={asOf || year === null ? '' : year < thisYear ? `默认 ${year}年12月31日` : '默认今天'}
            />
            {role === 'city_admin' && districts.length > 0 && (
              <MuiTextField
                select
                size="small"
                label="区域"
                value={regionCode ?? ''}
                onChange={(e) => setRegionCode(e.target.value || undefined)}
                sx={{ minWidth: 140 }}
              >
                <MenuItem value="">全市</MenuItem>
                {districts.map((d) => (
                  <MenuItem key={d.code} value={d.code}>
                    {d.name}
                  </MenuItem>
                ))}
              </MuiTextField>
            )}
            <Button startIcon={<DownloadIcon />} onClick={() => download('pdf')} disabled={!rows} data-testid="kpi-report-pdf" sx={{ whiteSpace: 'nowrap' }}>
              考核报告 PDF
            </Button>
            <Button startIcon={<DownloadIcon />} onClick={() => download('xlsx')} disabled={!rows} sx={{ whiteSpace: 'nowrap' }}>
              考核报告 Excel
            </Button>
          </Stack>
          {error && (
            <Alert severity="warning" sx={{ mt: 2 }} data-testid="kpi-error">
              {error}
              {role === 'city_admin' && (
                <>
                  {' '}
                  <Link href="#/kpi-targets/create">录入年度目标</Link>
                </>
              )}
            </Alert>
          )}
        </CardContent>
      </Card>

      {rows && (
        <>
          <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 2, mb: 2 }}>
            {scope.map((f) => (
              <IndicatorCard key={f.indicator} f={f} selected={f.indicator === indicator} onSelect={() => setIndicator(f.indicator)} />
            ))}
          </Box>
          <ToggleButtonGroup size="small" exclusive value={indicator} onChange={(_e, v) => v && setIndicator(v)} sx={{ mb: 1, flexWrap: 'wrap' }}>
            {KPI_INDICATORS.map((i) => (
              <ToggleButton key={i} value={i}>
                {KPI_INDICATOR_LABELS[i]}
              </ToggleButton>
            ))}
          </ToggleButtonGroup>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
            {KPI_INDICATOR_DEFINITIONS[indicator]}
          </Typography>
          <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ mb: 2 }}>
            <Card sx={{ flex: 2 }}>
              <CardContent>
                <Typography variant="subtitle1">
                  {KPI_INDICATOR_LABELS[indicator]} · 分{groupName}
                </Typography>
                {regions.length ? (
                  <DistrictBars
                    rows={regions.map((r) => ({ code: r.regionCode, name: r.regionName, value: chartValue(r) ?? 0 }))}
                    valueLabel={KPI_INDICATOR_LABELS[indicator]}
                    target={chartTarget(indicator, regions[0]?.target ?? null)}
                    targetLabel="目标"
                    format={chartFormat(indicator)}
                    height={280}
                  />
                ) : (
                  <Typography sx={{ mt: 2 }}>{selected?.actual ? '无下级区域' : NO_DATA}</Typography>
                )}
              </CardContent>
            </Card>
            <Card sx={{ flex: 1 }}>
              <CardContent>
                <Typography variant="subtitle1">历年趋势</Typography>
                {trend.length ? (
                  <TrendLine points={trend} valueLabel={KPI_INDICATOR_LABELS[indicator]} format={chartFormat(indicator)} height={280} />
                ) : (
                  <Typography sx={{ mt: 2 }}>{NO_DATA}</Typography>
                )}
              </CardContent>
            </Card>
          </Stack>
          <Card>
            <CardContent sx={{ overflowX: 'auto' }}>
              <Table size="small" data-testid="kpi-table">
                <TableHead>
                  <TableRow>
                    <TableCell>区域</TableCell>
                    {KPI_INDICATORS.map((i) => (
                      <TableCell key={i}>{KPI_INDICATOR_LABELS[i]}</TableCell>
                    ))}
                  </TableRow>
                </TableHead>
                <TableBody>
                  {[...new Set(rows.map((r) => r.regionCode))].map((code) => (
                    <TableRow key={code} data-testid={`kpi-row-${code}`} sx={code === scopeCode ? { '& td': { fontWeight: 600 } } : undefined}>
                      <TableCell>{rows.find((r) => r.regionCode === code)?.regionName}</TableCell>
                      {KPI_INDICATORS.map((i) => {
                        const f = rows.find((r) => r.regionCode === code && r.indicator === i);
                        if (!f) return <TableCell key={i}>—</TableCell>;
                        return (
                          <TableCell key={i}>
                            {f.drill ? <Link href={drillHref(f.drill)}>{actualText(f)}</Link> : actualText(f)}
                            {f.met === false && (
                              <Typography component="span" variant="caption" color="warning.main">
                                {' '}
                                未达标
                              </Typography>
                            )}
                          </TableCell>
                        );
                      })}
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

export default KpiDashboard;
