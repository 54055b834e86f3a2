import { createTestApi, type TestApi } from '../../../test/support/api';

// Issue 17 / DOMAIN.md §7 (PIPL Art. 6): an export of personal data names its purpose and is audited
// as a security event with the row count and the exporter's address (POST /api/audit/exports).

let t: TestApi;
beforeAll(async () => {
  t = await createTestApi();
});
afterAll(() => t.close());

const bearer = async (who: string) => ({ Authorization: `Bearer ${await t.login(who)}` });
const exportsOf = (resource: string) =>
  t.query<{ actor_name: string; entity: string; entity_id: string; after: Record<string, unknown>; ip: string | null; region_code: string | null }>(
    `SELECT actor_name, entity, entity_id, after, ip, region_code FROM audit_logs WHERE action = 'export_personal' AND entity = $1 ORDER BY id`,
    [resource],
  );
const households = { resource: 'households', filter: { compoundId: 1 }, rowCount: 25, purpose: { kind: 'verification', detail: '核对业主登记信息' } };

describe('POST /api/audit/exports', () => {
  test('the city admin exporting households: 201 with the account and time for the file, one audit row with count, purpose and address', async () => {
    const before = Date.now();
    const res = await t.api
      .post('/api/audit/exports')
      .set(await bearer('city'))
      .send(households);
    expect(res.status).toBe(201);
    expect(res.body.exportedBy).toMatch(/（city）$/);
    expect(Date.parse(res.body.exportedAt)).toBeGreaterThanOrEqual(before - 1000);
    expect(res.body.purpose).toBe('信息核实：核对业主登记信息');
    const rows = await exportsOf('households');
    expect(rows).toHaveLength(1);
    expect(rows[0].after).toMatchObject({ rowCount: 25, filter: { compoundId: 1 }, purposeKind: 'verification', purpose: '信息核实：核对业主登记信息' });
    expect(rows[0].ip).toMatch(/127\.0\.0\.1/);
    expect(rows[0].region_code).toBe('150200');
  });

  test('a street officer exporting owners is recorded under owners, in their region', async () => {
    const res = await t.api
      .post('/api/audit/exports')
      .set(await bearer('street'))
      .send({ ...households, resource: 'owners', rowCount: 3, purpose: { kind: 'contact', detail: '通知业主参加业主大会' } });
    expect(res.status).toBe(201);
    const rows = await exportsOf('owners');
    expect(rows.map((r) => [r.after.rowCount, r.region_code])).toEqual([[3, '150203001']]);
  });

  test.each<[string, Record<string, unknown>]>([
    ['no purpose', { purpose: undefined }],
    ['a purpose kind without its words', { purpose: { kind: 'statistics' } }],
    ['a blank purpose', { purpose: { kind: 'other', detail: '   ' } }],
    ['a purpose kind outside the list', { purpose: { kind: 'curiosity', detail: '随便看看' } }],
    ['no row count', { rowCount: undefined }],
  ])('%s → 400 and nothing audited', async (_what, change) => {
    const res = await t.api
      .post('/api/audit/exports')
      .set(await bearer('city'))
      .send({ ...households, resource: 'household-claims', ...change });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect(await exportsOf('household-claims')).toEqual([]);
  });

  test('an export that carries no personal data (compounds) or is no resource → 400 NOT_PERSONAL_EXPORT', async () => {
    for (const resource of ['compounds', 'no-such-list']) {
      const res = await t.api
        .post('/api/audit/exports')
        .set(await bearer('city'))
        .send({ ...households, resource });
      expect([res.status, res.body.error.code]).toEqual([400, 'NOT_PERSONAL_EXPORT']);
    }
  });

  test('a role that may not list the resource → 403 (party staff and tickets); residents and the anonymous are refused', async () => {
    const party = await t.api
      .post('/api/audit/exports')
      .set(await bearer('party'))
      .send({ ...households, resource: 'tickets' });
    expect(party.status).toBe(403);
    const resident = await t.api
      .post('/api/audit/exports')
      .set({ Authorization: `Bearer ${await t.residentToken('export-resident-01')}` })
      .send(households);
    expect(resident.status).toBe(403);
    const anonymous = await t.api.post('/api/audit/exports').send(households);
    expect(anonymous.status).toBe(401);
    expect(await exportsOf('tickets')).toEqual([]);
  });
});
