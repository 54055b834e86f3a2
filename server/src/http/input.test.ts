import type Router from '@koa/router';
import { createApp } from '../app';
import { createTestApi, type TestApi } from '../../../test/support/api';
import { RAW_BODY_ROUTES } from './input';

// Issue 9 §7: bad input is refused at the edge, once, for every route — so these tests walk the
// router's own list of routes instead of naming them (a new route is covered the day it is added).

let t: TestApi;
let city: string;
let routes: { method: string; path: string; url: string }[];
const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

/** Every table's content as one fingerprint per table: "nothing changed" means these are equal. */
async function fingerprint(): Promise<Record<string, string>> {
  const tables = await t.query<{ name: string }>(`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`);
  const out: Record<string, string> = {};
  for (const { name } of tables) {
    const [row] = await t.query<{ h: string }>(`SELECT md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS h FROM "${name}" x`);
    out[name] = row.h;
  }
  return out;
}

beforeAll(async () => {
  t = await createTestApi();
  city = await t.login('city');
  const app = createApp({ database: t.database, config: t.config, log: () => undefined });
  const router = app.middleware.map((m) => (m as { router?: Router }).router).find(Boolean)!;
  routes = router.stack.flatMap((layer) =>
    typeof layer.path !== 'string'
      ? []
      : layer.methods
          .filter((m) => m !== 'HEAD')
          .map((method) => ({ method, path: layer.path as string, url: (layer.path as string).replace(/:[A-Za-z]+/g, '1') })),
  );
}, 120000);
afterAll(() => t.close());

function send(method: string, url: string) {
  const agent = t.api as unknown as Record<string, (u: string) => ReturnType<TestApi['api']['get']>>;
  return agent[method.toLowerCase()](url).set(auth(city));
}

test('the sweep sees every registered route (the 53 that gave 500 and the rest)', () => {
  expect(routes.length).toBeGreaterThanOrEqual(60);
  expect(routes).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ method: 'POST', path: '/api/auth/login' }),
      expect.objectContaining({ method: 'GET', path: '/api/households' }),
      expect.objectContaining({ method: 'POST', path: '/api/tickets/:id/:action' }),
    ]),
  );
});

describe('a control character anywhere a client can put one: 400 naming the field, nothing changed', () => {
  test('NUL in a body field, on every route with a body; NUL in filter.q and in the path, on every route', async () => {
    const before = await fingerprint();
    const failures: string[] = [];
    for (const r of routes) {
      if (r.method !== 'GET' && r.method !== 'DELETE') {
        const res = await send(r.method, r.url).send({ name: 'a\u0000b' });
        if (res.status !== 400 || res.body.error?.code !== 'CONTROL_CHARACTER' || !res.body.error.fields?.name)
          failures.push(`${r.method} ${r.path} body: ${res.status} ${JSON.stringify(res.body)}`);
        const huge = await send(r.method, r.url).send({ amountFen: 9007199254740993 });
        if (huge.status !== 400 || huge.body.error?.code !== 'NUMBER_OUT_OF_RANGE') failures.push(`${r.method} ${r.path} huge: ${huge.status}`);
      }
      const q = await send(r.method, `${r.url}?filter=${encodeURIComponent(JSON.stringify({ q: 'a\u0000b' }))}`);
      if (q.status !== 400 || q.body.error?.code !== 'CONTROL_CHARACTER' || !q.body.error.fields?.['filter.q'])
        failures.push(`${r.method} ${r.path} filter.q: ${q.status} ${JSON.stringify(q.body)}`);
      const other = await send(r.method, `${r.url}?q=%1B%5B31m`);
      if (other.status !== 400 || other.body.error?.code !== 'CONTROL_CHARACTER') failures.push(`${r.method} ${r.path} ESC in q: ${other.status}`);
      if (r.path.includes(':')) {
        const p = await send(r.method, r.path.replace(/:[A-Za-z]+/g, 'a%00b'));
        if (p.status >= 500) failures.push(`${r.method} ${r.path} NUL in path: ${p.status}`);
      }
    }
    expect(failures).toEqual([]);
    expect(await fingerprint()).toEqual(before);
  }, 300000);

  test('the unauthenticated login: 400 CONTROL_CHARACTER, not 500', async () => {
    const res = await t.api.post('/api/auth/login').send({ username: 'city\u0000', password: 'x' });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'CONTROL_CHARACTER', fields: { username: expect.stringContaining('username') } });
  });

  test.each([
    ['a nested field', { items: [{ note: 'ok' }, { note: 'x\u0007' }] }, 'items.1.note'],
    ['a key', { ['n\u0000']: 1 }, '_'],
    ['a lone surrogate', { name: 'a\ud800b' }, 'name'],
  ])('%s is refused too', async (_what, body, field) => {
    const res = await t.api.post('/api/buildings').set(auth(city)).send(body);
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toHaveProperty([field]);
  });

  test('tab, line feed and carriage return are text, not control characters', async () => {
    const [compound] = await t.query<{ id: number }>(`SELECT id FROM compounds WHERE code = 'BT0001'`);
    const res = await t.api.post('/api/buildings').set(auth(city)).send({ compoundId: compound.id, name: '9号楼\t' });
    expect(res.status).toBe(201);
  });
});

describe('a body that is not JSON: 415 before the action runs', () => {
  test('every POST/PUT/PATCH route but the file uploads refuses a text/plain body, and nothing changes', async () => {
    const before = await fingerprint();
    const failures: string[] = [];
    for (const r of routes.filter((x) => ['POST', 'PUT', 'PATCH'].includes(x.method))) {
      const raw = RAW_BODY_ROUTES.some((x) => x.method === r.method && x.path === r.path);
      for (const type of ['text/plain', 'application/x-www-form-urlencoded']) {
        const res = await send(r.method, r.url).set('Content-Type', type).send('note=x');
        // The file routes read their own stream and check its type themselves.
        const expected = raw || (res.status === 415 && res.body.error?.code === 'UNSUPPORTED_MEDIA_TYPE');
        if (!expected || res.status >= 500) failures.push(`${r.method} ${r.path} ${type}: ${res.status}`);
      }
    }
    expect(failures).toEqual([]);
    expect(await fingerprint()).toEqual(before);
  }, 300000);

  test('approving a home claim does not run on a text/plain body; the same step as JSON does', async () => {
    const resident = await t.residentToken('edge-415');
    const [home] = await t.query<{ id: number }>(`SELECT id FROM households WHERE region_code LIKE '150203001%' ORDER BY id LIMIT 1`);
    const claim = await t.api.post('/api/household-claims').set(auth(resident)).send({ householdId: home.id, name: '租户', phone: '13900000000' });
    expect(claim.body.status).toBe('pending');
    const refused = await t.api.post(`/api/household-claims/${claim.body.id}/approve`).set(auth(city)).set('Content-Type', 'text/plain').send('reason=ok');
    expect(refused.status).toBe(415);
    expect(refused.body.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect((await t.query<{ status: string }>('SELECT status FROM household_claims WHERE id = $1', [claim.body.id]))[0].status).toBe('pending');
    const ran = await t.api.post(`/api/household-claims/${claim.body.id}/approve`).set(auth(city)).send({});
    expect(ran.status).toBe(200);
    expect((await t.query<{ status: string }>('SELECT status FROM household_claims WHERE id = $1', [claim.body.id]))[0].status).toBe('verified');
  });

  test('an empty POST with no content type is still an empty JSON body (clients send those)', async () => {
    const res = await t.api.post('/api/auth/login').set('Content-Type', 'text/plain');
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
  });
});

describe('a JSON body that is not an object: 400 INVALID_BODY before the action runs', () => {
  // The attack: POST /api/users/9/unlock and /reset-totp with [1,2] or [] answered 200 and ran.
  test('every POST/PUT/PATCH route refuses an array, a string, a number and null, and nothing changes', async () => {
    const before = await fingerprint();
    const failures: string[] = [];
    for (const r of routes.filter((x) => ['POST', 'PUT', 'PATCH'].includes(x.method))) {
      if (RAW_BODY_ROUTES.some((x) => x.method === r.method && x.path === r.path)) continue;
      for (const body of ['[1,2]', '[]', '[{"reason":"x"}]', '"x"', '1', 'null']) {
        const res = await send(r.method, r.url).set('Content-Type', 'application/json').send(body);
        // A bare string, number or null is not JSON the (strict) body parser accepts: 400 INVALID_JSON before the edge check.
        const codes = body.startsWith('[') ? ['INVALID_BODY'] : ['INVALID_BODY', 'INVALID_JSON'];
        if (res.status !== 400 || !codes.includes(res.body.error?.code)) failures.push(`${r.method} ${r.path} ${body}: ${res.status} ${res.body.error?.code}`);
      }
    }
    expect(failures).toEqual([]);
    expect(await fingerprint()).toEqual(before);
  }, 300000);

  test('resetting a second factor with [] leaves it in place; with {} it runs', async () => {
    const [u] = await t.query<{ id: number; epoch: number }>(`SELECT id, session_epoch AS epoch FROM users WHERE username = 'street'`);
    const refused = await t.api.post(`/api/users/${u.id}/reset-totp`).set(auth(city)).send([]);
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe('INVALID_BODY');
    expect((await t.query<{ epoch: number }>('SELECT session_epoch AS epoch FROM users WHERE id = $1', [u.id]))[0].epoch).toBe(u.epoch);
    const ran = await t.api.post(`/api/users/${u.id}/reset-totp`).set(auth(city)).send({});
    expect(ran.status).toBe(200);
    expect((await t.query<{ epoch: number }>('SELECT session_epoch AS epoch FROM users WHERE id = $1', [u.id]))[0].epoch).toBe(u.epoch + 1);
  });
});

describe('wrong types are 400 naming the field, never coerced', () => {
  test('true is not compound 1 (it was: the building was created in compound 1)', async () => {
    const before = (await t.query<{ n: number }>('SELECT count(*)::int AS n FROM buildings'))[0].n;
    const res = await t.api.post('/api/buildings').set(auth(city)).send({ compoundId: true, name: '99号楼' });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'VALIDATION_FAILED', fields: { compoundId: expect.any(String) } });
    expect((await t.query<{ n: number }>('SELECT count(*)::int AS n FROM buildings'))[0].n).toBe(before);
  });

  test.each([[''], [null], [[]], [true]])('a project fee of %j is not 0 fen', async (bad) => {
    const [project] = await t.query<{ id: number; fee_fen_per_m_2_month: number }>('SELECT id, fee_fen_per_m_2_month FROM projects ORDER BY id LIMIT 1');
    const res = await t.api.put(`/api/projects/${project.id}`).set(auth(city)).send({ feeFenPerM2Month: bad });
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toHaveProperty(['feeFenPerM2Month']);
    expect(
      (await t.query<{ fee_fen_per_m_2_month: number }>('SELECT fee_fen_per_m_2_month FROM projects WHERE id = $1', [project.id]))[0].fee_fen_per_m_2_month,
    ).toBe(project.fee_fen_per_m_2_month);
  });

  test.each([
    ['year 0', { startDate: '0000-01-01' }, 'startDate'],
    ['year 99999', { startDate: '99999-01-01' }, 'startDate'],
    ['an id past the integer column', { compoundId: 2147483648 }, 'compoundId'],
  ])('%s is 400, not 500', async (_what, body, field) => {
    const [project] = await t.query<{ id: number }>('SELECT id FROM projects ORDER BY id LIMIT 1');
    const res = await t.api.put(`/api/projects/${project.id}`).set(auth(city)).send(body);
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toHaveProperty([field]);
  });

  test.each([['true'], ['"01"'], ['"+1"'], ['1.5'], ['99999999999'], ['"2147483648"']])('a list filter id of %s is refused', async (v) => {
    const res = await t.api.get(`/api/buildings?filter=${encodeURIComponent(`{"compoundId":${v}}`)}`).set(auth(city));
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('BAD_FILTER');
  });
});

describe('owner ID numbers: normalised, then checked (GB 11643-1999)', () => {
  // Two different people: one ID number is one owner (409 OWNER_DUPLICATE_ID_NUMBER otherwise).
  test.each([
    ['lower-case x', '11010519491231002x', '11010519491231002X'],
    ['full-width Ｘ', '15020319800101106Ｘ', '15020319800101106X'],
  ])('%s is accepted and stored as X (it was refused as "须为18位")', async (_what, idNumber, stored) => {
    const res = await t.api.post('/api/owners').set(auth(city)).send({ name: '钱测试', idNumber, regionCode: '150203001001' });
    expect(res.status).toBe(201);
    const contact = await t.api.get(`/api/owners/${res.body.id}/contact`).set(auth(city));
    expect(contact.body.idNumber).toBe(stored);
  });

  test('a wrong check digit is refused with that reason, nothing stored', async () => {
    const before = (await t.query<{ n: number }>('SELECT count(*)::int AS n FROM owners'))[0].n;
    const res = await t.api.post('/api/owners').set(auth(city)).send({ name: '孙测试', idNumber: '110105194912310021', regionCode: '150203001001' });
    expect(res.status).toBe(400);
    expect(res.body.error.fields.idNumber).toBe('身份证号校验位不正确，请核对');
    expect((await t.query<{ n: number }>('SELECT count(*)::int AS n FROM owners'))[0].n).toBe(before);
  });
});
