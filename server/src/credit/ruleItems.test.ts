import { createTestApi, type TestApi } from '../../../test/support/api';
import { recordRuleCreditItem } from './ruleItems';

let t: TestApi;
beforeAll(async () => {
  t = await createTestApi();
});
afterAll(() => t.close());

const count = async (sql: string, params: unknown[] = []) => Number((await t.query<{ n: string }>(sql, params))[0].n);

describe('recordRuleCreditItem — contract 1; DOMAIN.md §5: one item per event', () => {
  let project: { id: number; company_id: number; region_code: string };
  beforeAll(async () => {
    [project] = await t.query(`SELECT id, company_id, region_code FROM projects ORDER BY id LIMIT 1`);
  });

  test('the same event fired 20-way in parallel records one item, published for comment, audited once', async () => {
    const input = {
      rule: 'hazard_overdue' as const,
      sourceKey: 'hazard:test-20way',
      companyId: project.company_id,
      projectId: project.id,
      occurredOn: '2026-03-02',
      document: '隐患整改通知书',
    };
    const results = await Promise.all(Array.from({ length: 20 }, () => t.database.db.transaction((tx) => recordRuleCreditItem(tx, input))));
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    const rows = await t.query<Record<string, unknown>>(`SELECT * FROM credit_items WHERE type = 'hazard_overdue' AND source_key = 'hazard:test-20way'`);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      category: 'bad',
      points_tenths: -30,
      status: 'published',
      region_code: project.region_code,
      company_id: project.company_id,
      project_id: project.id,
    });
    expect(
      await count(`SELECT count(*) AS n FROM audit_logs WHERE entity = 'credit-items' AND entity_id = $1 AND action = 'create' AND actor_id IS NULL`, [
        String(results[0].id),
      ]),
    ).toBe(1);

    // a later replay creates none either
    const again = await t.database.db.transaction((tx) => recordRuleCreditItem(tx, input));
    expect(again).toEqual({ id: results[0].id, created: false });
  });

  test('valid for a year from the event; published for 5 working days from today', async () => {
    const { id } = await t.database.db.transaction((tx) =>
      recordRuleCreditItem(tx, {
        rule: 'party_organisation',
        sourceKey: 'company:test-party',
        companyId: project.company_id,
        projectId: null,
        occurredOn: '2024-02-29',
      }),
    );
    const [row] = await t.query<{ valid_from: string; valid_until: string; public_until: string; category: string; points_tenths: number }>(
      `SELECT valid_from::text, valid_until::text, public_until::text, category, points_tenths FROM credit_items WHERE id = $1`,
      [id],
    );
    expect(row).toMatchObject({ valid_from: '2024-02-29', valid_until: '2025-02-28', category: 'good', points_tenths: 20 });
    const days = Number((await t.query<{ d: number }>(`SELECT ($1::date - (now() AT TIME ZONE 'Asia/Shanghai')::date) AS d`, [row.public_until]))[0].d);
    expect(days).toBeGreaterThanOrEqual(5);
    expect(days).toBeLessThanOrEqual(7);
  });

  test('the same key under another rule is another event', async () => {
    const a = await t.database.db.transaction((tx) =>
      recordRuleCreditItem(tx, {
        rule: 'ticket_overdue',
        sourceKey: 'ticket:shared-key',
        companyId: project.company_id,
        projectId: project.id,
        occurredOn: '2026-01-05',
      }),
    );
    const b = await t.database.db.transaction((tx) =>
      recordRuleCreditItem(tx, {
        rule: 'complaint_verified',
        sourceKey: 'ticket:shared-key',
        companyId: project.company_id,
        projectId: project.id,
        occurredOn: '2026-01-05',
      }),
    );
    expect(a.created && b.created).toBe(true);
    expect(a.id).not.toBe(b.id);
  });

  test('an unknown rule, a bad date, an empty key or a project of another company records nothing', async () => {
    const before = await count(`SELECT count(*) AS n FROM credit_items`);
    const [other] = await t.query<{ id: number }>(`SELECT id FROM projects WHERE company_id <> $1 LIMIT 1`, [project.company_id]);
    const base = { rule: 'ticket_overdue' as const, sourceKey: 'ticket:bad', companyId: project.company_id, projectId: project.id, occurredOn: '2026-01-05' };
    for (const bad of [
      { ...base, rule: 'made_up' as never },
      { ...base, occurredOn: '2026-02-30' },
      { ...base, sourceKey: '' },
      { ...base, projectId: other.id },
    ]) {
      await expect(t.database.db.transaction((tx) => recordRuleCreditItem(tx, bad))).rejects.toThrow(RangeError);
    }
    expect(await count(`SELECT count(*) AS n FROM credit_items`)).toBe(before);
  });
});
