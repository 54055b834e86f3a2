import { API_BASE, httpClient, toHttpError } from '../dataProvider';
import { getToken } from '../auth/session';

export const getJson = async <T = unknown>(path: string): Promise<T> => (await httpClient(`${API_BASE}${path}`)).json as T;
export const postJson = async <T = unknown>(path: string, body: unknown = {}): Promise<T> =>
  (await httpClient(`${API_BASE}${path}`, { method: 'POST', body: JSON.stringify(body) })).json as T;

export type ImportPreview = {
  id: string;
  kind: 'orgs' | 'members' | 'cross_appointments';
  fileName: string;
  status: 'validating' | 'ready' | 'committing' | 'committed' | 'failed';
  progress: { done: number; total: number };
  counts: { total: number; valid: number; invalid: number };
  errors: { row: number; messages: string[] }[];
  errorsTruncated: boolean;
  committed: number;
  failure?: string;
};

/** Multipart upload with upload progress (XMLHttpRequest: fetch reports none). */
export const uploadSheet = (kind: string, file: File, onProgress: (fraction: number) => void, path = '/party-imports'): Promise<ImportPreview> =>
  new Promise((resolve, reject) => {
    const form = new FormData();
    form.append('kind', kind);
    form.append('file', file);
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `${API_BASE}${path}`);
    const token = getToken();
    if (token) xhr.setRequestHeader('Authorization', `Bearer ${token}`);
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        /* not JSON */
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(body as ImportPreview);
      else reject(toHttpError(xhr.status, body, '上传失败'));
    };
    xhr.onerror = () => reject(new Error('无法连接服务器，请检查网络'));
    xhr.send(form);
  });

/** Downloads a file behind the bearer token (template, export). */
export const downloadFile = async (path: string, fileName: string) => {
  const res = await fetch(`${API_BASE}${path}`, { headers: { Authorization: `Bearer ${getToken() ?? ''}` } });
  if (!res.ok) throw new Error('下载失败');
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
};
