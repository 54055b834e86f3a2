import { createTestApi, type TestApi } from '../../../test/support/api';
import { committeeMemberHome, residentWithHome, unclaimedHomes, type UnclaimedHome } from '../../../test/support/residents';

/** Issue 9 §4 (a home stays bound after it is sold) and §7 (names that differ only in their dots). */
let t: TestApi;
let compound: { id: number; region_code: string };
let member: string;
let city: string;
let community: string;
const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
const inAWeek = () => new Date(Date.now() + 7 * 86400000).toISOString();
const repair = { kind: 'repair', category: 'plumbing', description: '厨房水管漏水，地面积水', preferredTime: '今天下午' };
let phoneSeq = 0;
const newPhone = () => `1390000${String(1000 + ++phoneSeq).slice(-4)}`;

beforeAll(async () => {
  t = await createTestApi();
  [compound] = await t.query(`SELECT id, region_code FROM compounds WHERE code = 'BT0001'`);
  nextHome = unclaimedHomes(t, compound.id);
  member = await residentWithHome(t, 'claims-member', await committeeMemberHome(t, 'BT0001'));
  city = await t.login('city');
  community = await t.login('community');
});
afterAll(() => t.close());

let nextHome: () => Promise<UnclaimedHome>;

async function newOwner(name: string, phone = newPhone()) {
  const res = await t.api.post('/api/owners').set(bearer(city)).send({ name, phone, regionCode: compound.region_code });
  expect(res.status).toBe(201);
  return { id: res.body.id as number, name, phone };
}

async function setOwner(householdId: number, ownerId: number) {
  const res = await t.api.put(`/api/households/${householdId}`).set(bearer(city)).send({ ownerId });
  expect(res.status).toBe(200);
}

async function openVote() {
  const res = await t.api
    .post('/api/votes')
    .set(bearer(member))
    .send({ compoundId: compound.id, title: '更换电梯', matter: 'other', closesAt: inAWeek(), status: 'open' });
  expect(res.status).toBe(201);
  return res.body.id as number;
}

const myClaim = async (token: string, householdId: number) =>
  (
    (await t.api.get('/api/household-claims').set(bearer(token))).body as {
      id: number;
      householdId: number;
      status: string;
      reason: string | null;
      endedAt: string | null;
    }[]
  ).find((c) => c.householdId === householdId)!;

describe("issue 9 §4: a change of owner ends the old owner's claims", () => {
  test('the previous resident loses the ledger, the ballot and tickets for the sold home, and sees why', async () => {
    const home = await nextHome();
    const seller = await residentWithHome(t, 'seller-1', home.id);
    const vote = await openVote();
    expect((await t.api.get(`/api/fund-ledgers/${home.ledger_id}`).set(bearer(seller))).status).toBe(200);
    expect((await t.api.post(`/api/votes/${vote}/ballots`).set(bearer(seller)).send({ householdId: home.id, choice: 'agree' })).status).toBeLessThan(300);
    expect(
      (
        await t.api
          .post('/api/tickets')
          .set(bearer(seller))
          .send({ ...repair, householdId: home.id })
      ).status,
    ).toBe(201);

    const buyer = await newOwner('买房人');
    await setOwner(home.id, buyer.id);

    const claim = await myClaim(seller, home.id);
    expect(claim).toMatchObject({ status: 'revoked', reason: '房屋业主已变更，原绑定已解除', endedAt: expect.any(String) });
    expect((await t.api.get(`/api/fund-ledgers/${home.ledger_id}`).set(bearer(seller))).status).toBe(404);
    const ballot = await t.api.post(`/api/votes/${vote}/ballots`).set(bearer(seller)).send({ householdId: home.id, choice: 'disagree' });
    expect([403, 404]).toContain(ballot.status);
    const ticket = await t.api
      .post('/api/tickets')
      .set(bearer(seller))
      .send({ ...repair, householdId: home.id });
    expect([403, 404]).toContain(ticket.status);
    const audit = await t.query<{ action: string; actor_id: number }>(
      `SELECT action, actor_id FROM audit_logs WHERE entity = 'household-claims' AND entity_id = $1 ORDER BY id DESC LIMIT 1`,
      [String(claim.id)],
    );
    expect(audit[0].action).toBe('end_owner_changed');

    // The buyer binds the home afresh and is verified at once.
    const buyerToken = await t.residentToken('buyer-1');
    const bound = await t.api.post('/api/household-claims').set(bearer(buyerToken)).send({ householdId: home.id, name: buyer.name, phone: buyer.phone });
    expect(bound.body.status).toBe('verified');
    expect((await t.api.get(`/api/fund-ledgers/${home.ledger_id}`).set(bearer(buyerToken))).status).toBe(200);
  });

  test('sibling: a pending claim made on the old owner ends too; an edit that keeps the owner ends nothing', async () => {
    const home = await nextHome();
    const kept = await residentWithHome(t, 'stayer-1', home.id);
    const waiting = await t.residentToken('tenant-pending-1');
    const pending = await t.api.post('/api/household-claims').set(bearer(waiting)).send({ householdId: home.id, name: '租户', phone: newPhone() });
    expect(pending.body.status).toBe('pending');
    // Same owner, new area: claims stay.
    expect((await t.api.put(`/api/households/${home.id}`).set(bearer(city)).send({ area: '99.50' })).status).toBe(200);
    expect((await myClaim(kept, home.id)).status).toBe('verified');
    await setOwner(home.id, (await newOwner('新业主')).id);
    expect((await myClaim(kept, home.id)).status).toBe('revoked');
    expect((await myClaim(waiting, home.id)).status).toBe('revoked');
    // The ended claim can no longer be approved.
    expect((await t.api.post(`/api/household-claims/${pending.body.id}/approve`).set(bearer(community))).status).toBe(409);
  });
});

describe('issue 9 §4: an owner change racing with bindings', () => {
  test("20 bindings with the old owner's details fired with the change: none stays verified", async () => {
    const home = await nextHome();
    const [old] = await t.query<{ name: string }>('SELECT o.name FROM owners o WHERE o.id = $1', [home.owner_id]);
    const phone = (await t.api.get(`/api/owners/${home.owner_id}/contact`).set(bearer(city))).body.phone;
    const buyer = await newOwner('抢先买房人');
    const tokens = await Promise.all(Array.from({ length: 19 }, (_, i) => t.residentToken(`race-binder-${i}`)));
    const results = await Promise.all([
      t.api.put(`/api/households/${home.id}`).set(bearer(city)).send({ ownerId: buyer.id }),
      ...tokens.map((tk) => t.api.post('/api/household-claims').set(bearer(tk)).send({ householdId: home.id, name: old.name, phone })),
    ]);
    expect(results[0].status).toBe(200);
    const live = await t.query<{ n: number }>(`SELECT count(*)::int AS n FROM household_claims WHERE household_id = $1 AND status = 'verified'`, [home.id]);
    expect(live[0].n).toBe(0);
  });
});

describe('issue 9 §4: staff revoke with a reason; a resident withdraws their own', () => {
  test('staff revoke a verified claim: access ends at once; twice, without a reason or outside jurisdiction is refused', async () => {
    const home = await nextHome();
    const resident = await residentWithHome(t, 'revoked-1', home.id);
    const claim = await myClaim(resident, home.id);
    expect((await t.api.post(`/api/household-claims/${claim.id}/revoke`).set(bearer(community)).send({})).status).toBe(400);
    expect(
      (
        await t.api
          .post(`/api/household-claims/${claim.id}/revoke`)
          .set(bearer(await t.login('d150202')))
          .send({ reason: '冒名绑定' })
      ).status,
    ).toBe(403);
    expect((await t.api.post(`/api/household-claims/${claim.id}/revoke`).set(bearer(resident)).send({ reason: '冒名绑定' })).status).toBe(403);
    expect((await myClaim(resident, home.id)).status).toBe('verified');

    const res = await t.api.post(`/api/household-claims/${claim.id}/revoke`).set(bearer(community)).send({ reason: '冒名绑定' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'revoked', reason: '冒名绑定', endedAt: expect.any(String) });
    expect(await myClaim(resident, home.id)).toMatchObject({ status: 'revoked', reason: '冒名绑定' });
    expect((await t.api.get(`/api/fund-ledgers/${home.ledger_id}`).set(bearer(resident))).status).toBe(404);
    const twice = await t.api.post(`/api/household-claims/${claim.id}/revoke`).set(bearer(community)).send({ reason: '再次' });
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe('CLAIM_ENDED');
    const audit = await t.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_logs WHERE entity = 'household-claims' AND entity_id = $1 AND action = 'revoke'`,
      [String(claim.id)],
    );
    expect(audit[0].n).toBe(1);
  });

  test('revoking 20 times at once ends the claim once', async () => {
    const home = await nextHome();
    const resident = await residentWithHome(t, 'revoked-race', home.id);
    const claim = await myClaim(resident, home.id);
    const all = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        t.api
          .post(`/api/household-claims/${claim.id}/revoke`)
          .set(bearer(community))
          .send({ reason: `理由${i}` }),
      ),
    );
    expect(all.filter((r) => r.status === 200)).toHaveLength(1);
    expect(all.filter((r) => r.status === 409)).toHaveLength(19);
    const audit = await t.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_logs WHERE entity = 'household-claims' AND entity_id = $1 AND action = 'revoke'`,
      [String(claim.id)],
    );
    expect(audit[0].n).toBe(1);
  });

  test("a resident withdraws their own claim, once; not someone else's; and may bind again", async () => {
    const home = await nextHome();
    const resident = await residentWithHome(t, 'withdrawer-1', home.id);
    const claim = await myClaim(resident, home.id);
    const stranger = await t.residentToken('stranger-1');
    const notTheirs = await t.api.post(`/api/household-claims/${claim.id}/withdraw`).set(bearer(stranger));
    expect(notTheirs.status).toBe(404);
    expect((await t.api.post(`/api/household-claims/${claim.id}/withdraw`).set(bearer(community))).status).toBe(403);
    expect((await myClaim(resident, home.id)).status).toBe('verified');

    const res = await t.api.post(`/api/household-claims/${claim.id}/withdraw`).set(bearer(resident));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'withdrawn', endedAt: expect.any(String) });
    expect((await t.api.get(`/api/fund-ledgers/${home.ledger_id}`).set(bearer(resident))).status).toBe(404);
    const twice = await t.api.post(`/api/household-claims/${claim.id}/withdraw`).set(bearer(resident));
    expect(twice.status).toBe(409);
    // Staff cannot revoke what was withdrawn.
    expect((await t.api.post(`/api/household-claims/${claim.id}/revoke`).set(bearer(community)).send({ reason: 'x' })).status).toBe(409);
    await residentWithHome(t, 'withdrawer-1', home.id);
    expect((await myClaim(resident, home.id)).status).toBe('verified');
  });

  test('a verified claim stays one: binding it again is 409 CLAIM_EXISTS', async () => {
    const home = await nextHome();
    const resident = await residentWithHome(t, 'bound-twice', home.id);
    const again = await t.api.post('/api/household-claims').set(bearer(resident)).send({ householdId: home.id, name: '别人', phone: newPhone() });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('CLAIM_EXISTS');
  });
});

describe('issue 9 §7: names are matched in one normal form; a pending claim can be corrected', () => {
  test('an owner registered as 买买提·艾力 binds typing 买买提•艾力 and is verified at once', async () => {
    const home = await nextHome();
    const owner = await newOwner('买买提·艾力');
    await setOwner(home.id, owner.id);
    const token = await t.residentToken('dot-bullet');
    const res = await t.api.post('/api/household-claims').set(bearer(token)).send({ householdId: home.id, name: '买买提•艾力', phone: owner.phone });
    expect(res.status).toBe(201);
    expect(res.body.status).toBe('verified');
  });

  test('sibling: katakana dot, full-width stop and spaces match too; a different name does not', async () => {
    const home = await nextHome();
    const owner = await newOwner('阿依古丽．买买提');
    await setOwner(home.id, owner.id);
    const a = await t.api
      .post('/api/household-claims')
      .set(bearer(await t.residentToken('dot-katakana')))
      .send({ householdId: home.id, name: '阿依古丽 ・ 买买提', phone: owner.phone });
    expect(a.body.status).toBe('verified');
    const b = await t.api
      .post('/api/household-claims')
      .set(bearer(await t.residentToken('dot-other-name')))
      .send({ householdId: home.id, name: '阿依古丽买买提', phone: owner.phone });
    expect(b.body.status).toBe('pending');
  });

  test('a resident corrects their own pending claim (no 409), and the correction is verified', async () => {
    const home = await nextHome();
    const owner = await newOwner('吐尔逊·阿不都');
    await setOwner(home.id, owner.id);
    const token = await t.residentToken('dot-typo');
    const first = await t.api.post('/api/household-claims').set(bearer(token)).send({ householdId: home.id, name: '吐尔逊阿不都', phone: owner.phone });
    expect(first.body.status).toBe('pending');
    const second = await t.api.post('/api/household-claims').set(bearer(token)).send({ householdId: home.id, name: '吐尔逊・阿不都', phone: owner.phone });
    expect(second.status).toBe(201);
    expect(second.body).toMatchObject({ id: first.body.id, status: 'verified' });
    const rows = await t.query<{ n: number }>('SELECT count(*)::int AS n FROM household_claims WHERE household_id = $1', [home.id]);
    expect(rows[0].n).toBe(1);
  });

  test('20 submissions at once by one resident for one home leave one claim', async () => {
    const home = await nextHome();
    const token = await t.residentToken('claim-race');
    const all = await Promise.all(
      Array.from({ length: 20 }, () =>
        t.api.post('/api/household-claims').set(bearer(token)).send({ householdId: home.id, name: '某人', phone: '13911112222' }),
      ),
    );
    // Beyond the daily limit (CLAIM_ATTEMPTS_PER_DAY) the rest are throttled (429).
    expect(all.every((r) => r.status === 201 || r.status === 409 || r.status === 429)).toBe(true);
    const rows = await t.query<{ n: number }>('SELECT count(*)::int AS n FROM household_claims WHERE household_id = $1', [home.id]);
    expect(rows[0].n).toBe(1);
  });
});
