import GroupsIcon from '@mui/icons-material/Groups';
import { committeeRepresentation } from './representation';
import { lazyPage } from '../../common/lazyPage';

export const committees = {
  list: lazyPage(() => import('./CommitteeList').then((m) => m.CommitteeList)),
  show: lazyPage(() => import('./CommitteeShow').then((m) => m.CommitteeShow)),
  edit: lazyPage(() => import('./CommitteeEdit').then((m) => m.CommitteeEdit)),
  create: lazyPage(() => import('./CommitteeCreate').then((m) => m.CommitteeCreate)),
  icon: GroupsIcon,
  recordRepresentation: committeeRepresentation,
};
