import PersonPinIcon from '@mui/icons-material/PersonPin';
import { MemberCreate, MemberEdit } from './MemberForms';
import { MemberList } from './MemberList';
import { MemberShow } from './MemberShow';

export const partyMembers = { list: MemberList, show: MemberShow, edit: MemberEdit, create: MemberCreate, icon: PersonPinIcon, recordRepresentation: 'name' };
