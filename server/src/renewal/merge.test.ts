import { getTableName } from 'drizzle-orm';
import { createTestApi, type TestApi } from '../../../test/support/api';
import { fundInvariantBreaks } from '../../../test/support/fundInvariant';
import { COMPOUND_SCOPED_TABLES } from '../places/compoundMove';
import { MERGE_KEEPS, MERGED_TABLES } from './merge';

/** Issue 11 management areas: a compound merged into its neighbour (DOMAIN.md §4). */
let t: TestApi;
let district: string;
const auth = (tk: string) => ({ Authorization: `Bearer ${tk}` });
const one = async <T>(q: string, p: unknown[] = []) => (await t.query<T>(q, p))[0];
const merge = (id: number, targetCompoundId: unknown, token = district) =>
  t.api.post(`/api/compounds/${id}/merge-into`).set(auth(token)).send({ targetCompoundId });

/** Compounds of 昆都仑区 (150203) with fund ledgers and nothing open, so a merge may go through. */
async function mergeable(n: number, notIn: number[] = []): Promise<number[]> {
  const rows = await t.query<{ id: number }>(
    `SELECT c.id FROM compounds c WHERE c.region_code LIKE '150203%' AND c.retired_at IS NULL AND NOT (c.id = ANY($1::int[]))
        AND EXISTS (SELECT 1 FROM fund_ledgers l WHERE l.compound_id = c.id AND l.balance_fen > 0)
        AND NOT EXISTS (SELECT 1 FROM votes v WHERE v.compound_id = c.id AND v.status <> 'closed')
        AND NOT EXISTS (SELECT 1 FROM fund_applications a WHERE a.compound_id = c.id AND a.status NOT IN ('disbursed', 'rejected'))
      ORDER BY c.id LIMIT $2`,
    [notIn, n],
  );
  return rows.map((r) => r.id);
}
/** What a refused merge must leave as it was. */
const snapshot = (ids: number[]) =>
  t.query(
    `SELECT c.id, c.retired_at, c.total_area, (SELECT count(*) FROM buildings b WHERE b.compound_id = c.id) AS buildings,
            (SELECT count(*) FROM households h WHERE h.compound_id = c.id) AS homes, (SELECT balance_fen FROM fund_accounts a WHERE a.compound_id = c.id) AS fund
       FROM compounds c WHERE c.id = ANY($1::int[]) ORDER BY c.id`,
    [ids],
  );

beforeAll(async () => {
  t = await createTestApi();
  district = await t.login('d150203');
});
afterAll(() => t.close());

test('every compound-scoped table either moves with the merged homes or says why it stays', () => {
  const names = COMPOUND_SCOPED_TABLES.map(getTableName);
  for (const name of ['buildings', 'units', 'households', 'household_claims', 'fund_ledgers', 'tickets'])
    expect(MERGED_TABLES.map(getTableName)).toContain(name);
  for (const name of Object.keys(MERGE_KEEPS)) expect(names).toContain(name);
});

describe('refusals: 4xx with a code, nothing changed', () => {
  let a: number;
  let b: number;
  beforeAll(async () => {
    [a, b] = await mergeable(2);
  });

  test.each<[string, () => Promise<[number, unknown, string?]>, number, string]>([
    ['into itself', async () => [a, a], 400, 'MERGE_INTO_ITSELF'],
    [
      'across districts',
      async () => [a, (await one<{ id: number }>(`SELECT id FROM compounds WHERE region_code LIKE '150204%' ORDER BY id LIMIT 1`)).id],
      400,
      'MERGE_ACROSS_DISTRICTS',
    ],
    ['a target that does not exist', async () => [a, 2147483000], 400, 'VALIDATION_FAILED'],
    ['a target that is not an id', async () => [a, '12'], 400, 'VALIDATION_FAILED'],
    ['by another district’s staff', async () => [a, b, await t.login('d150204')], 403, 'OUT_OF_JURISDICTION'],
    ['by street staff', async () => [a, b, await t.login('street')], 403, 'ROLE_FORBIDDEN'],
  ])('%s', async (_n, args, status, code) => {
    const [id, target, token] = await args();
    const before = await snapshot([a, b]);
    const res = await merge(id, target, token);
    expect([res.status, res.body.error?.code]).toEqual([status, code]);
    expect(await snapshot([a, b])).toEqual(before);
  });

  test('a compound with an open vote', async () => {
    const { id: voteId } = await one<{ id: number }>(
      `INSERT INTO votes (compound_id, region_code, title, matter, closes_at, status) SELECT id, region_code, '测试表决', 'other', now() + interval '7 days', 'open' FROM compounds WHERE id = $1 RETURNING id`,
      [a],
    );
    const before = await snapshot([a, b]);
    const res = await merge(a, b);
    expect([res.status, res.body.error?.code]).toEqual([409, 'OPEN_VOTES']);
    expect(await snapshot([a, b])).toEqual(before);
    await t.query(`UPDATE votes SET status = 'closed', closed_at = now() WHERE id = $1`, [voteId]);
  });

  test('a compound with an open fund application', async () => {
    const { id: appId } = await one<{ id: number }>(
      `INSERT INTO fund_applications (compound_id, account_id, region_code, title, items, budget_fen, contractor, scope_type, status)
       SELECT c.id, f.id, c.region_code, '屋面防水', '[{"name":"屋面防水","budgetFen":100000}]', 100000, '某施工单位', 'compound', 'under_review'
         FROM compounds c JOIN fund_accounts f ON f.compound_id = c.id WHERE c.id = $1 RETURNING id`,
      [a],
    );
    const before = await snapshot([a, b]);
    const res = await merge(a, b);
    expect([res.status, res.body.error?.code]).toEqual([409, 'OPEN_FUND_APPLICATIONS']);
    expect(await snapshot([a, b])).toEqual(before);
    await t.query(`UPDATE fund_applications SET status = 'rejected' WHERE id = $1`, [appId]);
  });
});

describe('a merge moves the homes, claims and ledgers, keeps every fen, and retires the old compound', () => {
  let source: number;
  let target: number;
  let before: { buildings: number; homes: number; claims: number; fund: number; targetHomes: number; targetClaims: number; area: string; targetArea: string };
  let closedVoteId: number;
  let claimId: number;
  let result: { status: number; body: any };

  beforeAll(async () => {
    [source, target] = await mergeable(2);
    // A closed vote of the old compound stays its history.
    ({ id: closedVoteId } = await one<{ id: number }>(
      `INSERT INTO votes (compound_id, region_code, title, matter, closes_at, status, closed_at) SELECT id, region_code, '往年表决', 'other', now() - interval '1 day', 'closed', now() FROM compounds WHERE id = $1 RETURNING id`,
      [source],
    ));
    // A building name both compounds use.
    const { name } = await one<{ name: string }>(`SELECT name FROM buildings WHERE compound_id = $1 ORDER BY id LIMIT 1`, [target]);
    await t.query(`UPDATE buildings SET name = $2 WHERE id = (SELECT id FROM buildings WHERE compound_id = $1 ORDER BY id LIMIT 1)`, [source, name]);
    // A resident's verified claim on a home of the old compound: it goes with the home.
    await t.residentToken('merge-claimant');
    ({ id: claimId } = await one<{ id: number }>(
      `INSERT INTO household_claims (user_id, household_id, compound_id, region_code, name, phone_enc, phone_masked, status)
       SELECT u.id, h.id, h.compound_id, h.region_code, '王建国', 'x', '138****0000', 'verified' FROM users u, households h
        WHERE u.openid = 'omerge-claimant' AND h.compound_id = $1 ORDER BY h.id LIMIT 1 RETURNING id`,
      [source],
    ));
    const n = async (q: string, id: number) => Number((await one<{ n: string }>(q, [id])).n);
    before = {
      buildings: await n(`SELECT count(*) AS n FROM buildings WHERE compound_id = $1`, source),
      homes: await n(`SELECT count(*) AS n FROM households WHERE compound_id = $1`, source),
      claims: await n(`SELECT count(*) AS n FROM household_claims WHERE compound_id = $1`, source),
      targetHomes: await n(`SELECT count(*) AS n FROM households WHERE compound_id = $1`, target),
      targetClaims: await n(`SELECT count(*) AS n FROM household_claims WHERE compound_id = $1`, target),
      fund: await n(`SELECT sum(balance_fen) AS n FROM fund_accounts WHERE compound_id = ANY(ARRAY[$1, ${target}])`, source),
      area: (await one<{ a: string }>(`SELECT total_area AS a FROM compounds WHERE id = $1`, [source])).a,
      targetArea: (await one<{ a: string }>(`SELECT total_area AS a FROM compounds WHERE id = $1`, [target])).a,
    };
    expect(before.homes).toBeGreaterThan(0);
    expect(await fundInvariantBreaks(t)).toEqual([]);
    result = await merge(source, target);
  });

  test('200 with the moved rows and the fund total before and after', () => {
    expect([result.status, result.status === 200 ? null : result.body]).toEqual([200, null]);
    expect(result.body.rows.households).toBe(before.homes);
    expect(result.body.fund.beforeFen).toBe(before.fund);
    expect(result.body.fund.afterFen).toBe(before.fund);
  });

  test('buildings, households and claims are now the neighbour’s; the clashing building took the old name as prefix', async () => {
    expect((await one<{ n: number }>(`SELECT count(*)::int AS n FROM households WHERE compound_id = $1`, [source])).n).toBe(0);
    expect((await one<{ n: number }>(`SELECT count(*)::int AS n FROM households WHERE compound_id = $1`, [target])).n).toBe(before.targetHomes + before.homes);
    expect((await one<{ n: number }>(`SELECT count(*)::int AS n FROM buildings WHERE compound_id = $1`, [source])).n).toBe(0);
    expect((await one<{ n: number }>(`SELECT count(*)::int AS n FROM household_claims WHERE compound_id = $1`, [source])).n).toBe(0);
    expect((await one<{ n: number }>(`SELECT count(*)::int AS n FROM household_claims WHERE compound_id = $1`, [target])).n).toBe(
      before.targetClaims + before.claims,
    );
    expect(before.claims).toBeGreaterThan(0);
    expect(await one<{ compound_id: number; status: string }>(`SELECT compound_id, status FROM household_claims WHERE id = $1`, [claimId])).toEqual({
      compound_id: target,
      status: 'verified',
    });
    const { name: sourceName } = await one<{ name: string }>(`SELECT name FROM compounds WHERE id = $1`, [source]);
    expect(
      (await one<{ n: number }>(`SELECT count(*)::int AS n FROM buildings WHERE compound_id = $1 AND name LIKE $2`, [target, `${sourceName}%`])).n,
    ).toBeGreaterThanOrEqual(1);
    for (const table of MERGED_TABLES) {
      const name = getTableName(table);
      expect([name, (await one<{ n: number }>(`SELECT count(*)::int AS n FROM "${name}" WHERE compound_id = $1`, [source])).n]).toEqual([name, 0]);
    }
  });

  test('not a fen lost: the receiving account holds both, and every account reconciles', async () => {
    const { id: accountId } = await one<{ id: number }>(`SELECT id FROM fund_accounts WHERE compound_id = $1`, [target]);
    const rec = await t.api.get(`/api/fund-accounts/${accountId}/reconciliation`).set(auth(district));
    expect(rec.status).toBe(200);
    expect(rec.body.accountBalanceFen).toBe(before.fund);
    expect(rec.body.differenceFen).toBe(0);
    expect(rec.body.entrySumFen).toBe(before.fund);
    expect(rec.body.mismatches).toEqual([]);
    expect(await fundInvariantBreaks(t)).toEqual([]);
  });

  test('the old compound is a retired record pointing at the new one: readable, not in active lists, refusing writes', async () => {
    const got = await t.api.get(`/api/compounds/${source}`).set(auth(district));
    expect(got.status).toBe(200);
    expect(got.body.retiredIntoCompoundId).toBe(target);
    expect(got.body.retiredAt).toBeTruthy();
    const active = await t.api
      .get('/api/compounds')
      .query({ filter: JSON.stringify({ retired: false, id: [source, target] }) })
      .set(auth(district));
    expect(active.body.map((c: { id: number }) => c.id)).toEqual([target]);
    const retired = await t.api
      .get('/api/compounds')
      .query({ filter: JSON.stringify({ retired: true, id: [source] }) })
      .set(auth(district));
    expect(retired.body.map((c: { id: number }) => c.id)).toEqual([source]);
    const put = await t.api.put(`/api/compounds/${source}`).set(auth(district)).send({ name: '改名' });
    expect([put.status, put.body.error?.code]).toEqual([409, 'COMPOUND_RETIRED']);
    const building = await t.api.post('/api/buildings').set(auth(district)).send({ compoundId: source, name: '新楼' });
    expect([building.status, building.body.error?.code]).toEqual([409, 'COMPOUND_RETIRED']);
    const area = await one<{ a: string }>(`SELECT total_area AS a FROM compounds WHERE id = $1`, [target]);
    expect(Math.round(Number(area.a) * 100)).toBe(Math.round(Number(before.area) * 100) + Math.round(Number(before.targetArea) * 100));
  });

  test('votes of the old compound stay its history; one merge audit row', async () => {
    expect((await one<{ compound_id: number }>(`SELECT compound_id FROM votes WHERE id = $1`, [closedVoteId])).compound_id).toBe(source);
    const audits = await t.query<{ after: { retiredIntoCompoundId: number } }>(
      `SELECT after FROM audit_logs WHERE action = 'merge' AND entity = 'compounds' AND entity_id = $1`,
      [String(source)],
    );
    expect(audits).toHaveLength(1);
    expect(audits[0].after.retiredIntoCompoundId).toBe(target);
  });

  test('merging it again, or into it, is refused', async () => {
    const again = await merge(source, target);
    expect([again.status, again.body.error?.code]).toEqual([409, 'COMPOUND_RETIRED']);
    const [other] = await mergeable(1, [source, target]);
    const into = await merge(other, source);
    expect([into.status, into.body.error?.code]).toEqual([409, 'COMPOUND_RETIRED']);
    expect(into.body.error.fields.targetCompoundId).toBeTruthy();
  });
});

test('20 merges of one compound at once: exactly one goes through', async () => {
  const [source, target] = await mergeable(2);
  const results = await Promise.all(Array.from({ length: 20 }, () => merge(source, target)));
  const statuses = results.map((r) => r.status).sort();
  expect(statuses.filter((s) => s === 200)).toHaveLength(1);
  expect(results.filter((r) => r.status !== 200).map((r) => r.body.error?.code)).toEqual(Array(19).fill('COMPOUND_RETIRED'));
  expect((await one<{ n: number }>(`SELECT count(*)::int AS n FROM audit_logs WHERE action = 'merge' AND entity_id = $1`, [String(source)])).n).toBe(1);
  expect(await fundInvariantBreaks(t)).toEqual([]);
});
