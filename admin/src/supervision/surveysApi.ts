import { API_BASE, httpClient } from '../dataProvider';

// Survey and interview actions outside ra-data-simple-rest (docs/API.md, "Satisfaction surveys").
export const postSurveyAction = async <T = unknown>(path: string, body: unknown = {}): Promise<T> => {
  const { json } = await httpClient(`${API_BASE}${path}`, { method: 'POST', body: JSON.stringify(body) });
  return json as T;
};
