import PersonPinIcon from '@mui/icons-material/PersonPin';
import { lazyPage } from '../../common/lazyPage';

export const partyMembers = {
  list: lazyPage(() => import('./MemberList').then((m) => m.MemberList)),
  show: lazyPage(() => import('./MemberShow').then((m) => m.MemberShow)),
  edit: lazyPage(() => import('./MemberForms').then((m) => m.MemberEdit)),
  create: lazyPage(() => import('./MemberForms').then((m) => m.MemberCreate)),
  icon: PersonPinIcon,
  recordRepresentation: 'name',
};
