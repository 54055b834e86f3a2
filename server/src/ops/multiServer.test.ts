import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { createTestDatabase } from '../../../test/support/pg';
import { DEMO_PASSWORD } from '../../../test/support/testConfig';
import { startWechatStandIn } from '../../../test/support/wechatStandIn';
import { xlsxFromRecords } from '../party/xlsxFixtures';
import { freePort } from '../../../test/support/freePort';

/**
 * Issue 15, "more than one server": two server processes, each started as `npm start` starts it
 * (tsx server/src/main.ts) on its own port, on ONE real PostgreSQL, serving a mixed workload at
 * once. Nothing may live in only one process's memory: a preview started on one is committed on the
 * other, ballots go through both and both read the same tally, an export job asked of one downloads
 * from the other, and a periodic step both tick runs once per interval. Every answer must be what
 * the workload expects — no 5xx, no error logged.
 */
jest.setTimeout(180_000);

const root = path.resolve(__dirname, '../../..');
const SECRETS = { JWT_SECRET: 'multi-server-jwt-secret-0123456789ab', FUND_PAYMENT_SECRET: 'multi-server-payment-secret-0123456789' };
const WECHAT = { appId: 'wxtest000000000001', secret: 'test-secret' };
const PURPOSE = JSON.stringify({ kind: 'statistics', detail: '多实例核对' });

interface Server {
  base: string;
  proc: ChildProcess;
  output: string[];
}

let db: Awaited<ReturnType<typeof createTestDatabase>>;
let wechat: Awaited<ReturnType<typeof startWechatStandIn>>;
let dataDir: string;
let servers: Server[] = [];
const answers: { server: number; method: string; path: string; status: number }[] = [];

async function startServer(port: number): Promise<Server> {
  const proc = spawn(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), path.join(root, 'server/src/main.ts')], {
    cwd: root,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: 'test',
      DATABASE_URL: db.url,
      HOST: '127.0.0.1',
      PORT: String(port),
      // One data folder for both, as a shared volume would be: exports (and uploads) written by one are read by the other.
      DATA_DIR: dataDir,
      SEED_DEMO: '0',
      DEV_LOGIN: '1',
      DEMO_PASSWORD,
      // The template database's personal data is encrypted under the tests' key; every process must share it and the JWT secret.
      ENCRYPTION_KEY: 'test-only-encryption-key-0123456789abcdef',
      ...SECRETS,
      WECHAT_API_BASE: wechat.baseUrl,
      WECHAT_APPID: WECHAT.appId,
      WECHAT_SECRET: WECHAT.secret,
      EXPORT_JOB_THRESHOLD_ROWS: '20',
      JOBS_POLL_INTERVAL_SECONDS: '0.5',
      // A periodic step both processes tick every second: one run per second is stored across them.
      NOTIFY_DISPATCH_INTERVAL_SECONDS: '1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  proc.stdout!.on('data', (d) => output.push(String(d)));
  proc.stderr!.on('data', (d) => output.push(String(d)));
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (proc.exitCode !== null) throw new Error(`server on ${port} exited ${proc.exitCode}:\n${output.join('')}`);
    const ok = await fetch(`${base}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return { base, proc, output };
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`server on ${port} did not start:\n${output.join('')}`);
}

beforeAll(async () => {
  db = await createTestDatabase();
  wechat = await startWechatStandIn(WECHAT);
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bt-multi-'));
  const ports = [await freePort(), await freePort()];
  // Both start at once, as a deployment does: one migrates while the other waits (main.ts).
  servers = await Promise.all(ports.map(startServer));
});

afterAll(async () => {
  await Promise.all(
    servers.map(
      (s) =>
        new Promise<void>((resolve) => {
          if (s.proc.exitCode !== null) return resolve();
          s.proc.once('exit', () => resolve());
          s.proc.kill('SIGTERM');
        }),
    ),
  );
  await wechat?.close();
  await db?.drop();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

/** One API call to server `i` (0 or 1); every answer is recorded for the no-5xx check. */
async function call(
  i: number,
  method: string,
  url: string,
  token?: string,
  body?: unknown,
): Promise<{ status: number; body: any; headers: Headers; bytes?: Buffer }> {
  const init: RequestInit = { method, headers: { ...(token ? { Authorization: `Bearer ${token}` } : {}) } };
  if (body instanceof FormData) init.body = body;
  else if (body !== undefined) {
    init.body = JSON.stringify(body);
    (init.headers as Record<string, string>)['Content-Type'] = 'application/json';
  }
  const res = await fetch(servers[i].base + url, init);
  answers.push({ server: i, method, path: url, status: res.status });
  const type = res.headers.get('content-type') ?? '';
  if (type.includes('json')) return { status: res.status, body: await res.json(), headers: res.headers };
  const bytes = Buffer.from(await res.arrayBuffer());
  return { status: res.status, body: undefined, headers: res.headers, bytes };
}

async function query<T>(text: string, params: unknown[] = []): Promise<T[]> {
  const c = new Client({ connectionString: db.url });
  await c.connect();
  try {
    return (await c.query(text, params)).rows as T[];
  } finally {
    await c.end();
  }
}

async function staffToken(i: number, username: string): Promise<string> {
  const res = await call(i, 'POST', '/api/auth/login', undefined, { username, password: DEMO_PASSWORD });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.token;
}

/** A resident signed in through WeChat on server `i`, with `householdId` bound (owner's name and phone given). */
async function resident(i: number, openid: string, householdId: number, cityToken: string): Promise<string> {
  const login = await call(i, 'POST', '/api/auth/wechat', undefined, { code: `code-${openid}` });
  expect(login.status).toBe(200);
  const [home] = await query<{ owner_id: number; name: string }>(
    'SELECT h.owner_id, o.name FROM households h JOIN owners o ON o.id = h.owner_id WHERE h.id = $1',
    [householdId],
  );
  const contact = await call(1 - i, 'GET', `/api/owners/${home.owner_id}/contact`, cityToken);
  const claim = await call(1 - i, 'POST', '/api/household-claims', login.body.token, { householdId, name: home.name, phone: contact.body.phone });
  expect(claim.body.status).toBe('verified');
  return login.body.token;
}

async function until<T>(what: string, read: () => Promise<T>, done: (v: T) => boolean): Promise<T> {
  for (let k = 0; k < 240; k++) {
    const v = await read();
    if (done(v)) return v;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${what} never finished`);
}

const total = (res: { headers: Headers }) => Number(res.headers.get('content-range')?.split('/')[1]);

test('two server processes on one PostgreSQL serve a mixed workload with no error and the same answers', async () => {
  // A token issued by one process is good on the other (shared JWT secret, session epoch in the database).
  const city = await staffToken(0, 'city');
  const party = await staffToken(1, 'party');
  const community = await staffToken(0, 'community');
  const [compound] = await query<{ id: number }>(`SELECT id FROM compounds WHERE code = 'BT0001'`);
  const [memberHome] = await query<{ id: number }>(
    `SELECT h.id FROM households h JOIN committee_members m ON m.owner_id = h.owner_id AND m.compound_id = h.compound_id
       JOIN committees k ON k.id = m.committee_id AND k.status = 'in_office' WHERE h.compound_id = $1 ORDER BY h.id LIMIT 1`,
    [compound.id],
  );
  const homes = await query<{ id: number }>(
    `SELECT h.id FROM households h WHERE h.compound_id = $1 AND h.owner_id IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM committee_members m WHERE m.owner_id = h.owner_id) ORDER BY h.id DESC LIMIT 6`,
    [compound.id],
  );
  const member = await resident(0, 'multi-member', memberHome.id, city);
  const voters = await Promise.all(homes.map((h, k) => resident(k % 2, `multi-voter-${k}`, h.id, city)));
  const opened = await call(1, 'POST', '/api/votes', member, {
    compoundId: compound.id,
    title: '多实例表决',
    matter: 'hire_dismiss_company',
    closesAt: new Date(Date.now() + 7 * 86400000).toISOString(),
    status: 'open',
  });
  expect(opened.status).toBe(201);
  const voteId = opened.body.id as number;
  const [org] = await query<{ name: string; company: string }>(
    `SELECT o.name, c.name AS company FROM party_orgs o JOIN companies c ON c.id = o.company_id WHERE o.setting = 'company' ORDER BY o.id LIMIT 1`,
  );
  const ticketsBefore = Number((await query<{ n: string }>('SELECT count(*) AS n FROM tickets'))[0].n);

  // The mixed workload, all at once, alternating between the two processes.
  const filing = homes.map((h, k) =>
    call(k % 2, 'POST', '/api/tickets', voters[k], {
      householdId: h.id,
      kind: 'repair',
      category: 'plumbing',
      description: `多实例报修${k}：厨房水管漏水`,
      preferredTime: '今天下午',
    }),
  );
  const ballots = homes.map((h, k) =>
    call((k + 1) % 2, 'POST', `/api/votes/${voteId}/ballots`, voters[k], { householdId: h.id, choice: k < 4 ? 'agree' : 'disagree' }),
  );
  const lists = [0, 1, 0, 1].map((i, k) =>
    call(
      i,
      'GET',
      `/api/${k % 2 ? 'tickets' : 'households'}?range=${encodeURIComponent('[0,24]')}&sort=${encodeURIComponent('["id","ASC"]')}`,
      k < 2 ? city : community,
    ),
  );
  const form = new FormData();
  form.append('kind', 'members');
  const sheet = await xlsxFromRecords(
    ['多实例甲', '多实例乙', '多实例丙'].map((name) => ({
      姓名: name,
      性别: '女',
      入党日期: '2015-07-01',
      所在党组织: org.name,
      身份: '企业员工',
      工作单位: org.company,
      小区编码: '',
      社区代码: '',
      手机号: '',
    })),
    ['姓名', '性别', '入党日期', '所在党组织', '身份', '工作单位', '小区编码', '社区代码', '手机号'],
  );
  form.append('file', new Blob([sheet]), 'members.xlsx');
  const importing = call(0, 'POST', '/api/party-imports', party, form);
  const exporting = call(0, 'GET', `/api/households.xlsx?purpose=${encodeURIComponent(PURPOSE)}`, community);
  const [filed, cast, listed, imported, exported] = await Promise.all([Promise.all(filing), Promise.all(ballots), Promise.all(lists), importing, exporting]);

  expect(filed.map((r) => r.status)).toEqual(homes.map(() => 201));
  expect(Number((await query<{ n: string }>('SELECT count(*) AS n FROM tickets'))[0].n)).toBe(ticketsBefore + homes.length);
  expect(cast.map((r) => r.status)).toEqual(homes.map(() => 201));
  expect(listed.map((r) => r.status)).toEqual([200, 200, 200, 200]);

  // The same list through either process: the same rows.
  const households = await Promise.all(
    [0, 1].map((i) => call(i, 'GET', `/api/households?range=${encodeURIComponent('[0,9]')}&sort=${encodeURIComponent('["id","ASC"]')}`, community)),
  );
  expect(total(households[0])).toBe(total(households[1]));
  expect(households[0].body.map((h: { id: number }) => h.id)).toEqual(households[1].body.map((h: { id: number }) => h.id));
  const queues = await Promise.all(
    [0, 1].map((i) => call(i, 'GET', `/api/tickets?range=${encodeURIComponent('[0,9]')}&sort=${encodeURIComponent('["id","DESC"]')}`, city)),
  );
  expect(total(queues[0])).toBe(total(queues[1]));
  expect(queues[0].body.map((x: { id: number }) => x.id)).toEqual(queues[1].body.map((x: { id: number }) => x.id));

  // The party import: previewed on one process, read and committed on the other, refused a second time on the first.
  expect(imported.status).toBe(202);
  const preview = await until(
    'the preview',
    () => call(1, 'GET', `/api/party-imports/${imported.body.id}`, party),
    (r) => r.body.status !== 'validating',
  );
  expect(preview.body).toMatchObject({ status: 'ready', counts: { total: 3, valid: 3, invalid: 0 } });
  const committed = await call(1, 'POST', `/api/party-imports/${imported.body.id}/commit`, party, {});
  expect(committed.body).toMatchObject({ status: 'committed', committed: 3 });
  expect((await call(0, 'POST', `/api/party-imports/${imported.body.id}/commit`, party, {})).body.error.code).toBe('IMPORT_ALREADY_COMMITTED');
  expect(await query(`SELECT 1 FROM party_members WHERE name LIKE '多实例%'`)).toHaveLength(3);

  // The tally through both, then a changed ballot through one is seen through the other (each process's cache is keyed by the ballots).
  const tallies = await Promise.all([0, 1, 0, 1].map((i) => call(i, 'GET', `/api/votes/${voteId}/result`, city)));
  for (const r of tallies) expect(r.body).toMatchObject({ participatedOwners: homes.length, agreeOwners: 4 });
  expect(tallies[1].body).toEqual(tallies[0].body);
  expect((await call(1, 'POST', `/api/votes/${voteId}/ballots`, voters[5], { householdId: homes[5].id, choice: 'agree' })).status).toBe(201);
  for (const i of [0, 1])
    expect((await call(i, 'GET', `/api/votes/${voteId}/result`, city)).body).toMatchObject({ participatedOwners: homes.length, agreeOwners: 5 });

  // The export: asked of one process (a job, above the threshold), followed and downloaded on the other.
  expect(exported.status).toBe(202);
  const job = await until(
    'the export job',
    () => call(1, 'GET', `/api/jobs/${exported.body.jobId}`, community),
    (r) => r.body.state === 'completed' || r.body.state === 'failed',
  );
  expect(job.body).toMatchObject({ state: 'completed', result: { rowCount: exported.body.rowCount } });
  const file = await call(1, 'GET', job.body.result.downloadUrl, community);
  expect(file.status).toBe(200);
  expect(file.bytes!.subarray(0, 2).toString()).toBe('PK');

  // Periodic steps: both processes tick, but each slot of the interval holds one run (jobs/queue.ts every()).
  // Waited for rather than assumed: on a fast run the workload above ends within two 1-second slots.
  const runs = await until(
    'three periodic slots',
    () =>
      query<{ slot: string | null; n: number }>(
        `SELECT singleton_on::text AS slot, count(*)::int AS n FROM pgboss.job WHERE name = 'notifications.dispatch' GROUP BY 1`,
      ),
    (r) => r.length > 2,
  );
  expect(runs.filter((r) => r.slot === null || r.n > 1)).toEqual([]);

  // No request failed on the server's side, and neither process logged an error.
  expect(answers.filter((a) => a.status >= 500)).toEqual([]);
  for (const s of servers)
    expect(
      s.output
        .join('')
        .split('\n')
        .filter((line) => /"level":50|unhandled error/.test(line)),
    ).toEqual([]);
});
