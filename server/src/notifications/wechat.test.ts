import { startWechatStandIn } from '../../../test/support/wechatStandIn';
import { testConfig } from '../../../test/support/testConfig';
import { WechatError, createWechatClient } from './wechat';

// Issue 15, more than one server: each process fetches its own WeChat access token. GET
// /cgi-bin/token revokes the token every other process holds; WeChat's stable token (POST
// /cgi-bin/stable_token, normal mode) is the same for every caller and revokes nobody's.
const creds = { appId: 'wxtest000000000002', secret: 'stable-secret' };
let wechat: Awaited<ReturnType<typeof startWechatStandIn>>;
const configFor = (secret = creds.secret) => testConfig({ WECHAT_API_BASE: wechat.baseUrl, WECHAT_APPID: creds.appId, WECHAT_SECRET: secret });
const message = (n: number) => ({ touser: `o-stable-${n}`, template_id: 'tmpl-ticket', data: { thing1: { value: `消息${n}` } } });

beforeAll(async () => {
  wechat = await startWechatStandIn(creds);
});
afterAll(() => wechat.close());

test('two server processes each fetch the stable token (normal mode), get the same one, and neither revokes the other’s', async () => {
  const [a, b] = [createWechatClient(configFor()), createWechatClient(configFor())];
  await a.sendSubscribeMessage(message(1));
  await b.sendSubscribeMessage(message(2));
  // a's cached token still works after b's fetch: no new fetch, no 40001
  await a.sendSubscribeMessage(message(3));
  expect(wechat.messages.map((m) => m.touser)).toEqual(['o-stable-1', 'o-stable-2', 'o-stable-3']);
  expect(wechat.stableTokenRequests).toEqual([
    { appid: creds.appId, force_refresh: false },
    { appid: creds.appId, force_refresh: false },
  ]);
  expect(wechat.calls.filter((c) => c.path === '/cgi-bin/token')).toEqual([]);
  const sends = wechat.calls.filter((c) => c.path === '/cgi-bin/message/subscribe/send').map((c) => c.query.access_token);
  expect(new Set(sends).size).toBe(1);
});

test('a token refreshed by force elsewhere (40001) is replaced once by asking for the current one, never by forcing again', async () => {
  const a = createWechatClient(configFor());
  await a.sendSubscribeMessage(message(4));
  const forced = await fetch(`${wechat.baseUrl}/cgi-bin/stable_token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ grant_type: 'client_credential', appid: creds.appId, secret: creds.secret, force_refresh: true }),
  }).then((r) => r.json() as Promise<{ access_token: string }>);
  const before = wechat.stableTokenRequests.length;
  await a.sendSubscribeMessage(message(5));
  expect(wechat.messages.at(-1)!.touser).toBe('o-stable-5');
  expect(wechat.stableTokenRequests.slice(before)).toEqual([{ appid: creds.appId, force_refresh: false }]);
  expect(wechat.calls.filter((c) => c.path === '/cgi-bin/message/subscribe/send').at(-1)!.query.access_token).toBe(forced.access_token);
});

test('a wrong secret is WeChat’s refusal (WechatError 40125), and nothing is sent', async () => {
  const sent = wechat.messages.length;
  await expect(createWechatClient(configFor('wrong-secret')).sendSubscribeMessage(message(6))).rejects.toEqual(expect.any(WechatError));
  await expect(createWechatClient(configFor('wrong-secret')).sendSubscribeMessage(message(6))).rejects.toMatchObject({ errcode: 40125 });
  expect(wechat.messages.length).toBe(sent);
});
