import SupportAgentIcon from '@mui/icons-material/SupportAgent';
import type { RaRecord } from 'react-admin';
import { TicketCreate } from './TicketCreate';
import { TicketList } from './TicketList';
import { TicketShow } from './TicketShow';

// Residents file in the mini-program; staff work the queue here and enter hotline cases.
export const tickets = {
  list: TicketList,
  show: TicketShow,
  create: TicketCreate,
  icon: SupportAgentIcon,
  options: { label: '工单（报修投诉纠纷）' },
  recordRepresentation: (r: RaRecord) => `工单 ${r.id}`,
};
