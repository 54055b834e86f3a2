import SupportAgentIcon from '@mui/icons-material/SupportAgent';
import type { RaRecord } from 'react-admin';
import { lazyPage } from '../../common/lazyPage';

// Residents file in the mini-program; staff work the queue here and enter hotline cases.
export const tickets = {
  list: lazyPage(() => import('./TicketList').then((m) => m.TicketList)),
  show: lazyPage(() => import('./TicketShow').then((m) => m.TicketShow)),
  create: lazyPage(() => import('./TicketCreate').then((m) => m.TicketCreate)),
  icon: SupportAgentIcon,
  options: { label: '工单（报修投诉纠纷）' },
  recordRepresentation: (r: RaRecord) => `工单 ${r.id}`,
};
