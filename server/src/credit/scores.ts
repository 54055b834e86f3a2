import { sql } from 'drizzle-orm';
import { creditScore, type CreditScore, type ScoredCreditItem } from '@baotou/shared';
import type { DbOrTx } from '../db/client';
import { creditSettings } from './settings';

interface ItemRow {
  id: number;
  type: string;
  category: ScoredCreditItem['category'];
  points_tenths: number;
  project_id: number | null;
  status: ScoredCreditItem['status'];
  public_until: string;
  valid_from: string;
  valid_until: string;
}

export interface CompanyScore extends CreditScore {
  companyId: number;
  asOf: string;
  /** The items that counted (frozen into a yearly record). */
  items: { id: number; type: string; category: string; pointsTenths: number; projectId: number | null }[];
}

/**
 * Floor area (centi-m²) of each project that weighs a company's project-level items on `asOf`
 * (DOMAIN.md §5): its projects in service on that day, plus any project an item refers to; a
 * project's area is its compound's total floor area (compounds.total_area).
 */
async function projectAreas(db: DbOrTx, companyId: number, asOf: string, itemProjects: number[]): Promise<Record<number, number>> {
  const { rows } = await db.execute(sql`
    SELECT p.id, round(c.total_area * 100)::bigint::text AS area
      FROM projects p JOIN compounds c ON c.id = p.compound_id
     WHERE (p.company_id = ${companyId} AND p.start_date <= ${asOf}::date AND p.end_date >= ${asOf}::date)
        OR p.id = ANY(${`{${itemProjects.join(',')}}`}::int[])`);
  return Object.fromEntries((rows as { id: number; area: string }[]).map((r) => [Number(r.id), Number(r.area)]));
}

/**
 * A company's score on `asOf` (YYYY-MM-DD) from its items (shared creditScore, DOMAIN.md §5): the
 * items in effect that day, project-level ones weighted by floor area, caps from the settings.
 */
export async function computeCompanyScore(db: DbOrTx, companyId: number, asOf: string): Promise<CompanyScore> {
  const { rows } = await db.execute(sql`
    SELECT id, type, category, points_tenths, project_id, status, public_until::text, valid_from::text, valid_until::text
      FROM credit_items
     WHERE company_id = ${companyId} AND valid_until >= ${asOf}::date AND valid_from <= ${asOf}::date
       AND public_until < ${asOf}::date AND status = 'published'`);
  const items = rows as unknown as ItemRow[];
  const projects = [...new Set(items.map((i) => i.project_id).filter((p): p is number => p !== null))];
  const areas = await projectAreas(db, companyId, asOf, projects);
  const s = creditSettings();
  const scored = items.map((i) => ({
    category: i.category,
    pointsTenths: i.points_tenths,
    projectId: i.project_id,
    status: i.status,
    publicUntil: i.public_until,
    validFrom: i.valid_from,
    validUntil: i.valid_until,
  }));
  const score = creditScore(scored, asOf, { projectAreas: areas, baseCapTenths: s.baseCapTenths, goodCapTenths: s.goodCapTenths });
  return {
    companyId,
    asOf,
    ...score,
    items: items.map((i) => ({ id: i.id, type: i.type, category: i.category, pointsTenths: i.points_tenths, projectId: i.project_id })),
  };
}

/** Computes and caches a company's live score (credit_scores), for the public page. */
export async function refreshCompanyScore(db: DbOrTx, companyId: number, asOf: string): Promise<CompanyScore> {
  return storeCompanyScore(db, await computeCompanyScore(db, companyId, asOf));
}

/** Caches a score just computed by computeCompanyScore (credit_scores); the company must exist. */
export async function storeCompanyScore(db: DbOrTx, score: CompanyScore): Promise<CompanyScore> {
  const { companyId, asOf } = score;
  await db.execute(sql`
    INSERT INTO credit_scores (company_id, as_of, base_tenths, good_tenths, bad_tenths, score_tenths, grade, computed_at)
    VALUES (${companyId}, ${asOf}::date, ${score.baseTenths}, ${score.goodTenths}, ${score.badTenths}, ${score.totalTenths}, ${score.grade}, clock_timestamp())
    ON CONFLICT (company_id) DO UPDATE SET as_of = EXCLUDED.as_of, base_tenths = EXCLUDED.base_tenths, good_tenths = EXCLUDED.good_tenths,
      bad_tenths = EXCLUDED.bad_tenths, score_tenths = EXCLUDED.score_tenths, grade = EXCLUDED.grade, computed_at = EXCLUDED.computed_at
    -- nothing to write (no WAL, no fsync) when the cached row is already today's and as new as the items
    WHERE credit_scores.as_of <> EXCLUDED.as_of OR credit_scores.score_tenths <> EXCLUDED.score_tenths OR credit_scores.base_tenths <> EXCLUDED.base_tenths
       OR credit_scores.good_tenths <> EXCLUDED.good_tenths OR credit_scores.bad_tenths <> EXCLUDED.bad_tenths
       OR credit_scores.computed_at < (SELECT max(i.updated_at) FROM credit_items i WHERE i.company_id = ${companyId})`);
  return score;
}

/**
 * SQL: is company `c`'s cached score out of date on `today` — missing, computed for an earlier day,
 * or older than the latest change to its items (credit_items_company_updated_idx answers it).
 */
export const scoreStaleSql = (companyIdSql: ReturnType<typeof sql>, today: string) => sql`(
  s.company_id IS NULL OR s.as_of < ${today}::date
  OR s.computed_at < (SELECT max(i.updated_at) FROM credit_items i WHERE i.company_id = ${companyIdSql}))`;
