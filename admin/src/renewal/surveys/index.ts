import FactCheckIcon from '@mui/icons-material/FactCheck';
import { lazyPage } from '../../common/lazyPage';

export const renewalSurveys = {
  list: lazyPage(() => import('./SurveyList').then((m) => m.SurveyList)),
  show: lazyPage(() => import('./SurveyShow').then((m) => m.SurveyShow)),
  edit: lazyPage(() => import('./SurveyEdit').then((m) => m.SurveyEdit)),
  create: lazyPage(() => import('./SurveyCreate').then((m) => m.SurveyCreate)),
  icon: FactCheckIcon,
  recordRepresentation: (r: { compoundName?: string }) => `${r.compoundName ?? ''}摸底调查`,
};
