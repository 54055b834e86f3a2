import DomainIcon from '@mui/icons-material/Domain';
import { BuildingCreate } from './BuildingCreate';
import { BuildingEdit } from './BuildingEdit';
import { BuildingList } from './BuildingList';
import { BuildingShow } from './BuildingShow';

export const buildings = {
  list: BuildingList,
  show: BuildingShow,
  edit: BuildingEdit,
  create: BuildingCreate,
  icon: DomainIcon,
  recordRepresentation: 'name',
};
