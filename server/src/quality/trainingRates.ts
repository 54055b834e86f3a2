import { sql, type SQL } from 'drizzle-orm';
import { targetFor, type TrainingSettings } from '@baotou/config';
import { addTrainingRates, formatRate, meetsPercent, type TrainingRateGroup, type TrainingRates } from '@baotou/shared';
import type { Actor } from '../auth/actor';
import type { Db } from '../db/client';
import { forbidden } from '../http/errors';
import { workforceReadScope } from './workforceScope';
import { staff } from '../db/schema';

export interface TrainingRateRow extends TrainingRates {
  key: string;
  name: string;
}

const CITY = '150200';

/**
 * The training rates of DOMAIN.md §13 in one SQL pass, with the same definitions as the shared
 * `trainingRates` (a test holds them equal): per group, head counts of staff hired in the year,
 * those of them with a pre-job training dated ≤ hired_on + N days, specialists employed on
 * 31 December, and those of them with ≥ H tenths of continuing-education hours dated in the year.
 * Served by staff_region_idx and trainings_staff_kind_date_idx.
 */
export async function readTrainingRateRows(
  db: Db,
  actor: Actor,
  year: number,
  groupBy: TrainingRateGroup,
  settings: TrainingSettings,
): Promise<TrainingRateRow[]> {
  const scope = workforceReadScope(staff.companyId, staff.regionCode)(actor);
  if (scope === 'deny') throw forbidden('ROLE_FORBIDDEN', '当前角色无权查看培训率');
  const first = `${year}-01-01`;
  const last = `${year}-12-31`;
  const key: SQL = groupBy === 'company' ? sql`s.company_id::text` : groupBy === 'district' ? sql`substr(s.region_code, 1, 6)` : sql.raw(`'${CITY}'`);
  const name: SQL =
    groupBy === 'company'
      ? sql`(SELECT c.name FROM companies c WHERE c.id::text = g.key)`
      : sql`coalesce((SELECT r.name FROM regions r WHERE r.code = g.key), g.key)`;
  // The planner overestimates the join (a CTE scan), which can cross jit_above_cost: compiling the
  // query then takes over a second for a ~50 ms query, so JIT is off for this statement.
  const { rows } = await db.transaction(async (tx) => {
    await tx.execute(sql`SET LOCAL jit = off`);
    return tx.execute(sql`
    WITH s AS (
      SELECT id, company_id, region_code, hired_on, specialist,
             (hired_on >= ${first}::date AND hired_on <= ${last}::date) AS hired_in_year,
             (specialist AND hired_on <= ${last}::date AND (left_on IS NULL OR left_on >= ${last}::date)) AS on_dec31
        FROM staff
       WHERE ${scope} AND hired_on <= ${last}::date AND (hired_on >= ${first}::date OR (specialist AND (left_on IS NULL OR left_on >= ${last}::date)))
    ),
    cont AS (
      SELECT t.staff_id, sum(t.hours_tenths)::int AS tenths
        FROM trainings t
       WHERE t.kind = 'continuing' AND t.trained_on >= ${first}::date AND t.trained_on <= ${last}::date
         AND t.staff_id IN (SELECT id FROM s WHERE on_dec31)
       GROUP BY t.staff_id
    ),
    g AS (
      SELECT ${key} AS key,
             count(*) FILTER (WHERE s.hired_in_year)::int AS hired,
             count(*) FILTER (WHERE s.hired_in_year AND EXISTS (
               SELECT 1 FROM trainings t WHERE t.staff_id = s.id AND t.kind = 'pre_job' AND t.trained_on <= s.hired_on + ${settings.preJobGraceDays}::int))::int AS trained,
             count(*) FILTER (WHERE s.on_dec31)::int AS specialists,
             count(*) FILTER (WHERE s.on_dec31 AND coalesce(cont.tenths, 0) >= ${settings.continuingHoursTenths}::int)::int AS qualified
        FROM s LEFT JOIN cont ON cont.staff_id = s.id
       GROUP BY 1
    )
    SELECT g.*, ${name} AS name FROM g ORDER BY g.key`);
  });
  return (rows as { key: string; name: string | null; hired: number; trained: number; specialists: number; qualified: number }[]).map((r) => ({
    key: r.key,
    name: r.name ?? r.key,
    preJob: { trained: r.trained, hired: r.hired },
    continuing: { qualified: r.qualified, specialists: r.specialists },
  }));
}

/** Rates with labels and the year's targets (config/src/targets.ts), summed by head count for the total. */
export async function readTrainingRates(db: Db, actor: Actor, year: number, groupBy: TrainingRateGroup, settings: TrainingSettings) {
  const rows = await readTrainingRateRows(db, actor, year, groupBy, settings);
  const target = targetFor(year);
  const targets = target ? { preJobTrainingPct: target.preJobTrainingPct, continuingEducationPct: target.continuingEducationPct } : null;
  const labelled = (r: TrainingRates) => ({
    labels: { preJob: formatRate(r.preJob.trained, r.preJob.hired), continuing: formatRate(r.continuing.qualified, r.continuing.specialists) },
    meets: targets
      ? {
          preJob: r.preJob.hired ? meetsPercent(r.preJob.trained, r.preJob.hired, targets.preJobTrainingPct) : null,
          continuing: r.continuing.specialists ? meetsPercent(r.continuing.qualified, r.continuing.specialists, targets.continuingEducationPct) : null,
        }
      : null,
  });
  const total = rows.reduce<TrainingRates>((sum, r) => addTrainingRates(sum, r), {
    preJob: { trained: 0, hired: 0 },
    continuing: { qualified: 0, specialists: 0 },
  });
  return {
    year,
    groupBy,
    targets,
    settings: { preJobGraceDays: settings.preJobGraceDays, continuingHoursTenths: settings.continuingHoursTenths },
    rows: rows.map((r) => ({ ...r, ...labelled(r) })),
    total: { ...total, ...labelled(total) },
  };
}
