import BadgeIcon from '@mui/icons-material/Badge';
import type { RaRecord } from 'react-admin';
import { memberRoleLabels } from '../choices';
import { MemberCreate } from './MemberCreate';
import { MemberEdit } from './MemberEdit';
import { MemberList } from './MemberList';

// Members are managed from their committee's page; the list is for search and export.
export const committeeMembers = {
  list: MemberList,
  edit: MemberEdit,
  create: MemberCreate,
  icon: BadgeIcon,
  recordRepresentation: (r: RaRecord) => `${r.name ?? ''}（${memberRoleLabels[r.role] ?? ''}）`,
};
