import StarsIcon from '@mui/icons-material/Stars';
import { RedCreate, RedEdit } from './RedForms';
import { RedList } from './RedList';

export const redProjects = { list: RedList, edit: RedEdit, create: RedCreate, icon: StarsIcon, recordRepresentation: 'designation' };
