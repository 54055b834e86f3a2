import { Box, Card, CardActionArea, CardContent, Typography } from '@mui/material';
import { Link, Title, useCanAccess, useGetList, useTranslate } from 'react-admin';

type Stat = { label: string; resource: string; filter?: Record<string, unknown> };

const stats: Stat[] = [
  { label: 'app.dashboard.compounds', resource: 'compounds' },
  { label: 'app.dashboard.households', resource: 'households' },
  { label: 'app.dashboard.pendingClaims', resource: 'household-claims', filter: { status: 'pending' } },
];

/** A count from the list endpoint's Content-Range total; one row fetched. */
const StatCard = ({ label, resource, filter = {} }: Stat) => {
  const translate = useTranslate();
  const { canAccess } = useCanAccess({ resource, action: 'list' });
  const { total, isPending, error } = useGetList(
    resource,
    { pagination: { page: 1, perPage: 1 }, sort: { field: 'id', order: 'ASC' }, filter },
    { enabled: !!canAccess },
  );
  if (!canAccess) return null;
  const to = `/${resource}?filter=${encodeURIComponent(JSON.stringify(filter))}`;
  return (
    <Card sx={{ flex: '1 1 220px' }}>
      <CardActionArea component={Link} to={to}>
        <CardContent>
          <Typography color="text.secondary" gutterBottom>
            {translate(label)}
          </Typography>
          <Typography variant="h4" data-testid={`stat-${resource}`}>
            {isPending ? '…' : error ? '—' : (total ?? 0).toLocaleString('zh-CN')}
          </Typography>
        </CardContent>
      </CardActionArea>
    </Card>
  );
};

export const Dashboard = () => {
  const translate = useTranslate();
  return (
    <Box sx={{ mt: 2 }}>
      <Title title={translate('app.title')} />
      <Typography variant="h6" sx={{ mb: 2 }}>
        {translate('app.dashboard.welcome')}
      </Typography>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 2 }}>
        {stats.map((s) => (
          <StatCard key={s.resource} {...s} />
        ))}
      </Box>
    </Box>
  );
};
