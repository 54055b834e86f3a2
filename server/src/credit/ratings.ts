import { and, eq, sql } from 'drizzle-orm';
import { CREDIT_GRADES, creditEvaluateSchema } from '@baotou/shared';
import type { Actor } from '../auth/actor';
import type { ResourceDef } from '../http/resource';
import { badRequest, forbidden, notFound } from '../http/errors';
import { filterValue, likeEscape } from '../http/listQuery';
import { beijingDate, isBureau } from '../jurisdiction/scope';
import type { Db } from '../db/client';
import { companies, creditEvaluations, creditRatings, creditScores } from '../db/schema';
import { writeAudit } from '../audit/audit';
import { blacklistedSql } from './blacklistQuery';
import { computeCompanyScore, refreshCompanyScore, scoreStaleSql, storeCompanyScore } from './scores';

/** The yearly records (contract 1: credit_ratings): read-only; written by the evaluation alone. */
export function creditRatingsResource(): ResourceDef {
  return {
    name: 'credit-ratings',
    label: '年度信用评价',
    table: creditRatings,
    id: creditRatings.id,
    idKind: 'int',
    fields: {
      id: creditRatings.id,
      companyId: creditRatings.companyId,
      companyName: sql<string>`(SELECT c.name FROM companies c WHERE c.id = "credit_ratings"."company_id")`,
      creditCode: sql<string>`(SELECT c.credit_code FROM companies c WHERE c.id = "credit_ratings"."company_id")`,
      year: creditRatings.year,
      scoreTenths: creditRatings.scoreTenths,
      grade: creditRatings.grade,
      baseTenths: creditRatings.baseTenths,
      goodTenths: creditRatings.goodTenths,
      badTenths: creditRatings.badTenths,
      itemCount: sql<number>`jsonb_array_length("credit_ratings"."items")`,
      items: creditRatings.items,
      regionCode: creditRatings.regionCode,
      publishedAt: creditRatings.publishedAt,
    },
    sortable: {
      id: creditRatings.id,
      year: creditRatings.year,
      scoreTenths: creditRatings.scoreTenths,
      grade: creditRatings.grade,
      companyId: creditRatings.companyId,
    },
    defaultSort: ['scoreTenths', 'DESC'],
    filters: {
      q: (v) => {
        const q = `%${likeEscape(filterValue.string('q', v, 40))}%`;
        return sql`${creditRatings.companyId} IN (SELECT id FROM companies WHERE name ILIKE ${q} OR credit_code ILIKE ${q})`;
      },
      year: (v) => eq(creditRatings.year, filterValue.int('year', v)),
      grade: (v) => eq(creditRatings.grade, filterValue.oneOf('grade', v, CREDIT_GRADES)),
      companyId: (v) => eq(creditRatings.companyId, filterValue.int('companyId', v)),
      regionCode: (v) => sql`${creditRatings.regionCode} LIKE ${filterValue.string('regionCode', v, 12).replace(/\D/g, '') + '%'}`,
    },
    // Published records: every staff member may read them (the public page shows grade and score anyway); a company its own.
    readScope: (actor) => {
      if (isBureau(actor)) return sql`true`;
      if (actor.role === 'company_staff' && actor.companyId) return eq(creditRatings.companyId, actor.companyId);
      return 'deny';
    },
  };
}

/** Each company's live score as last computed (credit_scores), for the console's list of live scores. */
export function creditScoresResource(): ResourceDef {
  return {
    name: 'credit-scores',
    label: '实时信用分',
    table: creditScores,
    id: creditScores.companyId,
    idKind: 'int',
    fields: {
      id: creditScores.companyId,
      companyName: sql<string>`(SELECT c.name FROM companies c WHERE c.id = "credit_scores"."company_id")`,
      creditCode: sql<string>`(SELECT c.credit_code FROM companies c WHERE c.id = "credit_scores"."company_id")`,
      regionCode: sql<string>`(SELECT c.region_code FROM companies c WHERE c.id = "credit_scores"."company_id")`,
      asOf: creditScores.asOf,
      scoreTenths: creditScores.scoreTenths,
      grade: creditScores.grade,
      baseTenths: creditScores.baseTenths,
      goodTenths: creditScores.goodTenths,
      badTenths: creditScores.badTenths,
      blacklisted: blacklistedSql(sql.raw('"credit_scores"."company_id"')),
      computedAt: creditScores.computedAt,
    },
    sortable: { id: creditScores.companyId, scoreTenths: creditScores.scoreTenths, grade: creditScores.grade, asOf: creditScores.asOf },
    defaultSort: ['scoreTenths', 'DESC'],
    filters: {
      q: (v) => {
        const q = `%${likeEscape(filterValue.string('q', v, 40))}%`;
        return sql`${creditScores.companyId} IN (SELECT id FROM companies WHERE name ILIKE ${q} OR credit_code ILIKE ${q})`;
      },
      grade: (v) => eq(creditScores.grade, filterValue.oneOf('grade', v, CREDIT_GRADES)),
      regionCode: (v) =>
        sql`${creditScores.companyId} IN (SELECT id FROM companies WHERE region_code LIKE ${filterValue.string('regionCode', v, 12).replace(/\D/g, '') + '%'})`,
    },
    readScope: (actor) => {
      if (isBureau(actor)) return sql`true`;
      if (actor.role === 'company_staff' && actor.companyId) return eq(creditScores.companyId, actor.companyId);
      return 'deny';
    },
  };
}

/**
 * Recomputes the cached live scores that are out of date on `today` (missing, an earlier day, or
 * older than the company's latest item change), at most `limit` companies. Returns how many.
 */
export async function refreshStaleScores(db: Db, today = beijingDate(), limit = 500): Promise<number> {
  const { rows } = await db.execute(sql`
    SELECT c.id FROM companies c LEFT JOIN credit_scores s ON s.company_id = c.id
     WHERE ${scoreStaleSql(sql`c.id`, today)} ORDER BY c.id LIMIT ${limit}`);
  for (const r of rows as { id: number }[]) await refreshCompanyScore(db, Number(r.id), today);
  return rows.length;
}

/**
 * A company's live score today (DOMAIN.md §5 "a live score in between"), computed from its items and
 * cached: { companyId, companyName, creditCode, asOf, baseTenths, goodTenths, badTenths, totalTenths,
 * grade, blacklisted, items }. Staff may ask about any company; a company's staff only their own.
 */
export async function liveScore(db: Db, actor: Actor, rawCompanyId: unknown) {
  if (!isBureau(actor) && actor.role !== 'company_staff') throw forbidden('ROLE_FORBIDDEN', '当前角色无权查看实时信用分');
  const companyId = filterValue.int('companyId', rawCompanyId);
  if (actor.role === 'company_staff' && actor.companyId !== companyId) throw forbidden('NOT_YOUR_COMPANY', '只能查看本企业的信用分');
  // the company and its items are read side by side (one round trip less); nothing is stored for a company that does not exist
  const [[company], computed] = await Promise.all([
    db
      .select({ name: companies.name, creditCode: companies.creditCode, blacklisted: blacklistedSql(sql`${companies.id}`) })
      .from(companies)
      .where(eq(companies.id, companyId)),
    computeCompanyScore(db, companyId, beijingDate()),
  ]);
  if (!company) throw notFound('企业');
  const score = await storeCompanyScore(db, computed);
  return { ...score, companyName: company.name, creditCode: company.creditCode, blacklisted: company.blacklisted };
}

export type EvaluationRow = typeof creditEvaluations.$inferSelect;

export function presentEvaluation(e: EvaluationRow) {
  return {
    id: e.id,
    year: e.year,
    asOf: e.asOf,
    status: e.status,
    progress: { done: e.done, total: e.total },
    jobId: e.jobId,
    failure: e.failure,
    startedAt: e.startedAt,
    finishedAt: e.finishedAt,
  };
}

/** Companies scored per batch; progress is written after each. */
const BATCH = 100;
/** Companies scored at once within a batch: well under the pool's connections, which requests share. */
const SCORING_CONCURRENCY = 4;

/**
 * Runs (or resumes) evaluation `id`: every company without a record for the year gets one — its
 * score, grade and counted items on the evaluation date, frozen (DOMAIN.md §5 "Cycle"). Idempotent:
 * a record exists once per (company, year) under credit_ratings_company_year_idx, so a replay or a
 * second runner adds nothing; progress (done / total) is kept on the evaluation row.
 */
export async function runEvaluation(db: Db, id: number, onProgress?: (done: number, total: number) => Promise<void>): Promise<EvaluationRow> {
  const [ev] = await db.select().from(creditEvaluations).where(eq(creditEvaluations.id, id));
  if (!ev) throw new Error(`credit evaluation ${id} does not exist`);
  try {
    const total = Number(((await db.execute(sql`SELECT count(*)::int AS n FROM companies`)).rows[0] as { n: number }).n);
    await db.update(creditEvaluations).set({ total, status: 'running', failure: null }).where(eq(creditEvaluations.id, id));
    let cursor = 0;
    for (;;) {
      const { rows } = await db.execute(sql`
        SELECT c.id, c.region_code FROM companies c
         WHERE c.id > ${cursor} AND NOT EXISTS (SELECT 1 FROM credit_ratings r WHERE r.company_id = c.id AND r.year = ${ev.year})
         ORDER BY c.id LIMIT ${BATCH}`);
      const batch = rows as { id: number; region_code: string }[];
      if (!batch.length) break;
      const records: (typeof creditRatings.$inferInsert)[] = [];
      // a few companies at a time: each score is two reads, so the run waits on round trips, not on work
      for (let i = 0; i < batch.length; i += SCORING_CONCURRENCY) {
        const part = batch.slice(i, i + SCORING_CONCURRENCY);
        const scores = await Promise.all(part.map((c) => computeCompanyScore(db, Number(c.id), ev.asOf)));
        part.forEach((c, k) => {
          const s = scores[k];
          records.push({
            companyId: Number(c.id),
            year: ev.year,
            scoreTenths: s.totalTenths,
            grade: s.grade,
            baseTenths: s.baseTenths,
            goodTenths: s.goodTenths,
            badTenths: s.badTenths,
            items: s.items,
            regionCode: c.region_code,
          });
        });
      }
      await db.insert(creditRatings).values(records).onConflictDoNothing();
      cursor = Number(batch[batch.length - 1].id);
      const done = Number(((await db.execute(sql`SELECT count(*)::int AS n FROM credit_ratings WHERE year = ${ev.year}`)).rows[0] as { n: number }).n);
      await db.update(creditEvaluations).set({ done }).where(eq(creditEvaluations.id, id));
      await onProgress?.(done, total);
    }
    const done = Number(((await db.execute(sql`SELECT count(*)::int AS n FROM credit_ratings WHERE year = ${ev.year}`)).rows[0] as { n: number }).n);
    return await db.transaction(async (tx) => {
      const [after] = await tx
        .update(creditEvaluations)
        .set({ status: 'completed', done, finishedAt: new Date() })
        .where(eq(creditEvaluations.id, id))
        .returning();
      await writeAudit(tx, null, { action: 'publish', entity: 'credit-ratings', entityId: ev.year, after: { year: ev.year, asOf: ev.asOf, companies: done } });
      return after;
    });
  } catch (err) {
    await db
      .update(creditEvaluations)
      .set({ status: 'failed', failure: String(err instanceof Error ? err.message : err).slice(0, 500) })
      .where(eq(creditEvaluations.id, id));
    throw err;
  }
}

/** How an evaluation's run starts: the jobs queue in the app (itemsRoutes.ts), returning the job's id. */
export type EvaluationStarter = (db: Db, id: number, actor: Actor) => Promise<string | null>;

/** In-process start, for scripts without a queue: the run continues after the response; its progress is on the evaluation row. */
export const startEvaluationInProcess: EvaluationStarter = async (db, id) => {
  void runEvaluation(db, id).catch(() => undefined);
  return null;
};

/**
 * `POST /api/credit-ratings/evaluate {year}` (city only): one evaluation per year under
 * credit_evaluations_year_idx — a second request, concurrent or later, starts nothing and gets the
 * same evaluation (a failed one is started again). The evaluation date is 31 December, or today for
 * the current year; a future year is 400. Audited with the insert.
 */
export async function evaluateYear(db: Db, actor: Actor, body: unknown, start: EvaluationStarter = startEvaluationInProcess) {
  if (actor.role !== 'city_admin') throw forbidden('ROLE_FORBIDDEN', '年度信用评价由市住房和城乡建设局发起');
  const { year } = creditEvaluateSchema.parse(body);
  const today = beijingDate();
  const thisYear = Number(today.slice(0, 4));
  if (year > thisYear) throw badRequest('VALIDATION_FAILED', '不能评价尚未开始的年度', { year: '不能评价尚未开始的年度' });
  const asOf = year < thisYear ? `${year}-12-31` : today;
  const { row, created } = await db.transaction(async (tx) => {
    const [inserted] = await tx
      .insert(creditEvaluations)
      .values({ year, asOf, startedBy: actor.id })
      .onConflictDoNothing({ target: creditEvaluations.year })
      .returning();
    if (inserted) {
      await writeAudit(tx, actor, { action: 'evaluate', entity: 'credit-ratings', entityId: year, after: { year, asOf } });
      return { row: inserted, created: true };
    }
    const [existing] = await tx.select().from(creditEvaluations).where(eq(creditEvaluations.year, year)).for('update');
    if (existing.status !== 'failed') return { row: existing, created: false };
    const [restarted] = await tx
      .update(creditEvaluations)
      .set({ status: 'running', failure: null })
      .where(and(eq(creditEvaluations.id, existing.id), eq(creditEvaluations.status, 'failed')))
      .returning();
    await writeAudit(tx, actor, { action: 'evaluate', entity: 'credit-ratings', entityId: year, after: { year, asOf: existing.asOf, restarted: true } });
    return { row: restarted, created: true };
  });
  if (created) {
    const jobId = await start(db, row.id, actor);
    if (jobId) {
      await db.update(creditEvaluations).set({ jobId }).where(eq(creditEvaluations.id, row.id));
      row.jobId = jobId;
    }
  }
  return { created, evaluation: presentEvaluation(row) };
}

export async function readEvaluation(db: Db, actor: Actor, rawYear: string) {
  if (!isBureau(actor)) throw forbidden('ROLE_FORBIDDEN', '当前角色无权查看年度信用评价进度');
  if (!/^\d{4}$/.test(rawYear)) throw notFound('年度信用评价');
  const [row] = await db
    .select()
    .from(creditEvaluations)
    .where(eq(creditEvaluations.year, Number(rawYear)));
  if (!row) throw notFound('年度信用评价');
  return presentEvaluation(row);
}
