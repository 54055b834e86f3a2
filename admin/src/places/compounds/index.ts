import ApartmentIcon from '@mui/icons-material/Apartment';
import { CompoundCreate } from './CompoundCreate';
import { CompoundEdit } from './CompoundEdit';
import { CompoundList } from './CompoundList';
import { CompoundShow } from './CompoundShow';

export const compounds = {
  list: CompoundList,
  show: CompoundShow,
  edit: CompoundEdit,
  create: CompoundCreate,
  icon: ApartmentIcon,
  recordRepresentation: 'name',
};
