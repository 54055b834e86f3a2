import { sql } from 'drizzle-orm';
import { DEFAULT_FEES_SETTINGS } from '@baotou/config';
import { billFen, flatBillFen, parseAreaCenti } from '@baotou/shared';
import { createTestApi, type TestApi } from '../../../test/support/api';
import { feesInvariantBreaks } from '../../../test/support/feesInvariant';
import { insertBillsSql, runBilling } from './billingRuns';

/**
 * Issue 13's speed work (area F): a project's bills are computed by PostgreSQL in one INSERT …
 * SELECT, so the SQL must give exactly shared's billFen / flatBillFen (DOMAIN.md §12: fee × area ×
 * months, half-up once); and a billing run billing several projects at once stays idempotent.
 */
let t: TestApi;
const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

beforeAll(async () => {
  t = await createTestApi();
});
afterEach(async () => expect(await feesInvariantBreaks(t)).toEqual([]));
afterAll(() => t.close());

class Rollback extends Error {}

test('the set-based bill amount equals billFen / flatBillFen for every home of the demo city (half-up edges, 1–12 months, large areas), payer by delivery', async () => {
  const prices = [500, 139000, 1, 99999, 150050, 2_000_000_000];
  const got: { area: string; milli: number | null; monthly: string | null; months: number; amount: string; payer: string; developer: boolean }[] = [];
  await t.database.db
    .transaction(async (tx) => {
      // Areas that land exactly on half a fen and a very large one (no overflow before 2^53 fen).
      await tx.execute(
        sql`UPDATE households SET area = 1.00 WHERE id = (SELECT min(id) FROM households WHERE compound_id IN (SELECT compound_id FROM projects))`,
      );
      await tx.execute(
        sql`UPDATE households SET area = 9999999.99 WHERE id = (SELECT max(id) FROM households WHERE compound_id IN (SELECT compound_id FROM projects))`,
      );
      const compounds = (
        await tx.execute(
          sql`SELECT DISTINCT ON (p.compound_id) p.id, p.company_id AS "companyId", p.compound_id AS "compoundId", p.region_code AS "regionCode" FROM projects p ORDER BY p.compound_id, p.id`,
        )
      ).rows as { id: number; companyId: number; compoundId: number; regionCode: string }[];
      const [{ n: homesInProjects }] = (
        await tx.execute(sql`SELECT count(*)::int AS n FROM households WHERE compound_id IN (SELECT compound_id FROM projects)`)
      ).rows as { n: number }[];
      for (const p of compounds) {
        const items = [];
        for (const [i, milli] of [...prices, null].entries()) {
          const [{ id }] = (
            await tx.execute(sql`
              INSERT INTO fee_items (project_id, company_id, compound_id, region_code, kind, name, fee_milli_fen_per_m2_month, monthly_fen, billing_cycle, starts_on)
              VALUES (${p.id}, ${p.companyId}, ${p.compoundId}, ${p.regionCode}, ${milli === null ? 'parking' : 'property_fee'}, '比对', ${milli}, ${milli === null ? 15001 : null}, 'monthly', '2030-01-01') RETURNING id`)
          ).rows as { id: number }[];
          const months = [1, 3, 12][i % 3];
          items.push({
            id: Number(id),
            kind: milli === null ? ('parking' as const) : ('property_fee' as const),
            feeMilliFenPerM2Month: milli,
            monthlyFen: milli === null ? 15001 : null,
            periodStart: '2030-01-01',
            periodEnd: `2030-${String(months).padStart(2, '0')}-28`,
            months,
          });
        }
        await tx.execute(
          insertBillsSql({ compoundId: Number(p.compoundId), projectId: Number(p.id), companyId: Number(p.companyId), runId: null, dueDays: 30, items }),
        );
      }
      got.push(
        ...((
          await tx.execute(sql`
            SELECT h.area::text AS area, f.fee_milli_fen_per_m2_month AS milli, f.monthly_fen::text AS monthly, b.months, b.amount_fen::text AS amount, b.payer,
                   (h.developer_unsold OR h.owner_id IS NULL OR coalesce(o.developer, false)) AS developer
              FROM bills b JOIN fee_items f ON f.id = b.fee_item_id JOIN households h ON h.id = b.household_id LEFT JOIN owners o ON o.id = h.owner_id
             WHERE f.name = '比对'`)
        ).rows as typeof got),
      );
      expect(got.length).toBe(homesInProjects * (prices.length + 1));
      throw new Rollback();
    })
    .catch((e) => {
      if (!(e instanceof Rollback)) throw e;
    });
  let exact = 0;
  for (const b of got) {
    const want =
      b.milli === null
        ? flatBillFen({ monthlyFen: Number(b.monthly), months: b.months })
        : billFen({ areaCenti: parseAreaCenti(b.area)!, feeMilliFenPerM2Month: b.milli, months: b.months });
    if (Number(b.amount) === want && b.payer === (b.developer ? 'developer' : 'household')) exact++;
    else expect({ ...b, want }).toEqual('the shared rule’s amount and payer');
  }
  expect(exact).toBe(got.length);
  expect(got.some((b) => b.area === '1.00' && b.milli === 500 && b.amount === '1')).toBe(true); // 0.5 fen rounds up
  expect(got.some((b) => b.payer === 'developer') && got.some((b) => b.payer === 'household')).toBe(true);
}, 120_000);

test('a run over several projects, started 20 times at once (a retried job racing itself): every home billed once per item, the run counted once per project', async () => {
  const company = await t.login('company');
  const period = '2027-02';
  const projects = await t.query<{ id: number; compound_id: number }>(
    `SELECT p.id, p.compound_id FROM projects p JOIN users u ON u.company_id = p.company_id AND u.username = 'company' WHERE p.start_date <= '2027-02-01' AND p.end_date >= '2027-02-28' ORDER BY p.id`,
  );
  expect(projects.length).toBeGreaterThan(1);
  for (const p of projects) {
    const item = await t.api
      .post('/api/fee-items')
      .set(bearer(company))
      .send({ projectId: p.id, kind: 'other', name: '并发计费', monthlyFen: 700, billingCycle: 'monthly', startsOn: '2027-02-01' });
    expect(item.status).toBe(201);
  }
  const res = await t.api
    .post('/api/billing-runs')
    .set(bearer(company))
    .send({ compoundIds: projects.map((p) => p.compound_id), period });
  expect(res.status).toBe(201);
  const runId = res.body.id as number;
  // The queued job runs too; twenty more runners of the same run race it, several projects at a time each.
  const settings = { ...DEFAULT_FEES_SETTINGS, billingConcurrency: 3 };
  await Promise.all(Array.from({ length: 20 }, () => runBilling(t.database.db, settings, runId)));
  let run;
  for (let i = 0; i < 300; i++) {
    run = (await t.api.get(`/api/billing-runs/${runId}`).set(bearer(company))).body;
    if (run.status === 'completed' && run.jobId) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  const [{ homes }] = await t.query<{ homes: number }>(`SELECT count(*)::int AS homes FROM households WHERE compound_id = ANY($1::int[])`, [
    projects.map((p) => p.compound_id),
  ]);
  const [{ ours, bills, fen, dup }] = await t.query<{ ours: number; bills: number; fen: string; dup: number }>(
    `SELECT count(*) FILTER (WHERE f.name = '并发计费')::int AS ours, count(*)::int AS bills, sum(b.amount_fen)::text AS fen,
            (SELECT count(*)::int FROM (SELECT 1 FROM bills x WHERE x.period_start >= '2027-01-01' AND x.status <> 'reversed' GROUP BY x.household_id, x.fee_item_id, x.period_start HAVING count(*) > 1) d) AS dup
       FROM bills b JOIN fee_items f ON f.id = b.fee_item_id WHERE b.billing_run_id = $1`,
    [runId],
  );
  expect({ ours, dup }).toEqual({ ours: homes, dup: 0 });
  expect(run).toMatchObject({
    status: 'completed',
    projectsDone: projects.length,
    projectsTotal: projects.length,
    billsCreated: bills,
    billedFen: Number(fen),
  });
  const audits = await t.query(`SELECT 1 FROM audit_logs WHERE action = 'billing_run' AND entity = 'billing-runs' AND entity_id = $1`, [String(runId)]);
  expect(audits).toHaveLength(projects.length);
}, 120_000);
