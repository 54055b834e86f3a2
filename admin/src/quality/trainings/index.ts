import SchoolIcon from '@mui/icons-material/School';
import { lazyPage } from '../../common/lazyPage';

export const trainings = {
  list: lazyPage(() => import('./TrainingList').then((m) => m.TrainingList)),
  show: lazyPage(() => import('./TrainingForms').then((m) => m.TrainingShow)),
  edit: lazyPage(() => import('./TrainingForms').then((m) => m.TrainingEdit)),
  create: lazyPage(() => import('./TrainingForms').then((m) => m.TrainingCreate)),
  icon: SchoolIcon,
  recordRepresentation: 'course',
};
