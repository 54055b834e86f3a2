import { renewalSurveySchema } from '@baotou/shared';
import { surveyWritable } from './surveyWritable';

// The survey form sends exactly what the server's strict schema accepts (plus the version on a save).
test('the survey form writes every field of renewalSurveySchema and nothing else', () => {
  expect([...surveyWritable].sort()).toEqual(Object.keys(renewalSurveySchema.shape).sort());
});
