import { useEffect, useState } from 'react';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  ToggleButton,
  ToggleButtonGroup,
  Typography,
} from '@mui/material';
import DownloadIcon from '@mui/icons-material/Download';
import { Title } from 'react-admin';
import { formatBasisPoints, type CollectionGroup } from '@baotou/shared';
import { DistrictBars } from '../../charts';
import { downloadXlsx } from '../../common/xlsxDownload';
import { exportFileName } from '../../common/exportFileName';
import { getFees } from '../api';
import { collectionGroupChoices, yuan } from '../choices';

type Figures = {
  dueFen: number;
  collectedFen: number;
  rateBp: number | null;
  arrearsFen: number;
  recoveredFen: number;
  recoveryBp: number | null;
  households: number;
  paidHouseholds: number;
  householdBp: number | null;
};
type Report = { from: string; to: string; groupBy: CollectionGroup; rows: (Figures & { key: string; label: string })[]; total: Figures };

const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
const yearStart = () => `${today().slice(0, 4)}-01-01`;

/**
 * 收缴率 (DOMAIN.md §12): by amount for the period's own bills (collected within the period ÷ due),
 * arrears recovery separately, by households second; grouped by project, company, street or district.
 */
export const CollectionPage = () => {
  const [from, setFrom] = useState(yearStart());
  const [to, setTo] = useState(today());
  const [groupBy, setGroupBy] = useState<CollectionGroup>('project');
  const [report, setReport] = useState<Report | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setError(null);
    getFees<Report>(`/fees/collection?from=${from}&to=${to}&groupBy=${groupBy}`).then(setReport, (e) => setError((e as Error).message));
  }, [from, to, groupBy]);
  const exportXlsx = () =>
    report &&
    downloadXlsx(exportFileName('物业费收缴率'), [
      {
        name: '收缴率',
        rows: [
          ['分组', '当期应收（元）', '当期实收（元）', '当期收缴率', '往期欠费（元）', '清欠金额（元）', '清欠率', '计费户数', '缴清户数', '按户收缴率'],
          ...[...report.rows, { ...report.total, key: 'total', label: '合计' }].map((r) => [
            r.label,
            r.dueFen / 100,
            r.collectedFen / 100,
            formatBasisPoints(r.rateBp),
            r.arrearsFen / 100,
            r.recoveredFen / 100,
            formatBasisPoints(r.recoveryBp),
            r.households,
            r.paidHouseholds,
            formatBasisPoints(r.householdBp),
          ]),
        ],
      },
    ]);
  return (
    <Box sx={{ mt: 2 }}>
      <Title title="物业费收缴率" />
      <Card>
        <CardContent>
          <Stack direction="row" spacing={2} alignItems="center" flexWrap="wrap" useFlexGap>
            <TextField
              size="small"
              type="date"
              label="开始日期"
              value={from}
              onChange={(e) => setFrom(e.target.value)}
              InputLabelProps={{ shrink: true }}
              inputProps={{ 'data-testid': 'collection-from' }}
            />
            <TextField
              size="small"
              type="date"
              label="结束日期"
              value={to}
              onChange={(e) => setTo(e.target.value)}
              InputLabelProps={{ shrink: true }}
              inputProps={{ 'data-testid': 'collection-to' }}
            />
            <ToggleButtonGroup exclusive size="small" value={groupBy} onChange={(_e, v) => v && setGroupBy(v)}>
              {collectionGroupChoices.map((g) => (
                <ToggleButton key={g.id} value={g.id}>
                  {g.name}
                </ToggleButton>
              ))}
            </ToggleButtonGroup>
            <Button startIcon={<DownloadIcon />} onClick={exportXlsx} disabled={!report}>
              导出
            </Button>
          </Stack>
          <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
            当期收缴率 = 计费期在所选期间内的账单于期间内实收金额 ÷ 其应收金额；清欠率 = 期间内收回的往期欠费 ÷ 期初往期欠费（另行统计）；按户收缴率 =
            期间内缴清当期账单的户数 ÷ 计费户数（第二口径）。
          </Typography>
          {error && (
            <Alert severity="error" sx={{ mt: 2 }}>
              {error}
            </Alert>
          )}
        </CardContent>
      </Card>
      {report && (
        <Card sx={{ mt: 2 }}>
          <CardContent>
            <Table size="small" data-testid="collection-table">
              <TableHead>
                <TableRow>
                  <TableCell>{collectionGroupChoices.find((g) => g.id === groupBy)?.name.replace('按', '')}</TableCell>
                  <TableCell align="right">当期应收</TableCell>
                  <TableCell align="right">当期实收</TableCell>
                  <TableCell align="right">当期收缴率</TableCell>
                  <TableCell align="right">清欠率</TableCell>
                  <TableCell align="right">按户收缴率</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {report.rows.map((r) => (
                  <TableRow key={r.key} data-testid={`collection-row-${r.key}`}>
                    <TableCell>{r.label}</TableCell>
                    <TableCell align="right">{yuan(r.dueFen)}</TableCell>
                    <TableCell align="right">{yuan(r.collectedFen)}</TableCell>
                    <TableCell align="right" data-testid="collection-rate">
                      {formatBasisPoints(r.rateBp)}
                    </TableCell>
                    <TableCell align="right">
                      {formatBasisPoints(r.recoveryBp)}（{yuan(r.recoveredFen)} / {yuan(r.arrearsFen)}）
                    </TableCell>
                    <TableCell align="right">
                      {formatBasisPoints(r.householdBp)}（{r.paidHouseholds}/{r.households} 户）
                    </TableCell>
                  </TableRow>
                ))}
                <TableRow data-testid="collection-total">
                  <TableCell>
                    <b>合计</b>
                  </TableCell>
                  <TableCell align="right">{yuan(report.total.dueFen)}</TableCell>
                  <TableCell align="right">{yuan(report.total.collectedFen)}</TableCell>
                  <TableCell align="right" data-testid="collection-total-rate">
                    <b>{formatBasisPoints(report.total.rateBp)}</b>
                  </TableCell>
                  <TableCell align="right">{formatBasisPoints(report.total.recoveryBp)}</TableCell>
                  <TableCell align="right">{formatBasisPoints(report.total.householdBp)}</TableCell>
                </TableRow>
              </TableBody>
            </Table>
            {report.rows.length === 0 && <Typography sx={{ mt: 2 }}>所选期间暂无账单</Typography>}
          </CardContent>
        </Card>
      )}
      {report && report.rows.length > 0 && (
        <Card sx={{ mt: 2 }}>
          <CardContent>
            <Typography variant="subtitle1">当期收缴率</Typography>
            <DistrictBars
              rows={report.rows.map((r) => ({ code: r.key, name: r.label, value: r.rateBp ?? 0 }))}
              valueLabel="当期收缴率"
              format={(v: number) => formatBasisPoints(v)}
            />
          </CardContent>
        </Card>
      )}
    </Box>
  );
};
