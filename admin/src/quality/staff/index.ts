import BadgeIcon from '@mui/icons-material/Badge';
import { StaffCreate, StaffEdit } from './StaffForms';
import { StaffList } from './StaffList';
import { StaffShow } from './StaffShow';

export const staff = { list: StaffList, show: StaffShow, edit: StaffEdit, create: StaffCreate, icon: BadgeIcon, recordRepresentation: (r: { name: string; staffNo: string }) => `${r.name}（${r.staffNo}）` };
