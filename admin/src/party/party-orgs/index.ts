import FlagIcon from '@mui/icons-material/Flag';
import { OrgCreate, OrgEdit } from './OrgForms';
import { OrgList } from './OrgList';
import { OrgShow } from './OrgShow';

export const partyOrgs = { list: OrgList, show: OrgShow, edit: OrgEdit, create: OrgCreate, icon: FlagIcon, recordRepresentation: 'name' };
