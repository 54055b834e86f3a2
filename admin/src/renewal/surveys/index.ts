import FactCheckIcon from '@mui/icons-material/FactCheck';
import { SurveyCreate } from './SurveyCreate';
import { SurveyEdit } from './SurveyEdit';
import { SurveyList } from './SurveyList';
import { SurveyShow } from './SurveyShow';

export const renewalSurveys = {
  list: SurveyList,
  show: SurveyShow,
  edit: SurveyEdit,
  create: SurveyCreate,
  icon: FactCheckIcon,
  recordRepresentation: (r: { compoundName?: string }) => `${r.compoundName ?? ''}摸底调查`,
};
