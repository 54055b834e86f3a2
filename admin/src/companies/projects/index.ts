import AssignmentIcon from '@mui/icons-material/Assignment';
import type { RaRecord } from 'react-admin';
import { lazyPage } from '../../common/lazyPage';

export const projects = {
  list: lazyPage(() => import('./ProjectList').then((m) => m.ProjectList)),
  show: lazyPage(() => import('./ProjectShow').then((m) => m.ProjectShow)),
  edit: lazyPage(() => import('./ProjectEdit').then((m) => m.ProjectEdit)),
  create: lazyPage(() => import('./ProjectCreate').then((m) => m.ProjectCreate)),
  icon: AssignmentIcon,
  recordRepresentation: (r: RaRecord) => `${r.companyName ?? ''} · ${r.compoundName ?? ''}`,
};
