import { Create, SimpleForm } from 'react-admin';
import { pick } from '../../common/pick';
import { RENEWAL_SURVEY_FIELDS } from '@baotou/shared';
import { SurveyInputs } from './SurveyInputs';

export const SurveyCreate = () => (
  <Create redirect="edit" transform={pick(RENEWAL_SURVEY_FIELDS)}>
    <SimpleForm>
      <SurveyInputs isCreate />
    </SimpleForm>
  </Create>
);
