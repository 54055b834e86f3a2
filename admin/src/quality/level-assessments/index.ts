import FactCheckIcon from '@mui/icons-material/FactCheck';
import { lazyPage } from '../../common/lazyPage';

export const levelAssessments = {
  list: lazyPage(() => import('./AssessmentList').then((m) => m.AssessmentList)),
  show: lazyPage(() => import('./AssessmentShow').then((m) => m.AssessmentShow)),
  create: lazyPage(() => import('./AssessmentCreate').then((m) => m.AssessmentCreate)),
  icon: FactCheckIcon,
  recordRepresentation: 'projectName',
};
