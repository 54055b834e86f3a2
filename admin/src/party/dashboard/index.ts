import InsightsIcon from '@mui/icons-material/Insights';
import { PartyDashboard } from './PartyDashboard';

// A dashboard, registered as a read-only resource so it gets a menu entry and canAccess like the others.
export const partyDashboard = { list: PartyDashboard, icon: InsightsIcon };
