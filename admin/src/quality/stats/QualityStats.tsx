import { useEffect, useState } from 'react';
import { Alert, Box, Button, Card, CardContent, LinearProgress, MenuItem, Stack, TextField, ToggleButton, ToggleButtonGroup, Typography } from '@mui/material';
import DownloadIcon from '@mui/icons-material/Download';
import { Title, useNotify } from 'react-admin';
import { getToken } from '../../auth/session';
import { httpClient } from '../../dataProvider';
import { StatsTable, type StatsGroup } from './StatsTable';

type Stats = { year: number; target: { projectsAtLevel2OrAbove: number; excellentProjects: number } | null; totals: StatsGroup; groups: StatsGroup[] };

const THIS_YEAR = new Date().getFullYear();
const YEARS = Array.from({ length: 6 }, (_, i) => THIS_YEAR - i);

/** Bureau staff: level 2 or above against the year's target, upgrades, awards, prices and cost composition. */
export const QualityStats = () => {
  const [year, setYear] = useState(THIS_YEAR);
  const [groupBy, setGroupBy] = useState<'district' | 'level'>('district');
  const [stats, setStats] = useState<Stats | null>(null);
  const [error, setError] = useState<string | null>(null);
  const notify = useNotify();
  useEffect(() => {
    setStats(null);
    httpClient(`/api/quality/stats?year=${year}&groupBy=${groupBy}`)
      .then(({ json }) => setStats(json as Stats))
      .catch((e: Error) => setError(e.message));
  }, [year, groupBy]);

  const download = async () => {
    const res = await fetch(`/api/quality/stats.xlsx?year=${year}`, { headers: { Authorization: `Bearer ${getToken()}` } });
    if (!res.ok) return notify('导出失败', { type: 'error' });
    const url = URL.createObjectURL(await res.blob());
    const a = document.createElement('a');
    a.href = url;
    a.download = `${year}年服务质量统计.xlsx`;
    a.click();
    URL.revokeObjectURL(url);
  };

  return (
    <Card>
      <Title title="服务质量统计" />
      <CardContent>
        <Stack direction="row" spacing={2} alignItems="center" sx={{ mb: 2 }}>
          <TextField select size="small" label="年度" value={year} onChange={(e) => setYear(Number(e.target.value))}>
            {YEARS.map((y) => (
              <MenuItem key={y} value={y}>{`${y}年`}</MenuItem>
            ))}
          </TextField>
          <ToggleButtonGroup size="small" exclusive value={groupBy} onChange={(_, v) => v && setGroupBy(v)}>
            <ToggleButton value="district">按区县</ToggleButton>
            <ToggleButton value="level">按服务等级</ToggleButton>
          </ToggleButtonGroup>
          <Button startIcon={<DownloadIcon />} onClick={download}>
            导出 Excel
          </Button>
        </Stack>
        {error && <Alert severity="error">{error}</Alert>}
        {!stats && !error && <LinearProgress />}
        {stats && (
          <Box>
            <Typography sx={{ mb: 1 }} data-testid="level2-target">
              二级以上（含二级）项目：{stats.totals.atLevel2OrAbove} 个{stats.target ? `，年度目标 ${stats.target.projectsAtLevel2OrAbove} 个` : ''}
              ；提档升级达标 {stats.totals.upgraded ?? 0} 个；优秀示范项目 {stats.totals.awards ?? 0} 个
              {stats.target ? `（目标 ${stats.target.excellentProjects} 个）` : ''}
            </Typography>
            <StatsTable groups={stats.groups} total={stats.totals} showProgress />
          </Box>
        )}
      </CardContent>
    </Card>
  );
};
