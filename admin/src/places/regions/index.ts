import MapIcon from '@mui/icons-material/Map';
import { RegionCreate } from './RegionCreate';
import { RegionEdit } from './RegionEdit';
import { RegionList } from './RegionList';
import { RegionShow } from './RegionShow';

export const regions = {
  list: RegionList,
  show: RegionShow,
  edit: RegionEdit,
  create: RegionCreate,
  icon: MapIcon,
  recordRepresentation: 'name',
};
