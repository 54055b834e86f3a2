import { API_BASE, httpClient } from '../dataProvider';

// Fee actions outside ra-data-simple-rest (docs/API.md, "Property fees (issue 13)").
export const postFees = async <T = unknown>(path: string, body: unknown = {}): Promise<T> => {
  const { json } = await httpClient(`${API_BASE}${path}`, { method: 'POST', body: JSON.stringify(body) });
  return json as T;
};
export const getFees = async <T = unknown>(path: string): Promise<T> => (await httpClient(`${API_BASE}${path}`)).json as T;
