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
 * WeChat's server API as the platform uses it: an access token from POST /cgi-bin/stable_token
 * (WeChat's stable access token: in its normal mode every caller of the same app gets the same
 * token until it expires, and fetching it invalidates nobody's, so any number of server processes
 * can each fetch their own; GET /cgi-bin/token would revoke the token of every other process),
 * cached until five minutes before it expires, one fetch at a time, and POST
 * /cgi-bin/message/subscribe/send?access_token=… at the configured base URL. The client never asks
 * for force_refresh (that would revoke the token the other processes hold).
 */
export function createWechatClient(config: Config) {
  const { apiBase, appId, secret } = config.wechat;
  let token: { value: string; expiresAt: number } | undefined;
  let fetching: Promise<string> | undefined;

  async function accessToken(fresh: boolean): Promise<string> {
    if (!fresh && token && token.expiresAt > Date.now()) return token.value;
    fetching ??= (async () => {
      const res = await fetch(`${apiBase}/cgi-bin/stable_token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ grant_type: 'client_credential', appid: appId, secret, force_refresh: false }),
        signal: AbortSignal.timeout(5000),
      });
      const body = (await res.json()) as { access_token?: string; expires_in?: number; errcode?: number; errmsg?: string };
      if (!body.access_token) throw new WechatError(body.errcode ?? -1, body.errmsg ?? 'no access_token');
      // expires_in is the token's remaining life (a stable token already handed out may be older than ours).
      token = { value: body.access_token, expiresAt: Date.now() + Math.max(30, (body.expires_in ?? 7200) - 300) * 1000 };
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
        // 40001 / 42001: the token expired early or someone force-refreshed it; ask for the current one once.
        if ((body.errcode === 40001 || body.errcode === 42001) && attempt === 0) continue;
        if (body.errcode) throw new WechatError(body.errcode, body.errmsg ?? '');
        return;
      }
    },
  };
}
export type WechatClient = ReturnType<typeof createWechatClient>;
