import { Alert, Box, Card, CardContent, CircularProgress, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { HOME_SECTIONS, HOME_SECTION_LABELS, type HomeResponse } from '@baotou/shared';
import { lazy, Suspense } from 'react';
import { Title, useGetIdentity, usePermissions } from 'react-admin';
import { DistrictBars } from '../charts';
import { fetchHome } from './api';
import { HomeItemCard } from './HomeItemCard';

// The seven yearly targets are the home of the city and district roles (issue 14); loaded lazily with their charts.
const KpiDashboard = lazy(() => import('../kpi/KpiDashboard'));
const KPI_HOME_ROLES = ['city_admin', 'district_staff'];

/**
 * The console's home page by role (issue 16 §4): the to-dos and alerts of the signed-in person's
 * jurisdiction, each a link to the filtered list that shows exactly that many rows, and charts
 * comparing the regions below theirs.
 */
export const HomePage = () => {
  const { identity } = useGetIdentity();
  const { permissions: role } = usePermissions();
  const { data, isPending, error } = useQuery<HomeResponse>({ queryKey: ['home'], queryFn: fetchHome, refetchInterval: 60_000 });
  return (
    <Box sx={{ mt: 2 }}>
      <Title title="首页" />
      <Typography variant="h6" sx={{ mb: 2 }}>
        欢迎使用包头智慧物业管理服务平台{identity?.fullName ? `，${identity.fullName}` : ''}
      </Typography>
      {KPI_HOME_ROLES.includes(role) && (
        <Box sx={{ mb: 3 }}>
          <Suspense fallback={<CircularProgress size={24} />}>
            <KpiDashboard embedded />
          </Suspense>
        </Box>
      )}
      {isPending && <CircularProgress size={24} />}
      {error && <Alert severity="error">首页数据加载失败：{(error as Error).message}</Alert>}
      {data &&
        HOME_SECTIONS.map((section) => {
          const items = data.items.filter((i) => i.section === section);
          if (!items.length) return null;
          return (
            <Box key={section} sx={{ mb: 3 }} data-testid={`home-section-${section}`}>
              <Typography variant="subtitle1" sx={{ mb: 1, fontWeight: 600 }}>
                {HOME_SECTION_LABELS[section]}
              </Typography>
              <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 2 }}>
                {items.map((item) => (
                  <HomeItemCard key={item.key} item={item} />
                ))}
              </Box>
            </Box>
          );
        })}
      {data && data.charts.length > 0 && (
        <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 2 }}>
          {data.charts.map((chart) => (
            <Card key={chart.key} sx={{ flex: '1 1 420px' }} data-testid={`home-chart-${chart.key}`}>
              <CardContent>
                <Typography variant="subtitle1">{chart.label}</Typography>
                <DistrictBars rows={chart.bars} valueLabel="工单数" height={280} />
              </CardContent>
            </Card>
          ))}
        </Box>
      )}
    </Box>
  );
};
