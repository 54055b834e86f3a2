import { Create, SimpleForm } from 'react-admin';
import { pick } from '../../committees/api';
import { SurveyInputs, surveyWritable } from './SurveyInputs';

export const SurveyCreate = () => (
  <Create redirect="edit" transform={pick(surveyWritable)}>
    <SimpleForm>
      <SurveyInputs isCreate />
    </SimpleForm>
  </Create>
);
