import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';

/** Age buckets of arrears by months past due (issue 13: "arrears by building and age"). */
export const ARREARS_AGES = ['m0_3', 'm3_6', 'm6_12', 'm12_plus'] as const;

const today = sql`(now() AT TIME ZONE 'Asia/Shanghai')::date`;

/**
 * What a compound's homes owe past due, by building and age (months since due: ≤3, 3–6, 6–12, >12),
 * in fen and homes. `scope` is the caller's jurisdiction over bills (alias b).
 */
export async function arrearsByBuilding(db: DbOrTx, scope: SQL, compoundId: number) {
  const rows = (
    await db.execute(sql`
      SELECT b.building_id AS "buildingId", bl.name AS "buildingName",
             count(DISTINCT b.household_id)::int AS households,
             sum(b.amount_fen - b.paid_fen)::text AS owed,
             sum(b.amount_fen - b.paid_fen) FILTER (WHERE b.due_on >= ${today} - interval '3 months')::text AS m0_3,
             sum(b.amount_fen - b.paid_fen) FILTER (WHERE b.due_on < ${today} - interval '3 months' AND b.due_on >= ${today} - interval '6 months')::text AS m3_6,
             sum(b.amount_fen - b.paid_fen) FILTER (WHERE b.due_on < ${today} - interval '6 months' AND b.due_on >= ${today} - interval '12 months')::text AS m6_12,
             sum(b.amount_fen - b.paid_fen) FILTER (WHERE b.due_on < ${today} - interval '12 months')::text AS m12_plus
        FROM bills b JOIN buildings bl ON bl.id = b.building_id
       WHERE ${scope} AND b.compound_id = ${compoundId} AND b.status IN ('unpaid', 'partly_paid') AND b.due_on < ${today}
       GROUP BY b.building_id, bl.name, bl.name_sort ORDER BY bl.name_sort`)
  ).rows as Record<string, string | number | null>[];
  return rows.map((r) => ({
    buildingId: Number(r.buildingId),
    buildingName: r.buildingName as string,
    households: Number(r.households),
    owedFen: Number(r.owed ?? 0),
    byAge: Object.fromEntries(ARREARS_AGES.map((a) => [a, Number(r[a] ?? 0)])) as Record<(typeof ARREARS_AGES)[number], number>,
  }));
}

/**
 * Long-term defaulters of a compound (DOMAIN.md §12; 四(三)2): homes with a household-payer bill
 * unpaid more than `months` months past due — masked to building, unit, room and amount, no name
 * (PIPL Art. 6: the committee urges; it needs no more).
 */
export async function longTermDefaulters(db: DbOrTx, compoundId: number, months: number) {
  const rows = (
    await db.execute(sql`
      SELECT h.id AS "householdId", bl.name AS "buildingName", u.name AS "unitName", h.room,
             sum(b.amount_fen - b.paid_fen)::text AS owed, min(b.period_start)::text AS "oldestPeriod", count(*)::int AS bills,
             (SELECT max(r.sent_at) FROM fee_reminders r WHERE r.household_id = h.id AND r.sender = 'committee') AS "lastUrgedAt"
        FROM bills b JOIN households h ON h.id = b.household_id JOIN buildings bl ON bl.id = h.building_id JOIN units u ON u.id = h.unit_id
       WHERE b.compound_id = ${compoundId} AND b.payer = 'household' AND b.status IN ('unpaid', 'partly_paid') AND b.due_on < ${today}
       GROUP BY h.id, bl.name, bl.name_sort, u.name, u.name_sort, h.room, h.room_sort
      HAVING min(b.due_on) < ${today} - make_interval(months => ${months})
       ORDER BY bl.name_sort, u.name_sort, h.room_sort`)
  ).rows as {
    householdId: number;
    buildingName: string;
    unitName: string;
    room: string;
    owed: string;
    oldestPeriod: string;
    bills: number;
    lastUrgedAt: string | null;
  }[];
  return rows.map((r) => ({ ...r, householdId: Number(r.householdId), owedFen: Number(r.owed), owed: undefined }));
}
