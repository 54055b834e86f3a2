import SchoolIcon from '@mui/icons-material/School';
import { TrainingCreate, TrainingEdit, TrainingShow } from './TrainingForms';
import { TrainingList } from './TrainingList';

export const trainings = { list: TrainingList, show: TrainingShow, edit: TrainingEdit, create: TrainingCreate, icon: SchoolIcon, recordRepresentation: 'course' };
