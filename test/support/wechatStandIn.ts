import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local stand-in for WeChat's API server speaking its protocol: GET /sns/jscode2session
 * answers {openid, session_key} for codes "code-<openid>", and errcode 40029 otherwise.
 * GET /cgi-bin/token hands out access tokens; subscribe messages (POST
 * /cgi-bin/message/subscribe/send?access_token=…) are recorded in `messages` for tests to assert.
 */
export async function startWechatStandIn(expected: { appId: string; secret: string }) {
  const calls: { path: string; query: Record<string, string> }[] = [];
  const messages: { touser: string; template_id: string; page?: string; data: Record<string, { value: string }> }[] = [];
  /** Recipients whose messages WeChat refuses, with the errcode it answers (e.g. -1 busy, 43101 not subscribed). */
  const refuse = new Map<string, number>();
  let tokenCount = 0;
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const query = Object.fromEntries(url.searchParams);
    calls.push({ path: url.pathname, query });
    res.setHeader('Content-Type', 'application/json');
    if (url.pathname === '/cgi-bin/token') {
      if (query.grant_type !== 'client_credential' || query.appid !== expected.appId || query.secret !== expected.secret) {
        return res.end(JSON.stringify({ errcode: 40125, errmsg: 'invalid appsecret' }));
      }
      return res.end(JSON.stringify({ access_token: `token-${++tokenCount}`, expires_in: 7200 }));
    }
    if (url.pathname === '/cgi-bin/message/subscribe/send' && req.method === 'POST') {
      let raw = '';
      req.on('data', (c) => (raw += c));
      req.on('end', () => {
        if (!/^token-\d+$/.test(query.access_token ?? '')) return res.end(JSON.stringify({ errcode: 40001, errmsg: 'invalid credential' }));
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
    messages,
    refuse,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
