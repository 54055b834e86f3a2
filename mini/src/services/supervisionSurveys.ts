import { request } from './request';

// Owner satisfaction surveys (docs/API.md, "Satisfaction surveys"; DOMAIN.md §9): a resident answers
// for each home they hold verified, and may change the answer until the survey closes.

export type SatisfactionRating = 'satisfied' | 'basically_satisfied' | 'dissatisfied';

export interface Survey {
  id: number;
  title: string;
  kind: 'regular' | 'resurvey';
  dimensions: string[];
  opensOn: string;
  closesOn: string;
  status: 'open' | 'closed';
}

export interface SurveyResponse {
  id: number;
  surveyId: number;
  householdId: number;
  answers: Record<string, SatisfactionRating>;
  overall: SatisfactionRating;
  comment: string | null;
  updatedAt: string;
}

const q = (filter: Record<string, unknown>) => `filter=${encodeURIComponent(JSON.stringify(filter))}`;

/** The open surveys covering the compound (the server shows residents only those of compounds where they hold a verified home). */
export function listOpenSurveys(compoundId: number): Promise<Survey[]> {
  return request(`/surveys?${q({ status: 'open', compoundId })}&range=${encodeURIComponent('[0,19]')}`);
}

export function listMyResponses(surveyId: number): Promise<SurveyResponse[]> {
  return request(`/survey-responses?${q({ surveyId })}`);
}

export function answerSurvey(body: {
  surveyId: number;
  householdId: number;
  answers: Record<string, SatisfactionRating>;
  overall: SatisfactionRating;
  comment: string | null;
}): Promise<SurveyResponse & { changed: boolean }> {
  return request('/survey-responses', { method: 'POST', data: body, loading: '提交中' });
}
