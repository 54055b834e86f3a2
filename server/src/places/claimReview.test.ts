import { createTestApi, type TestApi } from '../../../test/support/api';

/**
 * Issue 16 §1: a claim reviewer compares the applicant with the registry's owner of that room
 * (differences flagged), may open both contacts in full (audited), and finds homes by owner name
 * and owners by phone (through the blind index; phones are encrypted).
 */
let t: TestApi;
let home: { household_id: number; owner_id: number; owner_name: string; region_code: string };
let ownerPhone: string;
const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
const list = async (token: string, resource: string, filter: Record<string, unknown>) =>
  t.api.get(`/api/${resource}?filter=${encodeURIComponent(JSON.stringify(filter))}&range=[0,99]`).set(bearer(token));

beforeAll(async () => {
  t = await createTestApi();
  [home] = await t.query(
    `SELECT h.id AS household_id, o.id AS owner_id, o.name AS owner_name, h.region_code FROM households h JOIN owners o ON o.id = h.owner_id
      WHERE h.region_code = '150203001001' AND o.phone_enc IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM household_claims c WHERE c.household_id = h.id) ORDER BY h.id DESC LIMIT 1`,
  );
  ownerPhone = (await t.api.get(`/api/owners/${home.owner_id}/contact`).set(bearer(await t.login('city')))).body.phone;
});
afterAll(() => t.close());

describe('claim review: applicant beside the registry', () => {
  let claimId: number;
  let resident: string;

  test('a tenant whose name and phone differ from the owner: pending, both shown, both differences flagged', async () => {
    resident = await t.residentToken('claim-review-tenant');
    const res = await t.api.post('/api/household-claims').set(bearer(resident)).send({ householdId: home.household_id, name: '租户甲', phone: '13911112222' });
    expect(res.body.status).toBe('pending');
    claimId = res.body.id;
    const queue = await list(await t.login('community'), 'household-claims', { status: 'pending' });
    const row = queue.body.find((r: { id: number }) => r.id === claimId);
    expect(row).toMatchObject({
      name: '租户甲',
      phone: '139****2222',
      registryOwnerId: home.owner_id,
      registryOwnerName: home.owner_name,
      nameMatches: false,
      phoneMatches: false,
    });
    expect(row.registryOwnerPhone).toMatch(/^\d{3}\*{4}\d{4}$/);
    expect(row).not.toHaveProperty('phoneEnc');
    expect(row).not.toHaveProperty('registryOwnerPhoneHash');
  });

  test('the owner’s own phone with a different name: only the name is flagged', async () => {
    const token = await t.residentToken('claim-review-owner-phone');
    const res = await t.api.post('/api/household-claims').set(bearer(token)).send({ householdId: home.household_id, name: '别名', phone: ownerPhone });
    const row = (await t.api.get(`/api/household-claims/${res.body.id}`).set(bearer(await t.login('community')))).body;
    expect(row).toMatchObject({ nameMatches: false, phoneMatches: true });
  });

  test('the resident reads their claim without the registry', async () => {
    const mine = await t.api.get(`/api/household-claims/${claimId}`).set(bearer(resident));
    expect(mine.status).toBe(200);
    expect(mine.body).not.toHaveProperty('registryOwnerName');
    expect(mine.body).not.toHaveProperty('registryOwnerPhone');
    expect(mine.body).not.toHaveProperty('phoneEnc');
  });

  test('显示完整信息: both phones in full, each view audited', async () => {
    const community = await t.login('community');
    const before = await t.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_logs WHERE action = 'view_personal'`);
    const res = await t.api.get(`/api/household-claims/${claimId}/contact`).set(bearer(community));
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      id: claimId,
      name: '租户甲',
      phone: '13911112222',
      registryOwnerId: home.owner_id,
      registryOwnerName: home.owner_name,
      registryOwnerPhone: ownerPhone,
    });
    const rows = await t.query<{ entity: string; entity_id: string }>(
      `SELECT entity, entity_id FROM audit_logs WHERE action = 'view_personal' ORDER BY id DESC LIMIT 2`,
    );
    expect(rows.map((r) => r.entity).sort()).toEqual(['household-claims', 'owners']);
    expect((await t.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_logs WHERE action = 'view_personal'`))[0].n).toBe(before[0].n + 2);
  });

  test('refused: a resident (403), staff of another district (404), company and party staff (403); nothing audited', async () => {
    const before = await t.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_logs WHERE action = 'view_personal'`);
    expect((await t.api.get(`/api/household-claims/${claimId}/contact`).set(bearer(resident))).status).toBe(403);
    expect((await t.api.get(`/api/household-claims/${claimId}/contact`).set(bearer(await t.login('d150202')))).status).toBe(404);
    expect((await t.api.get(`/api/household-claims/${claimId}/contact`).set(bearer(await t.login('company')))).status).toBe(403);
    expect((await t.api.get(`/api/household-claims/${claimId}/contact`).set(bearer(await t.login('party')))).status).toBe(403);
    expect((await t.api.get(`/api/household-claims/99999999/contact`).set(bearer(await t.login('community')))).status).toBe(404);
    expect((await t.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_logs WHERE action = 'view_personal'`))[0].n).toBe(before[0].n);
  });
});

describe('search: homes by owner name, owners by phone', () => {
  test('homes by (part of) the owner’s name', async () => {
    const res = await list(await t.login('community'), 'households', { ownerName: home.owner_name });
    expect(res.status).toBe(200);
    expect(res.body.map((r: { id: number }) => r.id)).toContain(home.household_id);
    expect(res.body.every((r: { ownerName: string }) => r.ownerName.includes(home.owner_name))).toBe(true);
  });

  test('owners by their full phone, through the blind index', async () => {
    const res = await list(await t.login('community'), 'owners', { phone: ownerPhone });
    expect(res.status).toBe(200);
    expect(res.body.map((r: { id: number }) => r.id)).toEqual([home.owner_id]);
    expect((await list(await t.login('community'), 'owners', { phone: '13000000000' })).body).toEqual([]);
  });

  test('a partial or malformed phone is a 400 on the field, not a scan', async () => {
    const res = await list(await t.login('community'), 'owners', { phone: '1391111' });
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toHaveProperty('phone');
  });
});
