import GroupsIcon from '@mui/icons-material/Groups';
import { CommitteeCreate } from './CommitteeCreate';
import { CommitteeEdit } from './CommitteeEdit';
import { CommitteeList } from './CommitteeList';
import { CommitteeShow } from './CommitteeShow';
import { committeeRepresentation } from './representation';

export const committees = {
  list: CommitteeList,
  show: CommitteeShow,
  edit: CommitteeEdit,
  create: CommitteeCreate,
  icon: GroupsIcon,
  recordRepresentation: committeeRepresentation,
};
