import BadgeIcon from '@mui/icons-material/Badge';
import type { RaRecord } from 'react-admin';
import { memberRoleLabels } from '../choices';
import { lazyPage } from '../../common/lazyPage';

// Members are managed from their committee's page; the list is for search and export.
export const committeeMembers = {
  list: lazyPage(() => import('./MemberList').then((m) => m.MemberList)),
  edit: lazyPage(() => import('./MemberEdit').then((m) => m.MemberEdit)),
  create: lazyPage(() => import('./MemberCreate').then((m) => m.MemberCreate)),
  icon: BadgeIcon,
  recordRepresentation: (r: RaRecord) => `${r.name ?? ''}（${memberRoleLabels[r.role] ?? ''}）`,
};
