import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local stand-in for WeChat's API server speaking its protocol: GET /sns/jscode2session
 * answers {openid, session_key} for codes "code-<openid>", and errcode 40029 otherwise.
 * Subscribe messages (POST /cgi-bin/message/subscribe/send) are recorded for later issues.
 */
export async function startWechatStandIn(expected: { appId: string; secret: string }) {
  const calls: { path: string; query: Record<string, string> }[] = [];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const query = Object.fromEntries(url.searchParams);
    calls.push({ path: url.pathname, query });
    res.setHeader('Content-Type', 'application/json');
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
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
