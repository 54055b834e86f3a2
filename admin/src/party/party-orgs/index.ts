import FlagIcon from '@mui/icons-material/Flag';
import { lazyPage } from '../../common/lazyPage';

export const partyOrgs = {
  list: lazyPage(() => import('./OrgList').then((m) => m.OrgList)),
  show: lazyPage(() => import('./OrgShow').then((m) => m.OrgShow)),
  edit: lazyPage(() => import('./OrgForms').then((m) => m.OrgEdit)),
  create: lazyPage(() => import('./OrgForms').then((m) => m.OrgCreate)),
  icon: FlagIcon,
  recordRepresentation: 'name',
};
