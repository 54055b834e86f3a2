import Taro from '@tarojs/taro';

import { login } from './auth';

// H5 is served by the platform itself, so same origin; weapp calls the configured host.
const BASE = process.env.TARO_ENV === 'h5' ? '/api' : API_BASE;
const TOKEN_KEY = 'token';

export class ApiError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
    readonly fields?: Record<string, string>,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  data?: unknown;
  /** Send the resident's token, logging in first when there is none (default true). */
  auth?: boolean;
  /** Loading text shown while waiting; false for background calls (default '加载中'). */
  loading?: string | false;
  /** Show the server's Chinese error message as a toast (default true). */
  toast?: boolean;
}

export function getToken(): string {
  return Taro.getStorageSync(TOKEN_KEY) || '';
}

export function setToken(token: string): void {
  Taro.setStorageSync(TOKEN_KEY, token);
}

export function clearToken(): void {
  Taro.removeStorageSync(TOKEN_KEY);
}

// Concurrent requests share one loading overlay; it closes when the last one settles.
let loadingCount = 0;
function startLoading(title: string) {
  if (loadingCount++ === 0) Taro.showLoading({ title, mask: true });
}
function stopLoading() {
  if (loadingCount > 0 && --loadingCount === 0) Taro.hideLoading();
}

const STATUS_MESSAGES: Record<number, string> = {
  400: '请求参数有误',
  401: '登录已失效，请重新登录',
  403: '没有权限进行此操作',
  404: '要找的内容不存在',
  409: '操作与当前状态冲突',
};

function toApiError(status: number, body: any): ApiError {
  const e = body && typeof body === 'object' ? body.error : undefined;
  const message = (e && e.message) || STATUS_MESSAGES[status] || '服务暂不可用，请稍后重试';
  return new ApiError((e && e.code) || `HTTP_${status}`, status, message, e && e.fields);
}

async function send<T>(path: string, opts: RequestOptions, retryOn401: boolean): Promise<T> {
  const auth = opts.auth !== false;
  if (auth && !getToken()) await login();
  const token = auth ? getToken() : '';
  let res: Taro.request.SuccessCallbackResult<any>;
  try {
    res = await Taro.request({
      url: BASE + path,
      method: opts.method ?? 'GET',
      data: opts.data as any,
      header: {
        'Content-Type': 'application/json',
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
      },
    });
  } catch {
    throw new ApiError('NETWORK', 0, '网络异常，请稍后重试');
  }
  const status = res.statusCode;
  if (status === 401 && auth && retryOn401) {
    // The token expired or was revoked: forget it, log in again, retry once.
    clearToken();
    await login();
    return send<T>(path, opts, false);
  }
  if (status >= 200 && status < 300) {
    keepRenewedToken(token, res.header);
    return res.data as T;
  }
  if (status === 401) clearToken();
  throw toApiError(status, res.data);
}

/**
 * Staff tokens (field staff) end after STAFF_IDLE_SECONDS without a request; one past half its
 * life comes back renewed in X-Session-Token (issue 17). Kept only if the token sent is still the
 * one stored. Resident tokens are never renewed this way.
 */
function keepRenewedToken(sent: string, header: Record<string, string> | undefined) {
  if (!sent || !header) return;
  const renewed = header['X-Session-Token'] ?? header['x-session-token'];
  if (renewed && getToken() === sent) setToken(renewed);
}

/** The one way pages reach the server: token, Chinese error toast, loading cleared on every path. */
export async function request<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  const loading = opts.loading ?? '加载中';
  if (loading) startLoading(loading);
  let error: ApiError | undefined;
  let result: T | undefined;
  try {
    result = await send<T>(path, opts, true);
  } catch (e) {
    error = e instanceof ApiError ? e : new ApiError('CLIENT', 0, (e as Error)?.message || '操作失败');
  } finally {
    if (loading) stopLoading();
  }
  if (error) {
    // After hideLoading: on weapp the two share one overlay, so a toast shown first would vanish.
    if (opts.toast !== false) Taro.showToast({ title: error.message, icon: 'none', duration: 2500 });
    throw error;
  }
  return result as T;
}

/**
 * Uploads one photo or PDF (POST /api/uploads, multipart field "file"): a local file path from
 * Taro.chooseImage, or on H5 a File from an <input type="file">. The server tells the type from
 * the content; its Chinese refusal is shown as a toast like any other.
 */
export async function uploadFile(source: string | Blob): Promise<{ id: number; mime: string; size: number; url: string }> {
  if (!getToken()) await login();
  startLoading('上传中');
  let status: number;
  let body: any;
  try {
    if (typeof source !== 'string') {
      const form = new FormData();
      form.append('file', source);
      const res = await fetch(`${BASE}/uploads`, { method: 'POST', body: form, headers: { Authorization: `Bearer ${getToken()}` } });
      status = res.status;
      body = await res.json().catch(() => undefined);
    } else {
      const res = await Taro.uploadFile({ url: `${BASE}/uploads`, filePath: source, name: 'file', header: { Authorization: `Bearer ${getToken()}` } });
      status = res.statusCode;
      try {
        body = JSON.parse(res.data);
      } catch {
        body = undefined;
      }
    }
  } catch {
    status = 0;
  } finally {
    stopLoading();
  }
  if (status >= 200 && status < 300) return body;
  const error = status === 0 ? new ApiError('NETWORK', 0, '网络异常，请稍后重试') : toApiError(status, body);
  if (status === 401) clearToken();
  Taro.showToast({ title: error.message, icon: 'none', duration: 2500 });
  throw error;
}
