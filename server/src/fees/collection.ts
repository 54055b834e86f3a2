import { sql, type SQL } from 'drizzle-orm';
import { collectionRate, type CollectionGroup } from '@baotou/shared';
import type { Actor } from '../auth/actor';
import type { DbOrTx } from '../db/client';
import { badRequest, forbidden } from '../http/errors';
import { isBureau, regionCondition } from '../jurisdiction/scope';

export interface CollectionRow {
  key: string;
  label: string;
  /** Current period, by amount: Σ due for bills of [from, to] and Σ collected for them within [from, to]. */
  dueFen: number;
  collectedFen: number;
  rateBp: number | null;
  /** Arrears recovery (清欠率): owed on earlier bills when the period began, and collected on them within it. */
  arrearsFen: number;
  recoveredFen: number;
  recoveryBp: number | null;
  /** By households (second figure): homes billed for the period, and those that paid all of it within it. */
  households: number;
  paidHouseholds: number;
  householdBp: number | null;
}

const KEYS: Record<CollectionGroup, { key: SQL; label: SQL }> = {
  project: {
    key: sql`b.project_id::text`,
    label: sql`(SELECT c.name || '（' || co.name || '）' FROM projects p JOIN compounds c ON c.id = p.compound_id JOIN companies co ON co.id = p.company_id WHERE p.id = g.k::int)`,
  },
  company: { key: sql`b.company_id::text`, label: sql`(SELECT co.name FROM companies co WHERE co.id = g.k::int)` },
  street: { key: sql`left(b.region_code, 9)`, label: sql`(SELECT r.name FROM regions r WHERE r.code = g.k)` },
  district: { key: sql`left(b.region_code, 6)`, label: sql`(SELECT r.name FROM regions r WHERE r.code = g.k)` },
};

/** Who reads collection figures: bureau staff (not party-building) for their region, a company for its own bills. */
export function collectionScope(actor: Actor): SQL {
  if (actor.role === 'company_staff' && actor.companyId) return sql`b.company_id = ${actor.companyId}`;
  if (isBureau(actor) && actor.role !== 'party_staff') return regionCondition(actor, sql`b.region_code`);
  throw forbidden('ROLE_FORBIDDEN', '当前角色无权查看收缴率');
}

/**
 * The collection report (DOMAIN.md §12; research §6 rule 4) for Beijing days [from, to], grouped.
 * Money that arrived is counted when its allocation was written (refunds net off when written).
 * Every ratio comes from shared collectionRate (integer basis points, half-up).
 */
export async function collectionReport(
  db: DbOrTx,
  scope: SQL,
  q: { from: string; to: string; groupBy: CollectionGroup },
  extra: SQL = sql`true`,
): Promise<CollectionRow[]> {
  if (q.from > q.to) throw badRequest('BAD_PERIOD', '开始日期不能晚于结束日期', { to: '开始日期不能晚于结束日期' });
  const fromTs = sql`(${q.from}::date::timestamp AT TIME ZONE 'Asia/Shanghai')`;
  const toTs = sql`((${q.to}::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai')`;
  const { key, label } = KEYS[q.groupBy];
  const rows = (
    await db.execute(sql`
      WITH cur AS (
        SELECT ${key} AS k, b.household_id, b.amount_fen,
               least(b.amount_fen, greatest(0, coalesce((SELECT sum(a.amount_fen) FROM fee_allocations a WHERE a.bill_id = b.id AND a.created_at >= ${fromTs} AND a.created_at < ${toTs}), 0))) AS got
          FROM bills b
         WHERE ${scope} AND ${extra} AND b.status <> 'reversed' AND b.period_start >= ${q.from}::date AND b.period_start <= ${q.to}::date
      ), old AS (
        SELECT k, owed_then, least(owed_then, greatest(0, got)) AS got FROM (
          SELECT ${key} AS k,
                 b.amount_fen - coalesce((SELECT sum(a.amount_fen) FROM fee_allocations a WHERE a.bill_id = b.id AND a.created_at < ${fromTs}), 0) AS owed_then,
                 coalesce((SELECT sum(a.amount_fen) FROM fee_allocations a WHERE a.bill_id = b.id AND a.created_at >= ${fromTs} AND a.created_at < ${toTs}), 0) AS got
            FROM bills b
           WHERE ${scope} AND ${extra} AND b.status <> 'reversed' AND b.period_start < ${q.from}::date
        ) x WHERE owed_then > 0
      ), hh AS (
        SELECT k, household_id, sum(amount_fen) AS due, sum(got) AS got FROM cur GROUP BY k, household_id
      ), keys AS (SELECT k FROM cur UNION SELECT k FROM old)
      SELECT g.k AS key, ${label} AS label,
             coalesce((SELECT sum(amount_fen) FROM cur WHERE cur.k = g.k), 0)::text AS due,
             coalesce((SELECT sum(got) FROM cur WHERE cur.k = g.k), 0)::text AS collected,
             coalesce((SELECT sum(owed_then) FROM old WHERE old.k = g.k), 0)::text AS arrears,
             coalesce((SELECT sum(got) FROM old WHERE old.k = g.k), 0)::text AS recovered,
             (SELECT count(*) FROM hh WHERE hh.k = g.k)::int AS households,
             (SELECT count(*) FROM hh WHERE hh.k = g.k AND hh.got >= hh.due)::int AS paid_households
        FROM keys g ORDER BY g.k`)
  ).rows as {
    key: string;
    label: string | null;
    due: string;
    collected: string;
    arrears: string;
    recovered: string;
    households: number;
    paid_households: number;
  }[];
  return rows.map((r) => {
    const exact = { due: BigInt(r.due), collected: BigInt(r.collected), arrears: BigInt(r.arrears), recovered: BigInt(r.recovered) };
    const due = collectionRate(exact.collected, exact.due);
    const rec = collectionRate(exact.recovered, exact.arrears);
    const hh = collectionRate(r.paid_households, r.households);
    const row: CollectionRow = {
      key: r.key,
      label: r.label ?? r.key,
      dueFen: due.denominator,
      collectedFen: due.numerator,
      rateBp: due.basisPoints,
      arrearsFen: rec.denominator,
      recoveredFen: rec.numerator,
      recoveryBp: rec.basisPoints,
      households: hh.denominator,
      paidHouseholds: hh.numerator,
      householdBp: hh.basisPoints,
    };
    exactFigures.set(row, exact);
    return row;
  });
}

/** Each reported row's fen figures as PostgreSQL summed them: a row's numbers are rounded beyond 2^53, these are not. */
const exactFigures = new WeakMap<CollectionRow, { due: bigint; collected: bigint; arrears: bigint; recovered: bigint }>();

/** The totals over rows (the city figure is the ratio of totals). */
export function collectionTotal(rows: CollectionRow[]): Omit<CollectionRow, 'key' | 'label'> {
  // Summed as bigints from the rows' exact figures (exactFigures): beyond 2^53 (see collectionRate) the ratio stays exact.
  const s = (f: (r: CollectionRow) => number) => rows.reduce((a, r) => a + BigInt(f(r)), 0n);
  const fen = (k: 'due' | 'collected' | 'arrears' | 'recovered', f: (r: CollectionRow) => number) =>
    rows.reduce((a, r) => a + (exactFigures.get(r)?.[k] ?? BigInt(f(r))), 0n);
  const due = collectionRate(
    fen('collected', (r) => r.collectedFen),
    fen('due', (r) => r.dueFen),
  );
  const rec = collectionRate(
    fen('recovered', (r) => r.recoveredFen),
    fen('arrears', (r) => r.arrearsFen),
  );
  const hh = collectionRate(
    s((r) => r.paidHouseholds),
    s((r) => r.households),
  );
  return {
    dueFen: due.denominator,
    collectedFen: due.numerator,
    rateBp: due.basisPoints,
    arrearsFen: rec.denominator,
    recoveredFen: rec.numerator,
    recoveryBp: rec.basisPoints,
    households: hh.denominator,
    paidHouseholds: hh.numerator,
    householdBp: hh.basisPoints,
  };
}
