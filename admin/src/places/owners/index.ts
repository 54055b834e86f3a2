import PersonIcon from '@mui/icons-material/Person';
import { OwnerCreate } from './OwnerCreate';
import { OwnerEdit } from './OwnerEdit';
import { OwnerList } from './OwnerList';
import { OwnerShow } from './OwnerShow';

export const owners = {
  list: OwnerList,
  show: OwnerShow,
  edit: OwnerEdit,
  create: OwnerCreate,
  icon: PersonIcon,
  recordRepresentation: 'name',
};
