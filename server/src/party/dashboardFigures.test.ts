import { createTestApi, type TestApi } from '../../../test/support/api';

// Issue 16 §2: "有交叉任职的业委会 39/39 (100.0%)" beside a drill-down of 32 cross-appointments over
// about 14 compounds. Every dashboard figure equals the number of rows its drill-down lists
// (Content-Range), on the demo city, for every row of every dashboard that links to its rows.
let t: TestApi;
const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
type Drill = { resource: string; filter: Record<string, unknown> };

beforeAll(async () => {
  t = await createTestApi();
});
afterAll(() => t.close());

async function rowCount(token: string, d: Drill): Promise<number> {
  const res = await t.api
    .get(`/api/${d.resource}?filter=${encodeURIComponent(JSON.stringify(d.filter))}&range=${encodeURIComponent('[0,0]')}`)
    .set(bearer(token));
  expect({ drill: d, status: res.status }).toEqual({ drill: d, status: 200 });
  return Number(String(res.headers['content-range']).split('/')[1]);
}

/** Every [label, figure, drill] of a response, compared in one assertion so a failure lists them all. */
async function mismatches(token: string, figures: [string, number, Drill][]) {
  const out: { figure: string; shown: number; rows: number }[] = [];
  for (const [figure, shown, drill] of figures) {
    const rows = await rowCount(token, drill);
    if (rows !== shown) out.push({ figure, shown, rows });
  }
  return out;
}

type PartyRow = {
  code: string;
  companiesWithOrg: { num: number; den: number };
  membersOfStaff: { num: number; den: number };
  committeesWithMembers: { num: number; den: number };
  committeesWithCrossAppointments: { num: number; den: number };
  redProjects: number;
  drills: Record<string, { num: Drill; den?: Drill; sum?: true }>;
};

function partyFigures(rows: PartyRow[]): [string, number, Drill][] {
  return rows.flatMap((r) => {
    const out: [string, number, Drill][] = [];
    // membersOfStaff is a sum over companies, checked below against the companies it lists.
    for (const key of ['companiesWithOrg', 'committeesWithMembers', 'committeesWithCrossAppointments'] as const) {
      out.push([`${r.code} ${key}.num`, r[key].num, r.drills[key].num]);
      if (r.drills[key].den) out.push([`${r.code} ${key}.den`, r[key].den, r.drills[key].den!]);
    }
    out.push([`${r.code} redProjects`, r.redProjects, r.drills.redProjects.num]);
    return out;
  });
}

describe('every dashboard figure equals the count of its drill-down rows (issue 16 §2)', () => {
  test.each([
    ['party', 'district'],
    ['party', 'street'],
    ['d150203', 'street'],
  ])('Red Property dashboard as %s by %s', async (user, groupBy) => {
    const token = await t.login(user);
    const res = await t.api.get(`/api/party/stats?groupBy=${groupBy}`).set(bearer(token));
    expect(res.status).toBe(200);
    const rows: PartyRow[] = [...res.body.rows, res.body.total];
    expect(res.body.total.committeesWithCrossAppointments.den).toBeGreaterThan(0);
    expect(await mismatches(token, partyFigures(rows))).toEqual([]);

    // Members of staff: the companies its drill-down lists are the staffed ones of the company table, summed.
    const staffed = (res.body.companies as { id: number; members: number; staffCount: number | null }[]).filter((c) => (c.staffCount ?? 0) > 0);
    const { membersOfStaff, drills } = res.body.total;
    expect(drills.membersOfStaff.sum).toBe(true);
    expect(await rowCount(token, drills.membersOfStaff.num)).toBe(staffed.length);
    expect(staffed.reduce((s, c) => s + c.members, 0)).toBe(membersOfStaff.num);
    expect(staffed.reduce((s, c) => s + (c.staffCount ?? 0), 0)).toBe(membersOfStaff.den);
  });

  test('the cross-appointment share is not every committee in the demo city, and its rows are committees', async () => {
    const token = await t.login('party');
    const { total } = (await t.api.get('/api/party/stats?groupBy=district').set(bearer(token))).body;
    expect(total.committeesWithCrossAppointments.num).toBeGreaterThan(0);
    expect(total.committeesWithCrossAppointments.num).toBeLessThan(total.committeesWithCrossAppointments.den);
    expect(total.drills.committeesWithCrossAppointments.num.resource).toBe('committees');
  });

  test.each([['city'], ['d150203']])('committee formation rate as %s', async (user) => {
    const token = await t.login(user);
    const res = await t.api.get('/api/committees/formation?groupBy=street').set(bearer(token));
    expect(res.status).toBe(200);
    const rows = res.body as { code: string; residential: number; withCommittee: number; drills: Record<'residential' | 'withCommittee', Drill> }[];
    expect(rows.length).toBeGreaterThan(0);
    const figures = rows.flatMap((r): [string, number, Drill][] => [
      [`${r.code} residential`, r.residential, r.drills.residential],
      [`${r.code} withCommittee`, r.withCommittee, r.drills.withCommittee],
    ]);
    expect(await mismatches(token, figures)).toEqual([]);
  });

  test('maintenance-fund accounts: homes, first deposits owed and top-ups due equal their ledger lists', async () => {
    const token = await t.login('d150203');
    const accounts = (await t.api.get(`/api/fund-accounts?range=${encodeURIComponent('[0,99]')}`).set(bearer(token))).body as {
      id: number;
      ledgerCount: number;
      firstDepositOwedCount: number;
      topUpDueCount: number;
    }[];
    expect(accounts.length).toBeGreaterThan(0);
    expect(accounts.some((a) => a.firstDepositOwedCount > 0)).toBe(true);
    const figures = accounts.flatMap((a): [string, number, Drill][] => [
      [`${a.id} ledgerCount`, a.ledgerCount, { resource: 'fund-ledgers', filter: { accountId: a.id } }],
      [`${a.id} firstDepositOwedCount`, a.firstDepositOwedCount, { resource: 'fund-ledgers', filter: { accountId: a.id, status: 'first_deposit_owed' } }],
      [`${a.id} topUpDueCount`, a.topUpDueCount, { resource: 'fund-ledgers', filter: { accountId: a.id, status: 'top_up_due' } }],
    ]);
    expect(await mismatches(token, figures)).toEqual([]);
  });
});
