import { API_BASE, httpClient } from '../dataProvider';
import { getToken } from '../auth/session';

// Renewal actions outside ra-data-simple-rest (docs/API.md, "Old compounds (issue 11)").
export const postRenewal = async <T = unknown>(path: string, body: unknown = {}): Promise<T> => {
  const { json } = await httpClient(`${API_BASE}${path}`, { method: 'POST', body: JSON.stringify(body) });
  return json as T;
};

/** Downloads a file the server builds (a batch's .xlsx), behind the bearer token. */
export const downloadRenewalFile = async (path: string, fileName: string) => {
  const res = await fetch(`${API_BASE}${path}`, { headers: { Authorization: `Bearer ${getToken() ?? ''}` } });
  if (!res.ok) throw new Error('下载失败，请稍后重试');
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
};
