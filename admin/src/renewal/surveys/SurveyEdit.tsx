import { Edit, SaveButton, SimpleForm, Toolbar } from 'react-admin';
import { pick } from '../../common/pick';
import { RENEWAL_SURVEY_FIELDS } from '@baotou/shared';
import { SurveyInputs } from './SurveyInputs';
import { SubmitSurveyButton } from './SurveyActions';

// A save names the version it started from: one saved elsewhere meanwhile is refused (409) with the
// server's message, never overwritten. Submitting uses the version just saved.
const EditToolbar = () => (
  <Toolbar sx={{ gap: 2 }}>
    <SaveButton label="保存草稿" />
    <SubmitSurveyButton />
  </Toolbar>
);

export const SurveyEdit = () => (
  <Edit
    mutationMode="pessimistic"
    redirect={false}
    transform={(data: Record<string, unknown>) => ({ ...pick(RENEWAL_SURVEY_FIELDS)(data), version: data.version })}
  >
    <SimpleForm toolbar={<EditToolbar />}>
      <SurveyInputs />
    </SimpleForm>
  </Edit>
);
