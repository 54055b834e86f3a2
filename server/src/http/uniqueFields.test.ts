import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createTestApi, type TestApi } from '../../../test/support/api';
import { UNIQUE_FIELDS } from './uniqueFields';

// Issue 16 §3: a duplicate compound code was answered by a pop-up "记录已存在（唯一性冲突）"; a
// unique violation a form can cause is an error on that form's field.

/** Unique constraints no console or mini-program form can hit: integrity guards and idempotency keys. */
const NOT_FROM_A_FORM = new Set([
  // issue 13/10 (lead's integration): numbers the server draws, and rows written by a close or an upsert, never typed
  'pay_orders_out_trade_no_idx',
  'pay_refunds_out_refund_no_idx',
  'survey_projects_survey_project_idx',
  'survey_responses_survey_household_idx',
  'interviews_survey_project_idx',
  'audit_seq_idx',
  'ballot_conflicts_entered_idx',
  'ballots_current_idx',
  'ballots_receipt_idx',
  'claims_user_household_idx',
  'credit_evaluations_year_idx',
  'credit_items_type_source_key_idx',
  'credit_objections_item_pending_idx',
  'credit_ratings_company_year_idx',
  'fund_entries_reverses_idx',
  'fund_ledgers_household_idx',
  'fund_payments_txn_idx',
  'fee_payments_pay_order_idx',
  'fee_payments_receipt_no_idx',
  'receipts_payment_idx',
  'receipts_receipt_no_idx',
  'notifications_event_uq',
  'totp_recovery_codes_user_code_idx',
  'users_openid_idx',
]);

const SCHEMA = join(__dirname, '..', 'db', 'schema');
const schemaUniqueIndexes = () =>
  readdirSync(SCHEMA)
    .filter((f) => f.endsWith('.ts'))
    .flatMap((f) => [...readFileSync(join(SCHEMA, f), 'utf8').matchAll(/uniqueIndex\('([a-z0-9_]+)'\)/g)].map((m) => m[1]));

test('every unique constraint in the schema is answered on a field, or is listed as one no form can hit', () => {
  const names = schemaUniqueIndexes();
  expect(names.length).toBeGreaterThan(20);
  expect(names.filter((n) => !(n in UNIQUE_FIELDS) && !NOT_FROM_A_FORM.has(n))).toEqual([]);
  // And no entry names a constraint that no longer exists.
  expect(Object.keys(UNIQUE_FIELDS).filter((n) => !names.includes(n) && !n.endsWith('_pkey'))).toEqual([]);
  for (const { message } of Object.values(UNIQUE_FIELDS)) expect(message).toMatch(/[\u4e00-\u9fa5]/);
});

describe('duplicates over the API', () => {
  let t: TestApi;
  let auth: { Authorization: string };
  beforeAll(async () => {
    t = await createTestApi();
    auth = { Authorization: `Bearer ${await t.login('city')}` };
  });
  afterAll(() => t.close());

  const compound = {
    code: 'BT0001',
    name: '重复编码花园',
    regionCode: '150203001002',
    address: '昆都仑区钢铁大街2号',
    totalArea: '12000.50',
    type: 'commodity',
    managementMode: 'professional',
    buildYear: 2015,
    lat: 40.6,
    lng: 109.8,
  };

  test('a duplicate compound code is a 409 on 小区编码 (code), and nothing is saved', async () => {
    const count = async () => (await t.query<{ n: number }>('SELECT count(*)::int n FROM compounds'))[0].n;
    const before = await count();
    const res = await t.api.post('/api/compounds').set(auth).send(compound);
    expect(res.status).toBe(409);
    expect(res.body.error).toEqual({ code: 'DUPLICATE', message: '小区编码已被其他小区使用', fields: { code: '小区编码已被其他小区使用' } });
    expect(await count()).toBe(before);
  });

  test('a duplicate building name in its compound is on name; an existing region code on its code (id)', async () => {
    const [b] = await t.query<{ compound_id: number; name: string }>('SELECT compound_id, name FROM buildings ORDER BY id LIMIT 1');
    const dupBuilding = await t.api.post('/api/buildings').set(auth).send({ compoundId: b.compound_id, name: b.name, floors: 6 });
    expect(dupBuilding.status).toBe(409);
    expect(dupBuilding.body.error.fields).toEqual({ name: '本小区已有同名楼栋' });
    const dupRegion = await t.api.post('/api/regions').set(auth).send({ id: '150203001', name: '重复街道', parentCode: '150203' });
    expect(dupRegion.status).toBe(409);
    expect(dupRegion.body.error.fields).toEqual({ id: '该区划代码已存在' });
  });
});
