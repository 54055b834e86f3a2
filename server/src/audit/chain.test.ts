import { Client } from 'pg';
import { createTestApi, type TestApi } from '../../../test/support/api';
import { writeAudit } from './audit';
import { sealAudit } from './chain';
import { purgeExpiredAudit } from './purge';

// Issue 17: tamper-evident audit (SM3 hash chain), retention, security events with the address.

let t: TestApi;
beforeAll(async () => {
  t = await createTestApi();
});
afterAll(() => t.close());

const bearer = async (who: string) => ({ Authorization: `Bearer ${await t.login(who)}` });
const verify = async (query = '') => {
  const res = await t.api.get(`/api/audit-logs/verify${query}`).set(await bearer('city'));
  expect(res.status).toBe(200);
  return res.body as { ok: boolean; checked: number; unsealed: number; firstBroken: { id: number; seq: number; reason: string } | null };
};
/** As a database superuser with triggers off: what someone with direct access could do. */
const asIntruder = (statement: string) => t.query(`SET session_replication_role = replica; ${statement}; SET session_replication_role = origin`);
const sealedRows = () => t.query<{ id: string; seq: string }>('SELECT id::text, seq::text FROM audit_logs WHERE seq IS NOT NULL ORDER BY audit_logs.seq');

describe('GET /api/audit-logs/verify', () => {
  test('the history written before the chain existed (the demo seed) is sealed in order and verifies: ok, every row checked', async () => {
    const [{ n }] = await t.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_logs');
    const report = await verify();
    expect(report).toMatchObject({ ok: true, firstBroken: null, unsealed: 0 });
    expect(report.checked).toBeGreaterThanOrEqual(n);
    const seqs = (await sealedRows()).map((r) => Number(r.seq));
    expect(seqs).toEqual(seqs.map((_, i) => i + 1));
  });

  test('staff other than the city admin → 403; anonymous → 401', async () => {
    for (const who of ['d150203', 'party', 'street']) {
      const res = await t.api.get('/api/audit-logs/verify').set(await bearer(who));
      expect(res.status).toBe(403);
    }
    expect((await t.api.get('/api/audit-logs/verify')).status).toBe(401);
  });

  test('bad bounds → 400 BAD_RANGE', async () => {
    const res = await t.api.get('/api/audit-logs/verify?from=yesterday').set(await bearer('city'));
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('BAD_RANGE');
  });

  test('a row whose jsonb keys come back reordered still verifies (canonical form, sorted keys)', async () => {
    await t.database.db.transaction((tx) =>
      writeAudit(tx, null, { action: 'update', entity: 'compounds', entityId: 1, after: { zzzz: 1, a: { ccc: [1, { yy: 2, x: 3 }], b: '张三' }, mm: null } }),
    );
    const [row] = await t.query<{ after: string }>(
      `SELECT after::text AS after FROM audit_logs WHERE entity = 'compounds' AND entity_id = '1' ORDER BY id DESC LIMIT 1`,
    );
    expect(row.after.indexOf('"a"')).toBeLessThan(row.after.indexOf('"zzzz"')); // jsonb's own key order, not ours
    expect(await verify()).toMatchObject({ ok: true, firstBroken: null });
  });

  test('editing one row directly in the database (triggers off) → verify names exactly that row; restored → ok again', async () => {
    await verify();
    const rows = await sealedRows();
    const victim = rows[Math.floor(rows.length / 2)];
    const [orig] = await t.query<{ actor_name: string }>('SELECT actor_name FROM audit_logs WHERE id = $1', [victim.id]);
    await asIntruder(`UPDATE audit_logs SET actor_name = '某人' WHERE id = ${Number(victim.id)}`);
    const report = await verify();
    expect(report.ok).toBe(false);
    expect(report.firstBroken).toEqual({ id: Number(victim.id), seq: Number(victim.seq), reason: 'hash_mismatch' });
    // a range that ends before the edited row still verifies; one that starts at it does not
    expect((await verify(`?to=${Number(rows[0].id)}`)).ok).toBe(true);
    expect((await verify(`?from=${victim.id}&to=${victim.id}`)).firstBroken?.id).toBe(Number(victim.id));
    await asIntruder(`UPDATE audit_logs SET actor_name = '${orig.actor_name}' WHERE id = ${Number(victim.id)}`);
    expect((await verify()).ok).toBe(true);
  });

  test("sibling: recomputing the edited row's own hash does not hide it — the next row no longer chains on it", async () => {
    const rows = await sealedRows();
    const [a, b] = rows.slice(-3, -1);
    const [orig] = await t.query<{ hash: string }>('SELECT hash FROM audit_logs WHERE id = $1', [a.id]);
    await asIntruder(`UPDATE audit_logs SET hash = repeat('a', 64) WHERE id = ${Number(a.id)}`);
    const report = await verify();
    expect(report.firstBroken).toEqual({ id: Number(a.id), seq: Number(a.seq), reason: 'hash_mismatch' });
    expect((await verify(`?from=${b.id}`)).firstBroken).toEqual({ id: Number(b.id), seq: Number(b.seq), reason: 'hash_mismatch' });
    await asIntruder(`UPDATE audit_logs SET hash = '${orig.hash}' WHERE id = ${Number(a.id)}`);
    expect((await verify()).ok).toBe(true);
  });

  test('times work as bounds too', async () => {
    const from = new Date(Date.now() - 3600_000).toISOString();
    const report = await verify(`?from=${encodeURIComponent(from)}&to=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`);
    expect(report.ok).toBe(true);
    expect(report.checked).toBeGreaterThan(0);
  });
});

describe('the chain under concurrency: rows committed out of id order', () => {
  test('a transaction holding an older audit row open: later rows wait unsealed, then both chain in order once it commits', async () => {
    const c = new Client({
      connectionString: (t.database.db as unknown as { $client: { options: { connectionString: string } } }).$client.options.connectionString,
    });
    await c.connect();
    try {
      await c.query('BEGIN');
      const [early] = (
        await c.query(`INSERT INTO audit_logs (actor_name, action, entity, entity_id) VALUES ('测试', 'create', 'tickets', 'early') RETURNING id`)
      ).rows;
      const owner = (await t.query<{ id: number }>(`SELECT id FROM owners WHERE region_code LIKE '150203%' AND phone_enc IS NOT NULL ORDER BY id LIMIT 1`))[0];
      expect((await t.api.get(`/api/owners/${owner.id}/contact`).set(await bearer('city'))).status).toBe(200);
      const during = await verify();
      expect(during.ok).toBe(true);
      expect(during.unsealed).toBeGreaterThanOrEqual(1); // the contact view's row waits for the older transaction
      await c.query('COMMIT');
      expect(await verify()).toMatchObject({ ok: true, unsealed: 0 });
      const [e] = await t.query<{ seq: string }>('SELECT seq::text FROM audit_logs WHERE id = $1', [early.id]);
      const [later] = await t.query<{ seq: string }>(
        `SELECT seq::text FROM audit_logs WHERE action = 'view_personal' AND entity_id = $1 ORDER BY id DESC LIMIT 1`,
        [String(owner.id)],
      );
      expect(Number(e.seq)).toBeLessThan(Number(later.seq));
    } finally {
      await c.end();
    }
  });

  test('20 writes in parallel while sealers run in parallel: one gap-free chain that verifies', async () => {
    const city = await bearer('city');
    const [u] = await t.query<{ id: number }>(`SELECT id FROM users WHERE username = 'community'`);
    const before = (await sealedRows()).length;
    const started = Date.now();
    const results = await Promise.all([
      ...Array.from({ length: 20 }, (_, i) =>
        t.api
          .put(`/api/users/${u.id}`)
          .set(city)
          .send({ name: `沼潭社区${i}` }),
      ),
      ...Array.from({ length: 5 }, () => sealAudit(t.database.db)),
    ]);
    const ms = Date.now() - started;
    expect(results.slice(0, 20).every((r) => (r as { status: number }).status === 200)).toBe(true);
    const report = await verify();
    expect(report).toMatchObject({ ok: true, unsealed: 0, firstBroken: null });
    const seqs = (await sealedRows()).map((r) => Number(r.seq));
    expect(seqs).toEqual(seqs.map((_, i) => i + 1));
    expect(seqs.length).toBeGreaterThanOrEqual(before + 20);
    console.log(`20 parallel audited writes with 5 sealers: ${ms} ms`);
  });
});

describe('audit rows cannot be changed or removed (网络安全法 Art. 21; retention AUDIT_RETENTION_DAYS)', () => {
  test.each(['put', 'delete'] as const)('%s /api/audit-logs/:id → 403 READ_ONLY, the row unchanged', async (method) => {
    const [row] = await t.query<{ id: string; actor_name: string }>('SELECT id::text, actor_name FROM audit_logs ORDER BY id LIMIT 1');
    const res = await t.api[method](`/api/audit-logs/${row.id}`)
      .set(await bearer('city'))
      .send({ actorName: '某人' });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('READ_ONLY');
    expect(await t.query('SELECT actor_name FROM audit_logs WHERE id = $1', [row.id])).toEqual([{ actor_name: row.actor_name }]);
  });

  test('POST /api/audit-logs → 403 READ_ONLY', async () => {
    const res = await t.api
      .post('/api/audit-logs')
      .set(await bearer('city'))
      .send({ action: 'create' });
    expect(res.status).toBe(403);
  });

  test.each([
    ['UPDATE', `UPDATE audit_logs SET actor_name = '某人' WHERE id = (SELECT min(id) FROM audit_logs)`],
    [
      "UPDATE of an unsealed row's content",
      `INSERT INTO audit_logs (actor_name, action, entity, entity_id) VALUES ('x', 'create', 'tickets', '1'); UPDATE audit_logs SET action = 'delete' WHERE seq IS NULL`,
    ],
    ['DELETE', `DELETE FROM audit_logs WHERE id = (SELECT min(id) FROM audit_logs)`],
    ['TRUNCATE', 'TRUNCATE audit_logs'],
    [
      'an INSERT of a row already sealed',
      `INSERT INTO audit_logs (actor_name, action, entity, entity_id, seq, hash) VALUES ('x', 'create', 'tickets', '1', 999999, repeat('0', 64))`,
    ],
    ['a purge under six months', 'SELECT audit_purge(182)'],
  ])('in the database, %s is refused', async (_, statement) => {
    await expect(t.query(`BEGIN; ${statement}; COMMIT`)).rejects.toThrow(
      /cannot be changed|removed only by audit_purge|sealed only by the sealer|at least 183/,
    );
    await t.query('ROLLBACK').catch(() => undefined);
  });
});

describe('security events carry the address', () => {
  test("a view of full personal data is audited with the caller's address and User-Agent", async () => {
    const owner = (
      await t.query<{ id: number }>(`SELECT id FROM owners WHERE region_code LIKE '150203%' AND phone_enc IS NOT NULL ORDER BY id DESC LIMIT 1`)
    )[0];
    const res = await t.api
      .get(`/api/owners/${owner.id}/contact`)
      .set(await bearer('d150203'))
      .set('User-Agent', `TestBrowser/1.0 ${'x'.repeat(300)}`);
    expect(res.status).toBe(200);
    const [row] = await t.query<{ ip: string; user_agent: string; actor_name: string }>(
      `SELECT ip, user_agent, actor_name FROM audit_logs WHERE action = 'view_personal' AND entity_id = $1 ORDER BY id DESC LIMIT 1`,
      [String(owner.id)],
    );
    expect(row.ip).toMatch(/127\.0\.0\.1|::1/);
    expect(row.user_agent).toMatch(/^TestBrowser\/1\.0 x+$/);
    expect(row.user_agent).toHaveLength(200);
    const listed = await t.api
      .get(`/api/audit-logs?filter=${encodeURIComponent(JSON.stringify({ action: 'view_personal', entityId: String(owner.id) }))}`)
      .set(await bearer('city'));
    expect(listed.body[0]).toMatchObject({ ip: row.ip, userAgent: row.user_agent });
  });

  test('sibling: an event with no actor (a failed sign-in) keeps the name tried and the address, and chains like any other', async () => {
    await t.database.db.transaction((tx) =>
      writeAudit(tx, null, {
        action: 'login_failed',
        entity: 'users',
        entityId: 'no-such-user',
        actorName: 'no-such-user',
        origin: { ip: '203.0.113.9', userAgent: 'curl/8' },
      }),
    );
    const [row] = await t.query(`SELECT actor_id, actor_name, ip, user_agent FROM audit_logs WHERE action = 'login_failed' ORDER BY id DESC LIMIT 1`);
    expect(row).toEqual({ actor_id: null, actor_name: 'no-such-user', ip: '203.0.113.9', user_agent: 'curl/8' });
    expect((await verify()).ok).toBe(true);
  });
});

describe("retention purge (the platform's, not the API's)", () => {
  test("rows older than the retention are removed as the chain's oldest part, with a checkpoint; the rest still verifies", async () => {
    const p = await createTestApi();
    try {
      // an old history: the clone's first 5 rows (in chain order) written 400 days ago, before sealing
      const first = await p.query<{ id: string }>('SELECT id::text FROM audit_logs ORDER BY audit_logs.tx, audit_logs.id LIMIT 5');
      expect(first).toHaveLength(5);
      await p.query(
        `SET session_replication_role = replica; UPDATE audit_logs SET at = now() - interval '400 days' WHERE id IN (${first.map((r) => r.id).join(',')})`,
      );
      await expect(purgeExpiredAudit(p.database.db, 182)).rejects.toMatchObject({ cause: { message: expect.stringMatching(/at least 183/) } });
      expect(await purgeExpiredAudit(p.database.db, 1095)).toBe(0);
      expect(await purgeExpiredAudit(p.database.db, 365)).toBe(5);
      expect(await p.query('SELECT id FROM audit_logs WHERE id IN (' + first.map((r) => r.id).join(',') + ')')).toEqual([]);
      expect(await p.query('SELECT through_seq::int, purged_rows FROM audit_checkpoints')).toEqual([{ through_seq: 5, purged_rows: 5 }]);
      const res = await p.api.get('/api/audit-logs/verify').set({ Authorization: `Bearer ${await p.login('city')}` });
      expect(res.body).toMatchObject({ ok: true, firstBroken: null });
      expect(await purgeExpiredAudit(p.database.db, 365)).toBe(0);
      await expect(p.query('DELETE FROM audit_checkpoints')).rejects.toThrow(/cannot be changed/);
    } finally {
      await p.close();
    }
  });
});

describe('deleting a row (run last: it leaves the chain broken)', () => {
  test('verify names the row after the gap', async () => {
    const rows = await sealedRows();
    const [gone, next] = rows.slice(3, 5);
    await asIntruder(`DELETE FROM audit_logs WHERE id = ${Number(gone.id)}`);
    const report = await verify();
    expect(report.ok).toBe(false);
    expect(report.firstBroken).toEqual({ id: Number(next.id), seq: Number(next.seq), reason: 'missing_before' });
    expect((await verify(`?from=${next.id}`)).firstBroken?.reason).toBe('missing_before');
  });
});
