import FactCheckIcon from '@mui/icons-material/FactCheck';
import { AssessmentCreate } from './AssessmentCreate';
import { AssessmentList } from './AssessmentList';
import { AssessmentShow } from './AssessmentShow';

export const levelAssessments = { list: AssessmentList, show: AssessmentShow, create: AssessmentCreate, icon: FactCheckIcon, recordRepresentation: 'projectName' };
