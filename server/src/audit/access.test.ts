import { createTestApi, type TestApi } from '../../../test/support/api';

// Issue 9 §9 (DOMAIN.md §7, PIPL Art. 6): each role gets only what its duty needs — an audit row is
// readable only by someone who may read its entity, and a resource's fields follow one rule per role.

let t: TestApi;
let home: { id: number; compound_id: number; region_code: string; owner_id: number };
beforeAll(async () => {
  t = await createTestApi();
  [home] = await t.query(
    `SELECT id, compound_id, region_code, owner_id FROM households WHERE region_code LIKE '150203001%' AND owner_id IS NOT NULL ORDER BY id LIMIT 1`,
  );
  // One audit row per entity a ticket, a claim, an owner's record and a household change leave, in 150203001001.
  const region = home.region_code;
  for (const [entity, action, after] of [
    ['tickets', 'create', { callerName: '王大明', description: '楼道漏水' }],
    ['household-claims', 'create', { name: '李四', phone: '139****0000' }],
    ['owners', 'update', { name: '张三', phoneMasked: '138****1234' }],
    ['households', 'update', { room: '101', ownerId: home.owner_id }],
    ['party-orgs', 'create', { name: '党支部' }],
  ] as const) {
    await t.query(`INSERT INTO audit_logs (actor_id, actor_name, action, entity, entity_id, after, region_code) VALUES (NULL, '测试', $1, $2, '1', $3, $4)`, [
      action,
      entity,
      JSON.stringify(after),
      region,
    ]);
  }
});
afterAll(() => t.close());

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
const auditOf = async (who: string, entity: string) => {
  const res = await t.api.get(`/api/audit-logs?range=[0,999]&filter=${encodeURIComponent(JSON.stringify({ entity }))}`).set(bearer(await t.login(who)));
  expect(res.status).toBe(200);
  return res.body as { entity: string; before: unknown; after: Record<string, unknown> | null }[];
};

describe('GET /api/audit-logs: a row is readable only by someone who may read its entity', () => {
  test.each(['tickets', 'household-claims', 'owners'])('party staff (who may not read %s) see none of its audit rows', async (entity) => {
    expect(await auditOf('party', entity)).toEqual([]);
    expect((await auditOf('city', entity)).length).toBeGreaterThan(0);
  });

  test('party staff still read the audit rows of what they keep (the Red Property registry)', async () => {
    expect((await auditOf('party', 'party-orgs')).length).toBeGreaterThan(0);
  });

  test('…and a household row without the owner fields they may not see', async () => {
    const [row] = await auditOf('party', 'households');
    expect(row.after).toEqual({ room: '101' });
    const [full] = await auditOf('community', 'households');
    expect(full.after).toMatchObject({ ownerId: home.owner_id });
  });

  test("sibling: street staff read owners' and claims' audit rows in their street, but not user accounts (users resource refuses them)", async () => {
    expect((await auditOf('street', 'owners')).length).toBeGreaterThan(0);
    expect((await auditOf('street', 'household-claims')).length).toBeGreaterThan(0);
    await t.api
      .put(`/api/users/${(await t.query<{ id: number }>(`SELECT id FROM users WHERE username = 'community'`))[0].id}`)
      .set(bearer(await t.login('d150203')))
      .send({ name: '沼潭社区（审计）' });
    expect((await auditOf('d150203', 'users')).length).toBeGreaterThan(0);
    expect(await auditOf('street', 'users')).toEqual([]);
  });

  test('the unfiltered list holds no row of an entity the role may not read', async () => {
    const res = await t.api.get('/api/audit-logs?range=[0,999]').set(bearer(await t.login('party')));
    expect(res.status).toBe(200);
    const seen = new Set(res.body.map((r: { entity: string }) => r.entity));
    for (const entity of ['tickets', 'household-claims', 'owners', 'fund-accounts', 'fund-entries', 'users']) expect(seen.has(entity)).toBe(false);
  });
});

describe('fields by role: households', () => {
  test('party staff read homes without whose they are (no ownerId, no ownerName), in the list and one by one', async () => {
    const party = bearer(await t.login('party'));
    const list = await t.api.get(`/api/households?filter=${encodeURIComponent(JSON.stringify({ compoundId: home.compound_id }))}`).set(party);
    expect(list.status).toBe(200);
    expect(list.body.length).toBeGreaterThan(0);
    for (const row of list.body) {
      expect(row).not.toHaveProperty('ownerName');
      expect(row).not.toHaveProperty('ownerId');
      expect(row).toHaveProperty('room');
    }
    const one = await t.api.get(`/api/households/${home.id}`).set(party);
    expect(one.status).toBe(200);
    expect(one.body).not.toHaveProperty('ownerName');
  });

  test('…nor find them by filtering on the hidden field (403 FIELD_FORBIDDEN)', async () => {
    const res = await t.api.get(`/api/households?filter=${encodeURIComponent(JSON.stringify({ ownerId: home.owner_id }))}`).set(bearer(await t.login('party')));
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('FIELD_FORBIDDEN');
  });

  test("sibling: community staff (who keep the registry) still see the owner's name", async () => {
    const res = await t.api.get(`/api/households/${home.id}`).set(bearer(await t.login('community')));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ ownerId: home.owner_id, ownerName: expect.any(String) });
  });
});

describe('party staff: no fund ledgers or balances, no ticket statistics; what party-building needs still works', () => {
  const today = new Date().toISOString().slice(0, 10);
  const monthAgo = new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10);
  test.each([
    '/api/fund-accounts',
    '/api/fund-ledgers',
    '/api/fund-entries',
    '/api/fund-applications',
    `/api/tickets/stats?from=${monthAgo}&to=${today}&groupBy=district`,
  ])('party staff GET %s → 403; district staff 200', async (path) => {
    const res = await t.api.get(path).set(bearer(await t.login('party')));
    expect(res.status).toBe(403);
    expect((await t.api.get(path).set(bearer(await t.login('d150203')))).status).toBe(200);
  });

  test("an account's reconciliation and one ledger → 403 too", async () => {
    const [ledger] = await t.query<{ id: number; account_id: number }>('SELECT id, account_id FROM fund_ledgers ORDER BY id LIMIT 1');
    const party = bearer(await t.login('party'));
    expect((await t.api.get(`/api/fund-ledgers/${ledger.id}`).set(party)).status).toBe(403);
    expect((await t.api.get(`/api/fund-accounts/${ledger.account_id}/reconciliation`).set(party)).status).toBe(403);
  });

  test.each(['/api/compounds', '/api/regions', '/api/committees', '/api/committee-members', '/api/party-orgs', '/api/party-members', '/api/red-projects'])(
    'party staff GET %s → 200',
    async (path) => {
      expect((await t.api.get(path).set(bearer(await t.login('party')))).status).toBe(200);
    },
  );
});
