import { sql } from 'drizzle-orm';
import { CLAIM_STATUSES, type ClaimStatus } from '@baotou/shared';
import { createTestApi, type TestApi } from '../../../test/support/api';
import { unclaimedHomes } from '../../../test/support/residents';
import { heldHomeIds, holdsHome, isResidentOf, residentCompoundIds, residentHomeIds, verifiedHome } from './residentHomes';

/** Which claims grant a resident the home (shared/src/places/enums.ts: only a verified one), through every helper that asks. */
const GRANTS: [ClaimStatus, boolean][] = [
  ['pending', false],
  ['verified', true],
  ['rejected', false],
  ['revoked', false],
  ['withdrawn', false],
];

let t: TestApi;
let compoundId: number;
const claimants: { status: ClaimStatus; userId: number; householdId: number }[] = [];

beforeAll(async () => {
  t = await createTestApi();
  [{ id: compoundId }] = await t.query<{ id: number }>(`SELECT id FROM compounds WHERE code = 'BT0001'`);
  const nextHome = unclaimedHomes(t, compoundId);
  for (const [status] of GRANTS) {
    await t.residentToken(`resident-homes-${status}`);
    const [{ id: userId }] = await t.query<{ id: number }>(`SELECT id FROM users WHERE openid = $1`, [`oresident-homes-${status}`]);
    const home = await nextHome();
    await t.query(
      `INSERT INTO household_claims (user_id, household_id, compound_id, region_code, name, phone_enc, phone_masked, status)
       SELECT $1, h.id, h.compound_id, h.region_code, '测试住户', 'x', '139****0000', $3 FROM households h WHERE h.id = $2`,
      [userId, home.id, status],
    );
    claimants.push({ status, userId, householdId: home.id });
  }
});
afterAll(() => t.close());

test('the table covers every claim status', () => {
  expect(GRANTS.map(([s]) => s).sort()).toEqual([...CLAIM_STATUSES].sort());
});

test.each(GRANTS)('a %s claim grants the home: %s — in each helper alike', async (status, grants) => {
  const { db } = t.database;
  const { userId, householdId } = claimants.find((c) => c.status === status)!;
  const [row] = (
    await db.execute(
      sql`SELECT ${householdId} IN ${residentHomeIds(userId)} AS home, ${compoundId} IN ${residentCompoundIds(userId)} AS compound, ${holdsHome(userId, householdId)} AS holds`,
    )
  ).rows as { home: boolean; compound: boolean; holds: boolean }[];
  expect(row).toEqual({ home: grants, compound: grants, holds: grants });
  expect(await verifiedHome(db, userId, householdId)).toEqual(grants ? { compoundId } : undefined);
  expect(await isResidentOf(db, userId, compoundId)).toBe(grants);
  expect([...(await heldHomeIds(db, userId))]).toEqual(grants ? [householdId] : []);
});

test("a verified claim grants only its own home and compound, not another resident's", async () => {
  const { db } = t.database;
  const verified = claimants.find((c) => c.status === 'verified')!;
  const other = claimants.find((c) => c.status === 'pending')!;
  expect(await verifiedHome(db, verified.userId, other.householdId)).toBeUndefined();
  expect(await verifiedHome(db, other.userId, verified.householdId)).toBeUndefined();
  expect(await isResidentOf(db, verified.userId, compoundId + 1_000_000)).toBe(false);
});
