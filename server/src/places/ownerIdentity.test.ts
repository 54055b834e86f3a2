import { createTestApi, type TestApi } from '../../../test/support/api';
import { residentWithHome, unclaimedHomes, type UnclaimedHome } from '../../../test/support/residents';
import { idNumberCheckChar } from '@baotou/shared';
import { backfillIdNumberHashes } from './owners';
import { createPersonalDataCipher } from './personalData';

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
  nextHome = unclaimedHomes(t, compound.id);
  city = await t.login('city');
});
afterAll(() => t.close());

let nextHome: () => Promise<UnclaimedHome>;

const claimsOn = (householdId: number) =>
  t.query<{ id: number; status: string; reason: string | null }>(`SELECT id, status, reason FROM household_claims WHERE household_id = $1 ORDER BY id`, [
    householdId,
  ]);

describe('attack 1: an owner whose identity changes loses the bindings made against the old details', () => {
  test('PUT /api/owners/:id with another name, phone and ID number: the old resident loses the ledger, sees why, audited', async () => {
    const home = await nextHome();
    const old = await residentWithHome(t, 'identity-old-1', home.id);
    expect((await t.api.get(`/api/fund-ledgers/${home.ledger_id}`).set(bearer(old))).status).toBe(200);
    const res = await t.api
      .put(`/api/owners/${home.owner_id}`)
      .set(bearer(city))
      .send({ name: '另一个人', phone: '13677778888', idNumber: '150203199001011232', regionCode: compound.region_code });
    expect(res.status).toBe(200);
    const claims = await claimsOn(home.id);
    expect(claims).toEqual([expect.objectContaining({ status: 'revoked', reason: '业主信息已变更，原绑定已解除' })]);
    expect((await t.api.get(`/api/fund-ledgers/${home.ledger_id}`).set(bearer(old))).status).toBe(404);
    const audit = await t.query<{ action: string }>(
      `SELECT action FROM audit_logs WHERE entity = 'household-claims' AND entity_id = $1 ORDER BY id DESC LIMIT 1`,
      [String(claims[0].id)],
    );
    expect(audit[0].action).toBe('end_owner_identity_changed');
  });

  test('sibling: a name-and-phone edit ends verified and pending claims alike; an edit of the region or a re-typed same phone ends nothing', async () => {
    const home = await nextHome();
    const first = await residentWithHome(t, 'identity-old-2', home.id);
    const second = await residentWithHome(t, 'identity-old-3', home.id);
    const pending = await t.api
      .post('/api/household-claims')
      .set(bearer(await t.residentToken('identity-pending')))
      .send({ householdId: home.id, name: '租户', phone: newPhone() });
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

describe('attack 4: home bindings cannot be guessed without limit (CLAIM_ATTEMPTS_PER_DAY, default 5)', () => {
  const attempt = (token: string, householdId: number, name: string) =>
    t.api.post('/api/household-claims').set(bearer(token)).send({ householdId, name, phone: newPhone() });
  const auditCount = (actorId: number, actions: string[]) =>
    t.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_logs WHERE actor_id = $1 AND action = ANY($2)`, [actorId, actions]);

  test('30 guesses of one name with different phones: 5 are taken, the rest 429 CLAIM_THROTTLED, each audited', async () => {
    const home = await nextHome();
    const [owner] = await t.query<{ name: string }>('SELECT name FROM owners WHERE id = $1', [home.owner_id]);
    const token = await t.residentToken('guesser-1');
    const results: number[] = [];
    for (let i = 0; i < 30; i++) results.push((await attempt(token, home.id, owner.name)).status);
    expect(results.filter((s) => s === 201)).toHaveLength(5);
    expect(results.filter((s) => s === 429)).toHaveLength(25);
    const last = await attempt(token, home.id, owner.name);
    expect(last.body.error.code).toBe('CLAIM_THROTTLED');
    const me = (await t.api.get('/api/household-claims').set(bearer(token))).body[0];
    const [row] = await t.query<{ user_id: number }>('SELECT user_id FROM household_claims WHERE id = $1', [me.id]);
    expect((await auditCount(row.user_id, ['claim_submitted', 'claim_replaced', 'claim_verified']))[0].n).toBe(5);
    expect((await auditCount(row.user_id, ['claim_throttled']))[0].n).toBe(26);
  });

  test('sibling: 20 guesses fired at once on different homes still take exactly 5', async () => {
    const homes = await Promise.all(Array.from({ length: 4 }, () => nextHome()));
    const token = await t.residentToken('guesser-parallel');
    const all = await Promise.all(Array.from({ length: 20 }, (_, i) => attempt(token, homes[i % 4].id, '某某某')));
    expect(all.filter((r) => r.status === 201)).toHaveLength(5);
    expect(all.filter((r) => r.status === 429)).toHaveLength(15);
  });
});

describe('attack 2: one ID number, one owner', () => {
  const idNumber = (seq: number) => {
    const first17 = `15020319850101${String(seq).padStart(3, '0')}`;
    return first17 + idNumberCheckChar(first17);
  };
  const create = (name: string, id: string) => t.api.post('/api/owners').set(bearer(city)).send({ name, idNumber: id, regionCode: compound.region_code });

  test("POST an owner with another owner's ID under another name: 409 OWNER_DUPLICATE_ID_NUMBER on the field, nothing stored", async () => {
    expect((await create('身份证甲', idNumber(101))).status).toBe(201);
    const dup = await create('身份证乙', idNumber(101));
    expect(dup.status).toBe(409);
    expect(dup.body.error.code).toBe('OWNER_DUPLICATE_ID_NUMBER');
    expect(dup.body.error.fields).toHaveProperty('idNumber');
    expect((await t.query<{ n: number }>(`SELECT count(*)::int AS n FROM owners WHERE name = '身份证乙'`))[0].n).toBe(0);
  });

  test("sibling: PUT giving an owner another's ID is 409; retyping one's own is fine", async () => {
    const a = await create('身份证丙', idNumber(102));
    const b = await create('身份证丁', idNumber(103));
    const res = await t.api
      .put(`/api/owners/${b.body.id}`)
      .set(bearer(city))
      .send({ idNumber: idNumber(102) });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('OWNER_DUPLICATE_ID_NUMBER');
    expect(
      (
        await t.api
          .put(`/api/owners/${a.body.id}`)
          .set(bearer(city))
          .send({ idNumber: idNumber(102) })
      ).status,
    ).toBe(200);
  });

  test('20 registrations of one ID number at once: exactly one is stored', async () => {
    const all = await Promise.all(Array.from({ length: 20 }, (_, i) => create(`并发业主${i}`, idNumber(104))));
    expect(all.filter((r) => r.status === 201)).toHaveLength(1);
    expect(all.filter((r) => r.status === 409)).toHaveLength(19);
  });
});

describe('attack 2: owners registered before the ID-number index', () => {
  test('are indexed at start-up (backfillIdNumberHashes), so their number is refused to a newcomer', async () => {
    const first17 = '15020319850101105';
    const id = first17 + idNumberCheckChar(first17);
    const made = await t.api.post('/api/owners').set(bearer(city)).send({ name: '老业主', idNumber: id, regionCode: compound.region_code });
    expect(made.status).toBe(201);
    await t.query('UPDATE owners SET id_number_hash = NULL WHERE id = $1', [made.body.id]);
    expect((await t.api.post('/api/owners').set(bearer(city)).send({ name: '新来的', idNumber: id, regionCode: compound.region_code })).status).toBe(201);
    await t.query(`DELETE FROM owners WHERE name = '新来的'`);
    const filled = await backfillIdNumberHashes(t.database.db, createPersonalDataCipher(t.config.personalData));
    expect(filled).toBeGreaterThanOrEqual(1);
    const again = await t.api.post('/api/owners').set(bearer(city)).send({ name: '新来的', idNumber: id, regionCode: compound.region_code });
    expect(again.status).toBe(409);
  });
});
