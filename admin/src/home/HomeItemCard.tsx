import { Card, CardActionArea, CardContent, Typography } from '@mui/material';
import type { HomeItem } from '@baotou/shared';
import { Link } from 'react-admin';
import { listLink } from './api';

/** One to-do or alert: its count, linking to the list filtered to exactly those rows. */
export const HomeItemCard = ({ item }: { item: HomeItem }) => (
  <Card sx={{ flex: '1 1 200px', maxWidth: 280 }} data-testid={`home-${item.key}`}>
    <CardActionArea component={Link} to={listLink(item.resource, item.filter)}>
      <CardContent>
        <Typography color="text.secondary" gutterBottom>
          {item.label}
        </Typography>
        <Typography variant="h4" color={item.section === 'alert' && item.count > 0 ? 'error' : undefined} data-testid={`home-${item.key}-count`}>
          {item.count.toLocaleString('zh-CN')}
        </Typography>
      </CardContent>
    </CardActionArea>
  </Card>
);
