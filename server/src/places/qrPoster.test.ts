import { createTestApi, type TestApi } from '../../../test/support/api';
import { labelledQrSvg } from './qrPoster';

// Issue 16 §4: the downloadable QR code carries the compound's name and code under it, ready to print.
let t: TestApi;
beforeAll(async () => {
  t = await createTestApi();
});
afterAll(() => t.close());

test('GET /api/compounds/:id/qrcode?format=svg is the printable code with the name and code under it', async () => {
  const [c] = await t.query<{ id: number; name: string; code: string }>(`SELECT id, name, code FROM compounds WHERE code = 'BT0001'`);
  const res = await t.api
    .get(`/api/compounds/${c.id}/qrcode?format=svg`)
    .set('Authorization', `Bearer ${await t.login('community')}`)
    .buffer(true);
  expect(res.status).toBe(200);
  expect(res.headers['content-type']).toMatch(/^image\/svg\+xml/);
  expect(res.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent(`${c.name}（BT0001）扫码入驻二维码.svg`)}`);
  const svg = String(res.body instanceof Buffer ? res.body.toString('utf8') : res.text);
  expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  expect(svg).toContain(`>${c.name}</text>`);
  expect(svg).toContain('>小区编码：BT0001</text>');
  // The QR code itself, nested and placed above the text.
  expect(svg).toMatch(/<svg x="40" y="20" width="520" height="520" [^>]*viewBox="0 0 \d+ \d+"/);
});

test('a name that is markup is written as text', async () => {
  const svg = await labelledQrSvg('https://example.test/h5', '<b>花园&"一期"\u0007', 'BT9');
  expect(svg).toContain('>&lt;b&gt;花园&amp;&quot;一期&quot;</text>');
});
