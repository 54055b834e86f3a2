import { API_BASE, httpClient } from '../dataProvider';

// Workflow actions outside ra-data-simple-rest (docs/API.md, issue 3). Errors arrive as HttpError
// with the server's Chinese message, ready for notify().

export const postAction = async <T = unknown>(path: string, body: unknown = {}): Promise<T> => {
  const { json } = await httpClient(`${API_BASE}${path}`, { method: 'POST', body: JSON.stringify(body) });
  return json as T;
};

export const getJson = async <T = unknown>(path: string): Promise<T> => {
  const { json } = await httpClient(`${API_BASE}${path}`);
  return json as T;
};
