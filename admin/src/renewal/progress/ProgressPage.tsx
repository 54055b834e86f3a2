import { useEffect, useMemo, useState } from 'react';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  LinearProgress,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  ToggleButton,
  ToggleButtonGroup,
  Typography,
} from '@mui/material';
import DownloadIcon from '@mui/icons-material/Download';
import { Link, Title, useDataProvider, useNotify } from 'react-admin';
import { RENEWAL_CLASSIFICATIONS } from '@baotou/shared';
import { getJson } from '../../committees/api';
import { xlsxExporter } from '../../common/xlsxExporter';
import { CLASSIFICATION_COLOURS, classificationLabels } from '../surveyChoices';
import { CompoundMap, type MapGroup } from './CompoundMap';

type ProgressRow = { code: string; name: string; oldCompounds: number; surveyed: number; drafts: number; submitted: number; classified: number } & Record<
  (typeof RENEWAL_CLASSIFICATIONS)[number],
  number
>;
type MapRow = {
  id: number;
  name: string;
  lat: number | null;
  lng: number | null;
  status: string | null;
  classification: string | null;
  proposedClassification: string | null;
};

const COLUMNS = ['oldCompounds', 'surveyed', 'drafts', 'submitted', 'classified', ...RENEWAL_CLASSIFICATIONS] as const;
const HEADERS: Record<(typeof COLUMNS)[number], string> = {
  oldCompounds: '老旧小区',
  surveyed: '已调查',
  drafts: '草稿',
  submitted: '已提交',
  classified: '已确认分类',
  ...classificationLabels,
} as Record<(typeof COLUMNS)[number], string>;

const exporter = xlsxExporter('renewal-progress', { fields: ['code', 'name', ...COLUMNS] });
const surveysOf = (filter: Record<string, unknown>) => `/renewal-surveys?filter=${encodeURIComponent(JSON.stringify(filter))}`;

/** The map's colour groups: confirmed classifications, then proposals awaiting confirmation, then not yet surveyed. */
export function mapGroups(rows: MapRow[]): MapGroup[] {
  const located = rows.filter((r) => r.lat !== null && r.lng !== null) as (MapRow & { lat: number; lng: number })[];
  const groups: MapGroup[] = RENEWAL_CLASSIFICATIONS.map((k) => ({
    key: k,
    label: classificationLabels[k],
    colour: CLASSIFICATION_COLOURS[k],
    points: located.filter((r) => r.classification === k),
  }));
  groups.push({ key: 'proposed', label: '待确认分类', colour: CLASSIFICATION_COLOURS.proposed, points: located.filter((r) => r.status && !r.classification) });
  groups.push({ key: 'unsurveyed', label: '未调查', colour: CLASSIFICATION_COLOURS.unsurveyed, points: located.filter((r) => !r.status) });
  return groups;
}

/** Survey progress and classification of old compounds by district (or street), and their map (issue 11). */
export const ProgressPage = () => {
  const [groupBy, setGroupBy] = useState<'district' | 'street'>('district');
  const [rows, setRows] = useState<ProgressRow[] | null>(null);
  const [points, setPoints] = useState<MapRow[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const dataProvider = useDataProvider();
  const notify = useNotify();

  useEffect(() => {
    let live = true;
    setRows(null);
    getJson<ProgressRow[]>(`/renewal/progress?groupBy=${groupBy}`).then(
      (d) => live && setRows(d),
      (e) => live && setError((e as Error).message || '加载失败'),
    );
    return () => {
      live = false;
    };
  }, [groupBy]);
  useEffect(() => {
    getJson<MapRow[]>('/renewal/map').then(setPoints, (e) => setError((e as Error).message || '加载失败'));
  }, []);
  const groups = useMemo(() => (points ? mapGroups(points) : []), [points]);

  const exportRows = async () => {
    if (!rows?.length) return notify('app.export.empty', { type: 'info' });
    await exporter(
      rows.map((r) => ({ ...r, id: r.code })),
      async () => ({}),
      dataProvider,
      'renewal-progress',
    );
  };

  return (
    <Box sx={{ mt: 2 }}>
      <Title title="老旧小区摸底调查进度与分类" />
      <Box sx={{ display: 'flex', gap: 2, alignItems: 'center', flexWrap: 'wrap', mb: 2 }}>
        <ToggleButtonGroup size="small" exclusive value={groupBy} onChange={(_, v) => v && setGroupBy(v)}>
          <ToggleButton value="district">按区（旗、县）</ToggleButton>
          <ToggleButton value="street">按街道（镇、苏木）</ToggleButton>
        </ToggleButtonGroup>
        <Button variant="outlined" size="small" startIcon={<DownloadIcon />} onClick={exportRows} disabled={!rows?.length}>
          导出 Excel
        </Button>
      </Box>
      {error && <Alert severity="error">{error}</Alert>}
      <Card sx={{ mb: 2 }}>
        <CardContent>
          {!rows ? (
            <LinearProgress />
          ) : (
            <Table size="small" data-testid="renewal-progress-table">
              <TableHead>
                <TableRow>
                  <TableCell>区域</TableCell>
                  {COLUMNS.map((c) => (
                    <TableCell key={c} align="right">
                      {HEADERS[c]}
                    </TableCell>
                  ))}
                </TableRow>
              </TableHead>
              <TableBody>
                {rows.map((r) => (
                  <TableRow key={r.code}>
                    <TableCell>{r.name}</TableCell>
                    {COLUMNS.map((c) => (
                      <TableCell key={c} align="right">
                        {c === 'oldCompounds' || r[c] === 0 ? (
                          r[c]
                        ) : (
                          <Link
                            to={surveysOf({
                              regionCode: r.code,
                              ...(c === 'drafts'
                                ? { status: 'draft' }
                                : c === 'submitted'
                                  ? { status: 'submitted' }
                                  : (RENEWAL_CLASSIFICATIONS as readonly string[]).includes(c)
                                    ? { classification: c }
                                    : {}),
                            })}
                          >
                            {r[c]}
                          </Link>
                        )}
                      </TableCell>
                    ))}
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </CardContent>
      </Card>
      <Card>
        <CardContent>
          <Typography variant="subtitle1">老旧小区分布（按分类着色）</Typography>
          {points ? <CompoundMap groups={groups} /> : <LinearProgress />}
        </CardContent>
      </Card>
    </Box>
  );
};
