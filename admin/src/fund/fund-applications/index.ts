import HandymanIcon from '@mui/icons-material/Handyman';
import type { RaRecord } from 'react-admin';
import { FundApplicationCreate } from './FundApplicationCreate';
import { FundApplicationList } from './FundApplicationList';
import { FundApplicationShow } from './FundApplicationShow';

// Applications change only through their workflow actions (submit, review, supervise, accept, disburse).
export const fundApplications = {
  list: FundApplicationList,
  show: FundApplicationShow,
  create: FundApplicationCreate,
  icon: HandymanIcon,
  recordRepresentation: (r: RaRecord) => String(r.title ?? ''),
};
