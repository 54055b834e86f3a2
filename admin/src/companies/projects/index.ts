import AssignmentIcon from '@mui/icons-material/Assignment';
import type { RaRecord } from 'react-admin';
import { ProjectCreate } from './ProjectCreate';
import { ProjectEdit } from './ProjectEdit';
import { ProjectList } from './ProjectList';
import { ProjectShow } from './ProjectShow';

export const projects = {
  list: ProjectList,
  show: ProjectShow,
  edit: ProjectEdit,
  create: ProjectCreate,
  icon: AssignmentIcon,
  recordRepresentation: (r: RaRecord) => `${r.companyName ?? ''} · ${r.compoundName ?? ''}`,
};
