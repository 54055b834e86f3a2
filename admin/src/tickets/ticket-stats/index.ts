import BarChartIcon from '@mui/icons-material/BarChart';
import { TicketStats } from './TicketStats';

// Not a table: a page over GET /api/tickets/stats, registered as a resource so it gets a menu entry and canAccess.
export const ticketStats = { list: TicketStats, icon: BarChartIcon, options: { label: '工单统计' } };
