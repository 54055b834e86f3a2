import { sql, type SQL } from 'drizzle-orm';
import { billingPeriod, monthBounds, type BillingCycle, type BillingRunInput, type FeeItemKind } from '@baotou/shared';
import type { FeesSettings } from '@baotou/config';
import type { Actor } from '../auth/actor';
import type { Db, Tx } from '../db/client';
import { writeAudit } from '../audit/audit';
import { conflict, forbidden, notFound } from '../http/errors';
import { defineJob, enqueueJob } from '../jobs/queue';

/**
 * Billing runs (issue 13): one batch per request over one or more projects of the company, for one
 * month. createBillingRun checks and records the run (409 if a project of it is already billed for
 * the month — the unique index billing_run_projects_project_period_idx holds that under a race — or
 * if an item's period overlaps a period already billed differently); runBilling then bills project
 * by project, ONE transaction each, with progress on the run's row, and can be run again after a
 * crash: finished projects are skipped and the bills' unique index bills nobody twice. It runs as
 * the job `fees.billing-run` (server/src/jobs, contract 3).
 */

interface RunProject {
  projectId: number;
  compoundId: number;
  regionCode: string;
}

/** The projects a run covers, checked against the company's contracts in force for the month. */
async function resolveProjects(tx: Tx, actor: Actor, input: BillingRunInput): Promise<RunProject[]> {
  if (actor.role !== 'company_staff' || !actor.companyId) throw forbidden('ROLE_FORBIDDEN', '只有物业服务企业可以批量计费');
  const { from, to } = monthBounds(input.period);
  if (input.projectId !== undefined) {
    const rows = (
      await tx.execute(
        sql`SELECT id, company_id AS "companyId", compound_id AS "compoundId", region_code AS "regionCode", start_date::text AS "startDate", end_date::text AS "endDate" FROM projects WHERE id = ${input.projectId}`,
      )
    ).rows as { id: number; companyId: number; compoundId: number; regionCode: string; startDate: string; endDate: string }[];
    const p = rows[0];
    if (!p) throw notFound('服务项目');
    if (p.companyId !== actor.companyId) throw forbidden('OUT_OF_JURISDICTION', '不能为其他企业的服务项目计费');
    if (p.startDate > to || p.endDate < from) throw conflict('CONTRACT_NOT_IN_FORCE', `该项目的服务合同在 ${input.period} 不在服务期内`);
    return [{ projectId: p.id, compoundId: p.compoundId, regionCode: p.regionCode }];
  }
  const ids = [...new Set(input.compoundIds!)];
  const rows = (
    await tx.execute(sql`
      SELECT DISTINCT ON (p.compound_id) p.id AS "projectId", p.compound_id AS "compoundId", p.region_code AS "regionCode"
        FROM projects p
       WHERE p.company_id = ${actor.companyId} AND p.compound_id = ANY(${`{${ids.join(',')}}`}::int[]) AND p.start_date <= ${to} AND p.end_date >= ${from}
       ORDER BY p.compound_id, p.start_date DESC`)
  ).rows as unknown as RunProject[];
  if (rows.length !== ids.length) throw forbidden('OUT_OF_JURISDICTION', '所选小区中有本企业在该月没有服务合同的小区，不能计费');
  return rows.map((r) => ({ ...r, projectId: Number(r.projectId), compoundId: Number(r.compoundId) }));
}

interface ItemRow {
  id: number;
  kind: FeeItemKind;
  feeMilliFenPerM2Month: number | null;
  monthlyFen: number | null;
  billingCycle: BillingCycle;
  startsOn: string;
}

/** A project's items in force by the end of `period`, as one JSON array (a subquery, so the billing transaction reads them with its lock). */
function activeItemsJson(projectId: SQL | number, period: string): SQL {
  const { to } = monthBounds(period);
  return sql`(SELECT coalesce(json_agg(json_build_object('id', f.id, 'kind', f.kind, 'feeMilliFenPerM2Month', f.fee_milli_fen_per_m2_month, 'monthlyFen', f.monthly_fen::text,
                                                         'billingCycle', f.billing_cycle, 'startsOn', f.starts_on::text) ORDER BY f.id), '[]'::json)
                FROM fee_items f WHERE f.project_id = ${projectId} AND f.active AND f.starts_on <= ${to})`;
}

function parseItems(json: unknown): ItemRow[] {
  const rows = (typeof json === 'string' ? JSON.parse(json) : json) as (Omit<ItemRow, 'monthlyFen'> & { monthlyFen: string | null })[];
  return rows.map((r) => ({ ...r, id: Number(r.id), monthlyFen: r.monthlyFen === null ? null : Number(r.monthlyFen) }));
}

async function activeItems(tx: Tx, projectId: number, period: string): Promise<ItemRow[]> {
  const [r] = (await tx.execute(sql`SELECT ${activeItemsJson(projectId, period)} AS items`)).rows as { items: unknown }[];
  return parseItems(r.items);
}

/**
 * Records a billing run and its projects; the caller starts it after commit (startBillingRun).
 * Refuses: a role other than company staff (403), a project or compound not the company's in that
 * month (403 OUT_OF_JURISDICTION), no active fee item (409 NO_FEE_ITEMS), a project already billed or
 * being billed for the month (409 PERIOD_ALREADY_BILLED), an item whose period would overlap a
 * differently-billed period (409 BILLED_PERIOD_OVERLAP).
 */
export async function createBillingRun(db: Db, actor: Actor, input: BillingRunInput): Promise<number> {
  return db.transaction(async (tx) => {
    const projects = await resolveProjects(tx, actor, input);
    const projectIds = projects.map((p) => p.projectId);
    const billed = (
      await tx.execute(
        sql`SELECT rp.project_id AS "projectId" FROM billing_run_projects rp WHERE rp.project_id = ANY(${`{${projectIds.join(',')}}`}::int[]) AND rp.period = ${input.period} LIMIT 1`,
      )
    ).rows;
    if (billed.length) throw conflict('PERIOD_ALREADY_BILLED', `所选项目 ${input.period} 已计费或正在计费，不能重复计费`);
    let itemCount = 0;
    for (const p of projects) {
      const items = await activeItems(tx, p.projectId, input.period);
      itemCount += items.length;
      for (const item of items) {
        const period = billingPeriod(item.billingCycle, input.period, item.startsOn);
        if (!period) continue;
        const overlap = (
          await tx.execute(sql`
            SELECT 1 FROM bills WHERE fee_item_id = ${item.id} AND status <> 'reversed'
               AND period_start <= ${period.periodEnd} AND period_end >= ${period.periodStart} AND period_start <> ${period.periodStart} LIMIT 1`)
        ).rows;
        if (overlap.length)
          throw conflict('BILLED_PERIOD_OVERLAP', `收费项目 ${item.id} 的计费期 ${period.periodStart}—${period.periodEnd} 与已出账的计费期重叠`);
      }
    }
    if (itemCount === 0) throw conflict('NO_FEE_ITEMS', '所选项目没有在该月生效的收费项目，请先设置收费项目');
    const [run] = (
      await tx.execute(sql`
        INSERT INTO billing_runs (company_id, period, projects_total, created_by) VALUES (${actor.companyId!}, ${input.period}, ${projects.length}, ${actor.id}) RETURNING id`)
    ).rows as { id: number }[];
    const runId = Number(run.id);
    await tx.execute(sql`
      INSERT INTO billing_run_projects (run_id, project_id, compound_id, region_code, period)
      SELECT ${runId}, v.project_id, v.compound_id, v.region_code, ${input.period}
        FROM unnest(${`{${projectIds.join(',')}}`}::int[], ${`{${projects.map((p) => p.compoundId).join(',')}}`}::int[], ${`{${projects.map((p) => p.regionCode).join(',')}}`}::text[]) AS v(project_id, compound_id, region_code)`);
    await writeAudit(tx, actor, {
      action: 'create',
      entity: 'billing-runs',
      entityId: runId,
      after: { period: input.period, projectIds },
      regionCode: projects[0].regionCode,
    });
    return runId;
  });
}

/**
 * The bill of every home of a compound for each item, computed by PostgreSQL in one statement:
 * homes × items, the amount by the rule of shared's billFen / flatBillFen (DOMAIN.md §12), exactly:
 * fen = floor((areaCenti × milliFen × months × 2 + 100 000) / 200 000) in numeric (no overflow, no
 * float; the area is numeric(12,2), so area × 100 is the exact centi-m² parseAreaCenti gives), and
 * flat items monthlyFen × months. billingSql.test.ts compares it with billFen on the demo city.
 * Homes not yet delivered (no registered owner) and the developer's unsold homes are billed to the
 * developer (物业管理条例 Art. 41; shared/src/places/unsold.ts). A home already billed for an
 * overlapping period of the item, or for the same period start (the unique index), is skipped.
 */
export function insertBillsSql(q: {
  compoundId: number;
  projectId: number;
  companyId: number;
  runId: number | null;
  dueDays: number;
  items: {
    id: number;
    kind: FeeItemKind;
    feeMilliFenPerM2Month: number | null;
    monthlyFen: number | null;
    periodStart: string;
    periodEnd: string;
    months: number;
  }[];
}) {
  const arr = (xs: unknown[]) => `{${xs.map((x) => (x === null ? 'NULL' : String(x))).join(',')}}`;
  const col = <K extends keyof (typeof q.items)[number]>(k: K) => arr(q.items.map((i) => i[k]));
  return sql`
    WITH items AS (
      SELECT * FROM unnest(${col('id')}::int[], ${col('kind')}::text[], ${col('feeMilliFenPerM2Month')}::int[], ${col('monthlyFen')}::bigint[],
                           ${col('periodStart')}::date[], ${col('periodEnd')}::date[], ${col('months')}::int[])
             AS i(id, kind, milli, monthly, period_start, period_end, months)
    ), homes AS (
      SELECT h.id, h.building_id, h.region_code, (h.area * 100)::bigint AS area_centi,
             (h.developer_unsold OR h.owner_id IS NULL OR coalesce(o.developer, false)) AS developer
        FROM households h LEFT JOIN owners o ON o.id = h.owner_id
       WHERE h.compound_id = ${q.compoundId}
    ), ins AS (
      INSERT INTO bills (household_id, compound_id, building_id, project_id, company_id, region_code, fee_item_id, billing_run_id, period_start, period_end, months, area_centi, unit_milli_fen, amount_fen, payer, due_on)
      SELECT h.id, ${q.compoundId}::int, h.building_id, ${q.projectId}::int, ${q.companyId}::int, h.region_code, i.id, ${q.runId}::int, i.period_start, i.period_end, i.months,
             CASE WHEN i.kind = 'property_fee' THEN h.area_centi END, i.milli,
             CASE WHEN i.kind = 'property_fee' THEN div(h.area_centi::numeric * i.milli * i.months * 2 + 100000, 200000)::bigint ELSE i.monthly * i.months END,
             (CASE WHEN h.developer THEN 'developer' ELSE 'household' END)::bill_payer, i.period_start + ${q.dueDays}::int
        FROM homes h CROSS JOIN items i
       WHERE NOT EXISTS (SELECT 1 FROM bills x WHERE x.household_id = h.id AND x.fee_item_id = i.id AND x.status <> 'reversed' AND x.period_start <= i.period_end AND x.period_end >= i.period_start)
      ON CONFLICT (household_id, fee_item_id, period_start) WHERE "status" <> 'reversed' DO NOTHING
      RETURNING amount_fen
    )
    SELECT count(*)::int AS created, coalesce(sum(amount_fen), 0)::text AS fen FROM ins`;
}

/**
 * Bills one project of a run for the run's month in ONE transaction, under the run-project row's
 * lock (a second worker on the same project waits, then finds it done), with one INSERT … SELECT
 * (insertBillsSql). The commit is asynchronous (synchronous_commit off): a crash can lose only the
 * last few project transactions whole — bills and the project's done flag together — and running
 * the run again bills them then. The run's final 'completed' is committed synchronously, which
 * flushes all the WAL before it: a run reported completed has every bill on disk. Returns bills
 * created and their fen.
 */
async function billProject(
  db: Db,
  settings: FeesSettings,
  runId: number,
  rp: { id: number; projectId: number; compoundId: number },
  period: string,
  actorId: number | null,
) {
  return db.transaction(async (tx) => {
    // One round trip: the lock, the project, the items, and SET LOCAL synchronous_commit = off.
    const [locked] = (
      await tx.execute(sql`
        SELECT rp.done, p.company_id AS "companyId", p.region_code AS "regionCode", set_config('synchronous_commit', 'off', true) AS "asyncCommit",
               ${activeItemsJson(sql`rp.project_id`, period)} AS items
          FROM billing_run_projects rp JOIN projects p ON p.id = rp.project_id WHERE rp.id = ${rp.id} FOR UPDATE OF rp`)
    ).rows as { done: boolean; companyId: number; regionCode: string; items: unknown }[];
    if (locked.done) return { created: 0, fen: 0 };
    const items = parseItems(locked.items).flatMap((item) => {
      const p = billingPeriod(item.billingCycle, period, item.startsOn);
      return p ? [{ ...item, ...p }] : [];
    });
    let created = 0;
    let fen = 0;
    if (items.length) {
      const [r] = (
        await tx.execute(
          insertBillsSql({ compoundId: rp.compoundId, projectId: rp.projectId, companyId: Number(locked.companyId), runId, dueDays: settings.dueDays, items }),
        )
      ).rows as { created: number; fen: string }[];
      created = Number(r.created);
      fen = Number(r.fen);
    }
    await writeAudit(tx, null, {
      action: 'billing_run',
      entity: 'billing-runs',
      entityId: runId,
      after: { projectId: rp.projectId, period, billsCreated: created, billedFen: fen, by: actorId },
      regionCode: locked.regionCode,
    });
    // Last, so parallel projects hold the run's row only for the commit.
    await tx.execute(sql`
      WITH rp AS (UPDATE billing_run_projects SET done = true, bills_created = ${created}, billed_fen = ${fen}, finished_at = now() WHERE id = ${rp.id})
      UPDATE billing_runs SET projects_done = projects_done + 1, bills_created = bills_created + ${created}, billed_fen = billed_fen + ${fen}, updated_at = now() WHERE id = ${runId}`);
    return { created, fen };
  });
}

/**
 * Runs (or resumes) a billing run: every project not yet done, one transaction each, `concurrency`
 * projects at a time (FEES_BILLING_CONCURRENCY), reporting progress (projects done of total)
 * through `progress` as well as on the run's row. A failure stops the run and marks it failed with
 * its message; running it again continues where it stopped.
 */
export async function runBilling(
  db: Db,
  settings: FeesSettings,
  runId: number,
  progress?: (done: number, total: number, note?: string) => Promise<void>,
): Promise<{ billsCreated: number; billedFen: number }> {
  const [run] = (await db.execute(sql`SELECT id, period, status, created_by AS "createdBy" FROM billing_runs WHERE id = ${runId}`)).rows as {
    id: number;
    period: string;
    status: string;
    createdBy: number | null;
  }[];
  if (!run) throw notFound('批量计费');
  await db.execute(
    sql`UPDATE billing_runs SET status = 'running', started_at = coalesce(started_at, now()), error = NULL, updated_at = now() WHERE id = ${runId}`,
  );
  try {
    const rps = (
      await db.execute(
        sql`SELECT id, project_id AS "projectId", compound_id AS "compoundId" FROM billing_run_projects WHERE run_id = ${runId} AND NOT done ORDER BY id`,
      )
    ).rows as { id: number; projectId: number; compoundId: number }[];
    const [{ total, done }] = (
      await db.execute(sql`SELECT count(*)::int AS total, count(*) FILTER (WHERE done)::int AS done FROM billing_run_projects WHERE run_id = ${runId}`)
    ).rows as { total: number; done: number }[];
    let n = done;
    let next = 0;
    let failed = false;
    // Reports go out one after another, so parallel projects never leave an older count last.
    let reported: Promise<void> = Promise.resolve();
    const report = (k: number) => (reported = reported.then(() => progress?.(k, total, `已完成 ${k}/${total} 个项目`)));
    const worker = async () => {
      while (!failed && next < rps.length) {
        const rp = rps[next++];
        try {
          await billProject(
            db,
            settings,
            runId,
            { id: Number(rp.id), projectId: Number(rp.projectId), compoundId: Number(rp.compoundId) },
            run.period,
            run.createdBy,
          );
        } catch (e) {
          failed = true;
          throw e;
        }
        await report(Math.min(++n, total));
      }
    };
    const results = await Promise.allSettled(Array.from({ length: Math.max(1, Math.min(settings.billingConcurrency, rps.length)) }, worker));
    const rejected = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (rejected) throw rejected.reason;
    const [after] = (
      await db.execute(
        sql`UPDATE billing_runs SET status = 'completed', finished_at = now(), note = ${`已完成 ${total} 个项目`}, updated_at = now() WHERE id = ${runId} RETURNING bills_created AS "billsCreated", billed_fen::text AS "billedFen"`,
      )
    ).rows as { billsCreated: number; billedFen: string }[];
    return { billsCreated: Number(after.billsCreated), billedFen: Number(after.billedFen) };
  } catch (err) {
    await db.execute(
      sql`UPDATE billing_runs SET status = 'failed', error = ${String((err as Error).message ?? err).slice(0, 500)}, updated_at = now() WHERE id = ${runId}`,
    );
    throw err;
  }
}

export const BILLING_RUN_JOB = 'fees.billing-run';

/** The billing run's job (contract 3): runs or resumes the run, reporting progress on the job too; retried on failure. */
export function defineBillingRunJob(db: Db, settings: FeesSettings): void {
  defineJob<{ runId: number }>(BILLING_RUN_JOB, (data, ctx) => runBilling(db, settings, data.runId, (done, total, note) => ctx.progress(done, total, note)), {
    title: '批量计费',
    singletonKey: (d) => `billing-run-${d.runId}`,
  });
}

/** Starts a recorded run in the background on the jobs queue; the job's id is kept on the run (GET /api/jobs/:id). */
export async function startBillingRun(db: Db, runId: number, actor: Actor): Promise<string> {
  const { jobId } = await enqueueJob(BILLING_RUN_JOB, { runId }, actor);
  await db.execute(sql`UPDATE billing_runs SET job_id = ${jobId}, updated_at = now() WHERE id = ${runId}`);
  return jobId;
}
