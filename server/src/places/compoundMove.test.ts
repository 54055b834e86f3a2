import { getTableColumns, getTableName, is, Table } from 'drizzle-orm';
import * as schema from '../db/schema';
import { createTestApi, type TestApi } from '../../../test/support/api';
import { COMPOUND_SCOPED_TABLES, PROJECT_SCOPED_TABLES, REGION_TABLES_WITHOUT_COMPOUND } from './compoundMove';

/** A compound moved to another community takes every row of it along (issue 9 §8 jurisdiction; attack on issue 17). */
let t: TestApi;
let district: string;
const FROM = '150203001001';
const TO = '150203001002';
const auth = (tk: string) => ({ Authorization: `Bearer ${tk}` });
const one = async <T>(q: string, p: unknown[] = []) => (await t.query<T>(q, p))[0];

beforeAll(async () => {
  t = await createTestApi();
  district = await t.login('d150203');
  // A staff account of the destination community, as the demo's `community` account is for the origin.
  await t.query(
    `INSERT INTO users (username, name, role, region_code, password_hash, demo)
     SELECT 'community_to', '新社区', role, $1, password_hash, demo FROM users WHERE username = 'community'`,
    [TO],
  );
});
afterAll(() => t.close());

test('every table with a region code is either moved with its compound or says why not', () => {
  const scoped = new Set(COMPOUND_SCOPED_TABLES.map(getTableName));
  for (const name of [
    'tickets',
    'committees',
    'committee_members',
    'votes',
    'ballot_conflicts',
    'disclosures',
    'fund_accounts',
    'fund_ledgers',
    'fund_applications',
    'households',
    'buildings',
    'household_claims',
  ]) {
    expect(scoped).toContain(name);
  }
  const byProject = new Set(PROJECT_SCOPED_TABLES.map(getTableName));
  for (const name of ['staff', 'level_assessments', 'upgrade_plan_items', 'awards']) expect(byProject).toContain(name);
  const withRegion = (Object.values(schema) as unknown[]).filter((v): v is Table => is(v, Table) && 'regionCode' in getTableColumns(v)).map(getTableName);
  for (const name of withRegion) expect([name, scoped.has(name) || byProject.has(name) || name in REGION_TABLES_WITHOUT_COMPOUND]).toEqual([name, true]);
});

describe('PUT /api/compounds/:id with a new community moves all of the compound', () => {
  let compoundId: number;
  let ticketId: number;
  let ownerId: number;
  let ledgerId: number;
  let committeeId: number;
  let sharedOwnerId: number | undefined;
  let community: string;

  beforeAll(async () => {
    community = await t.login('community');
    ({ id: compoundId } = await one<{ id: number }>(
      `SELECT c.id FROM compounds c WHERE c.region_code = $1
         AND EXISTS (SELECT 1 FROM committees WHERE compound_id = c.id)
         AND EXISTS (SELECT 1 FROM fund_ledgers WHERE compound_id = c.id) ORDER BY c.id LIMIT 1`,
      [FROM],
    ));
    // The attack's ticket: a hotline call about a home of the compound, with the caller's phone.
    const home = await one<{ id: number }>(`SELECT id FROM households WHERE compound_id = $1 ORDER BY id LIMIT 1`, [compoundId]);
    const ticket = await t.api.post('/api/tickets').set(auth(community)).send({
      kind: 'complaint',
      category: 'security',
      against: 'company',
      description: '夜间单元门禁失灵，陌生人随意进出',
      householdId: home.id,
      channel: 'hotline',
      contactName: '李秀英',
      contactPhone: '13812345678',
    });
    expect(ticket.status).toBe(201);
    ticketId = ticket.body.id;
    ({ id: ownerId } = await one<{ id: number }>(
      `SELECT o.id FROM owners o JOIN households h ON h.owner_id = o.id AND h.compound_id = $1
        WHERE o.phone_enc IS NOT NULL AND NOT EXISTS (SELECT 1 FROM households x WHERE x.owner_id = o.id AND x.compound_id <> $1) ORDER BY o.id LIMIT 1`,
      [compoundId],
    ));
    ({ id: ledgerId } = await one<{ id: number }>(`SELECT id FROM fund_ledgers WHERE compound_id = $1 ORDER BY id LIMIT 1`, [compoundId]));
    ({ id: committeeId } = await one<{ id: number }>(`SELECT id FROM committees WHERE compound_id = $1 ORDER BY id LIMIT 1`, [compoundId]));
    // An owner who also holds a home in another compound stays where registered.
    const other = await one<{ id: number }>(`SELECT id FROM households WHERE compound_id <> $1 AND region_code = $2 ORDER BY id LIMIT 1`, [compoundId, FROM]);
    const shared = await one<{ id: number; owner_id: number }>(
      `SELECT id, owner_id FROM households WHERE compound_id = $1 AND owner_id IS NOT NULL AND owner_id <> $2 ORDER BY id LIMIT 1`,
      [compoundId, ownerId],
    );
    if (other && shared) {
      sharedOwnerId = shared.owner_id;
      await t.query(`UPDATE owners SET region_code = $2 WHERE id = $1`, [sharedOwnerId, FROM]);
      await t.query(`UPDATE households SET owner_id = $1 WHERE id = $2`, [sharedOwnerId, other.id]);
    }
    // Before the move the origin community sees them (the attack's baseline).
    expect((await t.api.get(`/api/tickets/${ticketId}/contact`).set(auth(community))).status).toBe(200);
    expect((await t.api.get(`/api/owners/${ownerId}/contact`).set(auth(community))).status).toBe(200);

    const res = await t.api.put(`/api/compounds/${compoundId}`).set(auth(district)).send({ regionCode: TO });
    expect([res.status, res.status === 200 ? null : res.body]).toEqual([200, null]);
    expect(res.body.regionCode).toBe(TO);
  });

  test("the old community gets 404 on the ticket, its caller's contact, the owner's contact, the ledger and the committee", async () => {
    for (const path of [
      `/api/tickets/${ticketId}`,
      `/api/tickets/${ticketId}/contact`,
      `/api/owners/${ownerId}/contact`,
      `/api/fund-ledgers/${ledgerId}`,
      `/api/committees/${committeeId}`,
    ]) {
      expect([path, (await t.api.get(path).set(auth(community))).status]).toEqual([path, 404]);
    }
    const accept = await t.api.post(`/api/tickets/${ticketId}/accept`).set(auth(community)).send({});
    expect([403, 404]).toContain(accept.status);
  });

  test('the new community sees them', async () => {
    const to = await t.login('community_to');
    for (const path of [
      `/api/tickets/${ticketId}`,
      `/api/tickets/${ticketId}/contact`,
      `/api/owners/${ownerId}/contact`,
      `/api/fund-ledgers/${ledgerId}`,
      `/api/committees/${committeeId}`,
    ]) {
      expect([path, (await t.api.get(path).set(auth(to))).status]).toEqual([path, 200]);
    }
  });

  test('no row of any compound-scoped table keeps the old region; tickets carry the new street and district', async () => {
    for (const table of COMPOUND_SCOPED_TABLES) {
      const name = getTableName(table);
      const { n } = await one<{ n: number }>(`SELECT count(*)::int AS n FROM "${name}" WHERE compound_id = $1 AND region_code <> $2`, [compoundId, TO]);
      expect([name, n]).toEqual([name, 0]);
    }
    for (const table of PROJECT_SCOPED_TABLES) {
      const name = getTableName(table);
      const { n } = await one<{ n: number }>(
        `SELECT count(*)::int AS n FROM "${name}" WHERE project_id IN (SELECT id FROM projects WHERE compound_id = $1) AND region_code <> $2`,
        [compoundId, TO],
      );
      expect([name, n]).toEqual([name, 0]);
    }
    expect(
      (
        await one<{ n: number }>(
          `SELECT count(*)::int AS n FROM trainings WHERE staff_id IN (SELECT s.id FROM staff s JOIN projects p ON p.id = s.project_id WHERE p.compound_id = $1) AND region_code <> $2`,
          [compoundId, TO],
        )
      ).n,
    ).toBe(0);
    expect(
      (
        await one<{ n: number }>(
          `SELECT count(*)::int AS n FROM fund_entries e JOIN fund_accounts a ON a.id = e.account_id WHERE a.compound_id = $1 AND e.region_code <> $2`,
          [compoundId, TO],
        )
      ).n,
    ).toBe(0);
    expect(
      (
        await one<{ n: number }>(
          `SELECT count(*)::int AS n FROM tickets WHERE compound_id = $1 AND (street_code <> left($2, 9) OR district_code <> left($2, 6))`,
          [compoundId, TO],
        )
      ).n,
    ).toBe(0);
    expect((await one<{ region_code: string }>(`SELECT region_code FROM owners WHERE id = $1`, [ownerId])).region_code).toBe(TO);
    if (sharedOwnerId) expect((await one<{ region_code: string }>(`SELECT region_code FROM owners WHERE id = $1`, [sharedOwnerId])).region_code).toBe(FROM);
  });

  test('one move audit row with per-table counts beside the update row; earlier audit rows keep their region', async () => {
    const moves = await t.query<{ region_code: string; before: { regionCode: string }; after: { regionCode: string; rows: Record<string, number> } }>(
      `SELECT region_code, before, after FROM audit_logs WHERE entity = 'compounds' AND entity_id = $1 AND action = 'move'`,
      [String(compoundId)],
    );
    expect(moves).toHaveLength(1);
    expect(moves[0].before.regionCode).toBe(FROM);
    expect(moves[0].after.rows.tickets).toBeGreaterThan(0);
    expect(moves[0].after.rows.fund_ledgers).toBeGreaterThan(0);
    expect(moves[0].after.rows.owners).toBeGreaterThan(0);
    expect(moves[0].after.rows.staff).toBeGreaterThan(0); // the demo company's staff on this compound's project
    expect(moves[0].after.rows.trainings).toBeGreaterThan(0);
    const updates = await one<{ n: number }>(`SELECT count(*)::int AS n FROM audit_logs WHERE entity = 'compounds' AND entity_id = $1 AND action = 'update'`, [
      String(compoundId),
    ]);
    expect(updates.n).toBe(1);
    const viewed = await one<{ region_code: string }>(
      `SELECT region_code FROM audit_logs WHERE action = 'view_personal' AND entity = 'owners' AND entity_id = $1 ORDER BY id LIMIT 1`,
      [String(ownerId)],
    );
    expect(viewed.region_code).toBe(FROM);
  });

  test('sibling: moving it back brings everything back, and a move to the same community writes no move row', async () => {
    expect((await t.api.put(`/api/compounds/${compoundId}`).set(auth(district)).send({ regionCode: FROM })).status).toBe(200);
    for (const table of COMPOUND_SCOPED_TABLES) {
      const name = getTableName(table);
      const { n } = await one<{ n: number }>(`SELECT count(*)::int AS n FROM "${name}" WHERE compound_id = $1 AND region_code <> $2`, [compoundId, FROM]);
      expect([name, n]).toEqual([name, 0]);
    }
    expect((await t.api.get(`/api/tickets/${ticketId}/contact`).set(auth(community))).status).toBe(200);
    expect((await t.api.put(`/api/compounds/${compoundId}`).set(auth(district)).send({ regionCode: FROM, name: '改名不迁移' })).status).toBe(200);
    expect(
      (
        await one<{ n: number }>(`SELECT count(*)::int AS n FROM audit_logs WHERE entity = 'compounds' AND entity_id = $1 AND action = 'move'`, [
          String(compoundId),
        ])
      ).n,
    ).toBe(2);
  });
});
