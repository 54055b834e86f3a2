import { createTestApi, type TestApi } from '../../../test/support/api';
import { residentWithHome } from '../../../test/support/residents';

/** Issue 17 follow-up (attacks on owners' identity and home claims). */
let t: TestApi;
let compound: { id: number; region_code: string };
let city: string;
const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
let phoneSeq = 0;
const newPhone = () => `1370000${String(1000 + ++phoneSeq).slice(-4)}`;

beforeAll(async () => {
  t = await createTestApi();
  [compound] = await t.query(`SELECT id, region_code FROM compounds WHERE code = 'BT0002'`);
  city = await t.login('city');
});
afterAll(() => t.close());

let homeOffset = 0;
/** A home of BT0002 with its own registered owner (who holds no other home here) and a ledger, unclaimed. */
async function nextHome(): Promise<{ id: number; ledger_id: number; owner_id: number }> {
  const [h] = await t.query<{ id: number; ledger_id: number; owner_id: number }>(
    `SELECT h.id, l.id AS ledger_id, h.owner_id FROM households h JOIN fund_ledgers l ON l.household_id = h.id
      WHERE h.compound_id = $1 AND h.owner_id IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM committee_members m WHERE m.owner_id = h.owner_id)
        AND NOT EXISTS (SELECT 1 FROM household_claims c WHERE c.household_id = h.id)
      ORDER BY h.id LIMIT 1 OFFSET $2`,
    [compound.id, homeOffset++],
  );
  return h;
}

const claimsOn = (householdId: number) =>
  t.query<{ id: number; status: string; reason: string | null }>(`SELECT id, status, reason FROM household_claims WHERE household_id = $1 ORDER BY id`, [householdId]);

describe('attack 1: an owner whose identity changes loses the bindings made against the old details', () => {
  test('PUT /api/owners/:id with another name, phone and ID number: the old resident loses the ledger, sees why, audited', async () => {
    const home = await nextHome();
    const old = await residentWithHome(t, 'identity-old-1', home.id);
    expect((await t.api.get(`/api/fund-ledgers/${home.ledger_id}`).set(bearer(old))).status).toBe(200);
    const res = await t.api.put(`/api/owners/${home.owner_id}`).set(bearer(city)).send({ name: '另一个人', phone: '13677778888', idNumber: '150203199001011232', regionCode: compound.region_code });
    expect(res.status).toBe(200);
    const claims = await claimsOn(home.id);
    expect(claims).toEqual([expect.objectContaining({ status: 'revoked', reason: '业主信息已变更，原绑定已解除' })]);
    expect((await t.api.get(`/api/fund-ledgers/${home.ledger_id}`).set(bearer(old))).status).toBe(404);
    const audit = await t.query<{ action: string }>(`SELECT action FROM audit_logs WHERE entity = 'household-claims' AND entity_id = $1 ORDER BY id DESC LIMIT 1`, [String(claims[0].id)]);
    expect(audit[0].action).toBe('end_owner_identity_changed');
  });

  test('sibling: a name-and-phone edit ends verified and pending claims alike; an edit of the region or a re-typed same phone ends nothing', async () => {
    const home = await nextHome();
    const first = await residentWithHome(t, 'identity-old-2', home.id);
    const second = await residentWithHome(t, 'identity-old-3', home.id);
    const pending = await t.api.post('/api/household-claims').set(bearer(await t.residentToken('identity-pending'))).send({ householdId: home.id, name: '租户', phone: newPhone() });
    expect(pending.body.status).toBe('pending');
    const phone = (await t.api.get(`/api/owners/${home.owner_id}/contact`).set(bearer(city))).body.phone;
    // Same phone typed again, same name: the same person.
    expect((await t.api.put(`/api/owners/${home.owner_id}`).set(bearer(city)).send({ phone })).status).toBe(200);
    expect((await claimsOn(home.id)).map((c) => c.status)).toEqual(['verified', 'verified', 'pending']);
    expect((await t.api.put(`/api/owners/${home.owner_id}`).set(bearer(city)).send({ name: '改名的人', phone: newPhone() })).status).toBe(200);
    expect((await claimsOn(home.id)).map((c) => c.status)).toEqual(['revoked', 'revoked', 'revoked']);
    for (const token of [first, second]) expect((await t.api.get(`/api/fund-ledgers/${home.ledger_id}`).set(bearer(token))).status).toBe(404);
  });
});

describe('attack 5: a sold home cannot be flagged developer-unsold', () => {
  test('developerUnsold:true on a home with a registered buyer and a live claim is 409 and changes nothing', async () => {
    const home = await nextHome();
    await residentWithHome(t, 'unsold-1', home.id);
    const res = await t.api.put(`/api/households/${home.id}`).set(bearer(city)).send({ developerUnsold: true });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('HOUSEHOLD_SOLD');
    const [row] = await t.query<{ developer_unsold: boolean }>('SELECT developer_unsold FROM households WHERE id = $1', [home.id]);
    expect(row.developer_unsold).toBe(false);
  });

  test('sibling: a flagged home cannot be given to a buyer while keeping the flag; the developer as owner, or no owner, may be flagged', async () => {
    const home = await nextHome();
    const developer = await t.api.post('/api/owners').set(bearer(city)).send({ name: '某房地产开发公司', regionCode: compound.region_code, developer: true });
    expect(developer.status).toBe(201);
    expect((await t.api.put(`/api/households/${home.id}`).set(bearer(city)).send({ ownerId: developer.body.id, developerUnsold: true })).status).toBe(200);
    const sold = await t.api.put(`/api/households/${home.id}`).set(bearer(city)).send({ ownerId: home.owner_id });
    expect(sold.status).toBe(409);
    expect((await t.api.put(`/api/households/${home.id}`).set(bearer(city)).send({ ownerId: null, developerUnsold: true })).status).toBe(200);
    expect((await t.api.put(`/api/households/${home.id}`).set(bearer(city)).send({ ownerId: home.owner_id, developerUnsold: false })).status).toBe(200);
  });
});
