import SyncAltIcon from '@mui/icons-material/SyncAlt';
import { CrossCreate, CrossEdit } from './CrossForms';
import { CrossList } from './CrossList';

export const crossAppointments = { list: CrossList, edit: CrossEdit, create: CrossCreate, icon: SyncAltIcon, recordRepresentation: 'memberName' };
