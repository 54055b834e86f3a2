import { sql, type SQL } from 'drizzle-orm';
import { averageHundredths, ratePermille, statusesInPhase, type StatsGroup, type TicketStatsRow } from '@baotou/shared';
import type { Actor } from '../auth/actor';
import type { Db } from '../db/client';
import { forbidden } from '../http/errors';
import { TICKET_BUREAU_ROLES } from './scope';
import { regionLevel } from '@baotou/shared';

/** The jurisdiction as an equality on the alias t (the same rule as scope.ts' ticketRegionCondition). */
function regionOf(code: string): SQL {
  switch (regionLevel(code)) {
    case 'city':
      return sql`true`;
    case 'district':
      return sql`t.district_code = ${code}`;
    case 'street':
      return sql`t.street_code = ${code}`;
    case 'community':
      return sql`t.region_code = ${code}`;
    default:
      return sql`false`;
  }
}

const KEYS: Record<StatsGroup, { key: SQL; name: SQL }> = {
  district: { key: sql`t.district_code`, name: sql`(SELECT r.name FROM regions r WHERE r.code = s.key)` },
  street: { key: sql`t.street_code`, name: sql`(SELECT r.name FROM regions r WHERE r.code = s.key)` },
  compound: { key: sql`t.compound_id::text`, name: sql`(SELECT c.name FROM compounds c WHERE c.id::text = s.key)` },
  company: { key: sql`coalesce(t.company_id::text, '-')`, name: sql`coalesce((SELECT co.name FROM companies co WHERE co.id::text = s.key), '无物业服务企业')` },
};

/** `t.status IN (…)` for one phase of the shared lifecycle (lifecycle.ts), so statistics read tickets as the queues do. */
const inPhase = (phase: Parameters<typeof statusesInPhase>[0]) =>
  sql`t.status IN (${sql.join(
    statusesInPhase(phase).map((s) => sql`${s}`),
    sql`, `,
  )})`;

/** Dates are Beijing calendar days; `to` is inclusive. */
const dayStart = (d: string) => new Date(`${d}T00:00:00+08:00`);

/**
 * Received, closed, closure rate (办结率), on-time rate, average rating and escalations over the
 * cases received in [from, to], grouped. Counts in SQL, rates in integers (per mille).
 */
export async function ticketStats(db: Db, actor: Actor, q: { from: string; to: string; groupBy: StatsGroup }): Promise<TicketStatsRow[]> {
  let scope: SQL;
  if (actor.role === 'company_staff' && actor.companyId) scope = sql`t.kind = 'repair' AND t.company_id = ${actor.companyId}`;
  // The same roles that read cases (scope.ts): party-building work needs no ticket figures (issue 9 §9).
  else if ((TICKET_BUREAU_ROLES as readonly string[]).includes(actor.role) && actor.regionCode) scope = regionOf(actor.regionCode);
  else throw forbidden('ROLE_FORBIDDEN', '当前角色无权查看工单统计');
  const from = dayStart(q.from);
  const to = new Date(dayStart(q.to).getTime() + 86_400_000);
  const g = KEYS[q.groupBy];
  const result = await db.execute(sql`
    SELECT s.*, ${g.name} AS name FROM (
      SELECT ${g.key} AS key,
             count(*)::int AS received,
             count(*) FILTER (WHERE ${inPhase('closed')})::int AS closed,
             count(*) FILTER (WHERE ${inPhase('awaiting_rating')})::int AS awaiting_rating,
             count(*) FILTER (WHERE ${inPhase('awaiting_close')})::int AS awaiting_close,
             count(t.resolved_at)::int AS resolved,
             count(*) FILTER (WHERE t.resolved_at IS NOT NULL AND NOT t.overran)::int AS on_time,
             count(t.rating)::int AS rating_count,
             coalesce(sum(t.rating), 0)::int AS rating_sum,
             coalesce(sum(t.escalation_count), 0)::int AS escalations
        FROM tickets t
       WHERE t.created_at >= ${from.toISOString()}::timestamptz AND t.created_at < ${to.toISOString()}::timestamptz AND (${scope})
       GROUP BY 1
    ) s ORDER BY s.received DESC, s.key`);
  return (result.rows as Record<string, unknown>[]).map((r) => {
    const n = (k: string) => Number(r[k]);
    return {
      key: String(r.key),
      name: String(r.name ?? r.key),
      received: n('received'),
      closed: n('closed'),
      closureRatePermille: ratePermille(n('closed'), n('received')),
      awaitingRating: n('awaiting_rating'),
      awaitingClose: n('awaiting_close'),
      resolved: n('resolved'),
      onTime: n('on_time'),
      onTimeRatePermille: ratePermille(n('on_time'), n('resolved')),
      ratingCount: n('rating_count'),
      ratingSum: n('rating_sum'),
      averageRatingHundredths: averageHundredths(n('rating_sum'), n('rating_count')),
      escalations: n('escalations'),
    };
  });
}
