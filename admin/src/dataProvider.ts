import simpleRestProvider from 'ra-data-simple-rest';
import { fetchUtils, HttpError, type DataProvider, type Identifier } from 'react-admin';
import { getToken, renewToken } from './auth/session';
import { pickWritable } from './writableFields';
import { rememberListFilter, rememberListSort } from './common/exportQuery';

export const API_BASE = '/api';

type ServerErrorBody = {
  error?: { code?: string; message?: string; fields?: Record<string, string> };
};

/**
 * Turns the server's `{"error":{"code","message","fields"}}` into an HttpError whose message is
 * the Chinese text (react-admin notifies `error.message`) and whose `body.errors` carries the
 * field messages, which react-admin's forms show under the matching inputs.
 */
export const toHttpError = (status: number, body: unknown, fallback: string): HttpError => {
  const err = (body as ServerErrorBody | null)?.error;
  // '_' is the server's key for an error not tied to one field.
  const { _: general, ...fieldErrors } = err?.fields ?? {};
  const fields = Object.keys(fieldErrors).length > 0 ? fieldErrors : undefined;
  const base = err?.message || fallback;
  const message = general && general !== base ? `${base}：${general}` : base;
  return new HttpError(message, status, {
    ...(body as object | null),
    code: err?.code,
    ...(fields ? { errors: { ...fields, root: { serverError: message } } } : {}),
  });
};

export const httpClient = async (url: string, options: fetchUtils.Options = {}) => {
  const headers = new Headers(options.headers);
  if (!headers.has('Accept')) headers.set('Accept', 'application/json');
  const token = getToken();
  if (token) headers.set('Authorization', `Bearer ${token}`);
  try {
    const res = await fetchUtils.fetchJson(url, { ...options, headers });
    const renewed = res.headers.get('X-Session-Token');
    if (renewed) renewToken(renewed);
    return res;
  } catch (e) {
    if (e instanceof HttpError) throw toHttpError(e.status, e.body, e.message);
    if (e instanceof Error && e.name === 'AbortError') throw e;
    throw new HttpError('无法连接服务器，请检查网络', 0, {});
  }
};

export type AppDataProvider = DataProvider & {
  approveClaim(id: Identifier): Promise<{ data: unknown }>;
  rejectClaim(id: Identifier, reason: string): Promise<{ data: unknown }>;
};

const post = (path: string, body: unknown) =>
  httpClient(`${API_BASE}${path}`, { method: 'POST', body: JSON.stringify(body) }).then(({ json }) => ({ data: json as unknown }));

const rest = simpleRestProvider(API_BASE, httpClient);

export const dataProvider: AppDataProvider = {
  ...rest,
  getList: (resource, params) => {
    rememberListFilter(resource, params.filter);
    rememberListSort(resource, params.sort);
    return rest.getList(resource, params);
  },
  create: (resource, params) => rest.create(resource, { ...params, data: pickWritable(resource, 'create', params.data) }),
  update: (resource, params) => rest.update(resource, { ...params, data: pickWritable(resource, 'update', params.data) }),
  approveClaim: (id) => post(`/household-claims/${encodeURIComponent(id)}/approve`, {}),
  rejectClaim: (id, reason) => post(`/household-claims/${encodeURIComponent(id)}/reject`, { reason }),
};
