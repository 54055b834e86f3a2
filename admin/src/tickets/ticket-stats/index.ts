import BarChartIcon from '@mui/icons-material/BarChart';
import { lazyPage } from '../../common/lazyPage';

// Not a table: a page over GET /api/tickets/stats, registered as a resource so it gets a menu entry and canAccess.
export const ticketStats = { list: lazyPage(() => import('./TicketStats').then((m) => m.TicketStats)), icon: BarChartIcon, options: { label: '工单统计' } };
