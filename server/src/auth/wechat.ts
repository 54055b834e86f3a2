import { AppError } from '../http/errors';

export interface WechatSession {
  openid: string;
  unionid?: string;
}

/** WeChat's code2Session (auth.code2Session) at a configurable base URL. */
export async function code2Session(opts: { apiBase: string; appId: string; secret: string }, code: string): Promise<WechatSession> {
  const url = new URL(`${opts.apiBase}/sns/jscode2session`);
  url.search = new URLSearchParams({ appid: opts.appId, secret: opts.secret, js_code: code, grant_type: 'authorization_code' }).toString();
  let body: { openid?: string; unionid?: string; errcode?: number; errmsg?: string };
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(5000) });
    body = (await res.json()) as typeof body;
  } catch {
    throw new AppError('WECHAT_UNAVAILABLE', 503 as never, '微信服务暂时不可用，请稍后再试');
  }
  if (body.errcode || !body.openid) {
    throw new AppError('WECHAT_LOGIN_FAILED', 401, `微信登录失败（${body.errcode ?? '无openid'}）`);
  }
  return { openid: body.openid, unionid: body.unionid };
}
