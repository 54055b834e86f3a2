import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local stand-in for WeChat's API server speaking its protocol: GET /sns/jscode2session
 * answers {openid, session_key} for codes "code-<openid>", and errcode 40029 otherwise.
 * Access tokens: POST /cgi-bin/stable_token ({grant_type, appid, secret, force_refresh}) hands
 * out the app's stable token — the same one to every caller, with its remaining expires_in, until it
 * expires; force_refresh: true replaces it and revokes the old one — and GET /cgi-bin/token a new
 * token that revokes the previous one it handed out. Subscribe messages (POST
 * /cgi-bin/message/subscribe/send?access_token=…) with a token in force are recorded in `messages`
 * for tests to assert; any other token gets 40001.
 */
export async function startWechatStandIn(expected: { appId: string; secret: string }) {
  const calls: { path: string; query: Record<string, string> }[] = [];
  const messages: { touser: string; template_id: string; page?: string; data: Record<string, { value: string }> }[] = [];
  /** Recipients whose messages WeChat refuses, with the errcode it answers (e.g. -1 busy, 43101 not subscribed). */
  const refuse = new Map<string, number>();
  /** The bodies of POST /cgi-bin/stable_token (the secret left out). */
  const stableTokenRequests: { appid?: string; force_refresh?: boolean }[] = [];
  let tokenCount = 0;
  /** Tokens in force: the stable token and the latest GET /cgi-bin/token one. */
  let stable: { value: string; expiresAt: number } | undefined;
  let legacy: string | undefined;
  const inForce = (t: string | undefined) => !!t && ((stable?.value === t && stable.expiresAt > Date.now()) || legacy === t);
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const query = Object.fromEntries(url.searchParams);
    calls.push({ path: url.pathname, query });
    res.setHeader('Content-Type', 'application/json');
    if (url.pathname === '/cgi-bin/token') {
      if (query.grant_type !== 'client_credential' || query.appid !== expected.appId || query.secret !== expected.secret) {
        return res.end(JSON.stringify({ errcode: 40125, errmsg: 'invalid appsecret' }));
      }
      legacy = `token-${++tokenCount}`;
      return res.end(JSON.stringify({ access_token: legacy, expires_in: 7200 }));
    }
    if (url.pathname === '/cgi-bin/stable_token' && req.method === 'POST') {
      let raw = '';
      req.on('data', (c) => (raw += c));
      req.on('end', () => {
        let body: { grant_type?: string; appid?: string; secret?: string; force_refresh?: boolean };
        try {
          body = JSON.parse(raw);
        } catch {
          return res.end(JSON.stringify({ errcode: 47001, errmsg: 'data format error' }));
        }
        stableTokenRequests.push({ appid: body.appid, force_refresh: body.force_refresh });
        if (body.grant_type !== 'client_credential') return res.end(JSON.stringify({ errcode: 40002, errmsg: 'invalid grant_type' }));
        if (body.appid !== expected.appId) return res.end(JSON.stringify({ errcode: 40013, errmsg: 'invalid appid' }));
        if (body.secret !== expected.secret) return res.end(JSON.stringify({ errcode: 40125, errmsg: 'invalid appsecret' }));
        if (body.force_refresh === true || !stable || stable.expiresAt <= Date.now()) {
          stable = { value: `token-${++tokenCount}`, expiresAt: Date.now() + 7200_000 };
        }
        res.end(JSON.stringify({ access_token: stable.value, expires_in: Math.floor((stable.expiresAt - Date.now()) / 1000) }));
      });
      return;
    }
    if (url.pathname === '/cgi-bin/message/subscribe/send' && req.method === 'POST') {
      let raw = '';
      req.on('data', (c) => (raw += c));
      req.on('end', () => {
        if (!inForce(query.access_token)) return res.end(JSON.stringify({ errcode: 40001, errmsg: 'invalid credential' }));
        const message = JSON.parse(raw);
        const errcode = refuse.get(message.touser);
        if (errcode !== undefined) return res.end(JSON.stringify({ errcode, errmsg: errcode === 43101 ? 'user refuse to accept the msg' : 'system error' }));
        messages.push(message);
        res.end(JSON.stringify({ errcode: 0, errmsg: 'ok' }));
      });
      return;
    }
    if (url.pathname !== '/sns/jscode2session') {
      res.statusCode = 404;
      return res.end(JSON.stringify({ errcode: 404, errmsg: 'not found' }));
    }
    if (query.appid !== expected.appId || query.secret !== expected.secret) {
      return res.end(JSON.stringify({ errcode: 40125, errmsg: 'invalid appsecret' }));
    }
    if (query.grant_type !== 'authorization_code' || !/^code-[A-Za-z0-9_-]+$/.test(query.js_code ?? '')) {
      return res.end(JSON.stringify({ errcode: 40029, errmsg: 'invalid code' }));
    }
    res.end(JSON.stringify({ openid: `o${query.js_code.slice(5)}`, session_key: 'c2Vzc2lvbmtleQ==' }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    calls,
    stableTokenRequests,
    messages,
    refuse,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
