import type { Config } from '@baotou/config';

export class WechatError extends Error {
  constructor(
    readonly errcode: number,
    errmsg: string,
  ) {
    super(`${errcode} ${errmsg}`);
  }
}

export interface SubscribeMessage {
  touser: string;
  template_id: string;
  page?: string;
  data: Record<string, { value: string }>;
}

/**
 * WeChat's server API as the platform uses it: an access token from GET /cgi-bin/token (cached
 * until five minutes before it expires, one fetch at a time) and POST
 * /cgi-bin/message/subscribe/send?access_token=… at the configured base URL.
 */
export function createWechatClient(config: Config) {
  const { apiBase, appId, secret } = config.wechat;
  let token: { value: string; expiresAt: number } | undefined;
  let fetching: Promise<string> | undefined;

  async function accessToken(force: boolean): Promise<string> {
    if (!force && token && token.expiresAt > Date.now()) return token.value;
    fetching ??= (async () => {
      const url = new URL(`${apiBase}/cgi-bin/token`);
      url.search = new URLSearchParams({ grant_type: 'client_credential', appid: appId, secret }).toString();
      const res = await fetch(url, { signal: AbortSignal.timeout(5000) });
      const body = (await res.json()) as { access_token?: string; expires_in?: number; errcode?: number; errmsg?: string };
      if (!body.access_token) throw new WechatError(body.errcode ?? -1, body.errmsg ?? 'no access_token');
      token = { value: body.access_token, expiresAt: Date.now() + Math.max(60, (body.expires_in ?? 7200) - 300) * 1000 };
      return token.value;
    })().finally(() => {
      fetching = undefined;
    });
    return fetching;
  }

  return {
    /** Sends one subscribe message; throws WechatError with WeChat's errcode when refused. */
    async sendSubscribeMessage(message: SubscribeMessage): Promise<void> {
      const payload = { ...message, miniprogram_state: config.env === 'production' ? 'formal' : 'developer', lang: 'zh_CN' };
      for (let attempt = 0; attempt < 2; attempt++) {
        const url = `${apiBase}/cgi-bin/message/subscribe/send?access_token=${encodeURIComponent(await accessToken(attempt > 0))}`;
        const res = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(payload),
          signal: AbortSignal.timeout(5000),
        });
        const body = (await res.json()) as { errcode?: number; errmsg?: string };
        // 40001 / 42001: the token was revoked or expired early; fetch a new one once.
        if ((body.errcode === 40001 || body.errcode === 42001) && attempt === 0) continue;
        if (body.errcode) throw new WechatError(body.errcode, body.errmsg ?? '');
        return;
      }
    },
  };
}
export type WechatClient = ReturnType<typeof createWechatClient>;
