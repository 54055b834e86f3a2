import { useEffect, useState } from 'react';
import { Alert, Box, Button, Container, LinearProgress, MenuItem, TextField, Typography } from '@mui/material';
import { StatsTable, type StatsGroup } from '../stats/StatsTable';

type PublicStats = { year: number; byDistrict: StatsGroup[]; byLevel: StatsGroup[]; total: StatsGroup };

const THIS_YEAR = new Date().getFullYear();
const YEARS = Array.from({ length: 6 }, (_, i) => THIS_YEAR - i);

/** The association's published statistics: no sign-in, no personal data (action plan 四(六)). */
export const PublicPriceStats = () => {
  const [year, setYear] = useState(THIS_YEAR);
  const [stats, setStats] = useState<PublicStats | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setStats(null);
    fetch(`/api/public/price-stats?year=${year}`)
      .then(async (r) => (r.ok ? setStats(await r.json()) : setError('统计数据加载失败')))
      .catch(() => setError('无法连接服务器，请检查网络'));
  }, [year]);
  return (
    <Container sx={{ py: 3 }}>
      <Typography variant="h5" gutterBottom>
        包头市物业服务价格与质量统计
      </Typography>
      <Box sx={{ display: 'flex', gap: 2, alignItems: 'center', mb: 2 }}>
        <TextField select size="small" label="年度" value={year} onChange={(e) => setYear(Number(e.target.value))}>
          {YEARS.map((y) => (
            <MenuItem key={y} value={y}>{`${y}年`}</MenuItem>
          ))}
        </TextField>
        <Button href={`/api/public/price-stats.xlsx?year=${year}`}>下载 Excel</Button>
      </Box>
      {error && <Alert severity="error">{error}</Alert>}
      {!stats && !error && <LinearProgress />}
      {stats && (
        <>
          <Typography variant="h6">按区县</Typography>
          <StatsTable groups={stats.byDistrict} total={stats.total} />
          <Typography variant="h6" sx={{ mt: 3 }}>
            按服务等级
          </Typography>
          <StatsTable groups={stats.byLevel} total={stats.total} />
          <Typography variant="body2" color="text.secondary" sx={{ mt: 2 }}>
            物业费为合同约定的每平方米每月收费；收缴率、满意度待物业收费、监督评价模块上线后发布（暂无数据）。服务等级标准尚待补充原文。
          </Typography>
        </>
      )}
    </Container>
  );
};
