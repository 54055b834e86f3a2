import ViewModuleIcon from '@mui/icons-material/ViewModule';
import { UnitCreate } from './UnitCreate';
import { UnitEdit } from './UnitEdit';
import { UnitList } from './UnitList';
import { UnitShow } from './UnitShow';

export const units = {
  list: UnitList,
  show: UnitShow,
  edit: UnitEdit,
  create: UnitCreate,
  icon: ViewModuleIcon,
  recordRepresentation: 'name',
};
