import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { beijingDate } from '../jurisdiction/scope';
import { recordRuleCreditItem } from './ruleItems';
import type { CreditRule } from '@baotou/shared';

interface Candidate {
  key: string;
  company_id: number;
  project_id: number | null;
  occurred_on: string;
  note: string;
}

/** The company's service project for a ticket's compound: the contract it was filed under, else its latest there. */
const TICKET_PROJECT = `(SELECT p.id FROM projects p WHERE p.compound_id = t.compound_id AND p.company_id = t.company_id
    ORDER BY (p.start_date <= t.created_at::date AND p.end_date >= t.created_at::date) DESC, p.start_date DESC LIMIT 1)`;

/**
 * Where rule items come from in the tickets and party capabilities (DOMAIN.md §5 "Inputs"; research
 * §1 rule 5). Each candidate query lists events not yet recorded (NOT EXISTS on the rule's key); the
 * recording itself is at most once under credit_items_type_source_key_idx, so a sweep may run twice.
 *  - ticket_overdue: a repair the company handled that overran its time limit (tickets.overran);
 *  - complaint_verified: a complaint against the company that ended with a result its resident
 *    confirmed (or the automatic confirmation) — the case was taken up and found against the company;
 *  - party_organisation: a company with a party organisation, once per calendar year (from the
 *    organisation's founding date in its first year).
 */
const CANDIDATES: Record<'ticket_overdue' | 'complaint_verified' | 'party_organisation', (limit: number, today: string) => ReturnType<typeof sql>> = {
  ticket_overdue: (limit) =>
    sql.raw(`
    SELECT 'ticket:' || t.id AS key, t.company_id, ${TICKET_PROJECT} AS project_id,
           ((coalesce(t.resolved_at, t.updated_at)) AT TIME ZONE 'Asia/Shanghai')::date::text AS occurred_on,
           '工单 #' || t.id || ' 超过办理时限' AS note
      FROM tickets t
     WHERE t.kind = 'repair' AND t.overran AND t.company_id IS NOT NULL
       AND NOT EXISTS (SELECT 1 FROM credit_items ci WHERE ci.type = 'ticket_overdue' AND ci.source_key = 'ticket:' || t.id)
     ORDER BY t.id LIMIT ${limit}`),
  complaint_verified: (limit) =>
    sql.raw(`
    SELECT 'ticket:' || t.id AS key, t.company_id, ${TICKET_PROJECT} AS project_id,
           (t.confirmed_at AT TIME ZONE 'Asia/Shanghai')::date::text AS occurred_on,
           '投诉 #' || t.id || ' 经调解核实' AS note
      FROM tickets t
     WHERE t.kind = 'complaint' AND t.against = 'company' AND t.company_id IS NOT NULL
       AND t.status IN ('confirmed', 'closed') AND t.confirmed_at IS NOT NULL
       AND NOT EXISTS (SELECT 1 FROM credit_items ci WHERE ci.type = 'complaint_verified' AND ci.source_key = 'ticket:' || t.id)
     ORDER BY t.id LIMIT ${limit}`),
  party_organisation: (limit, today) => sql`
    SELECT 'party-org:' || o.company_id || ':' || ${today.slice(0, 4)} AS key, o.company_id, NULL::int AS project_id,
           greatest(min(o.founded_on), ${`${today.slice(0, 4)}-01-01`}::date)::text AS occurred_on,
           '企业建有党组织：' || min(o.name) AS note
      FROM party_orgs o
     WHERE o.company_id IS NOT NULL AND o.founded_on <= ${today}::date
       AND NOT EXISTS (SELECT 1 FROM credit_items ci WHERE ci.type = 'party_organisation' AND ci.source_key = 'party-org:' || o.company_id || ':' || ${today.slice(0, 4)})
     GROUP BY o.company_id ORDER BY o.company_id LIMIT ${limit}`,
};

/**
 * Records the rule items the tickets and party data have earned and not yet got, each in its own
 * transaction, at most `limit` per rule per run. Returns how many were created per rule.
 */
export async function sweepTicketAndPartyCreditItems(db: Db, today = beijingDate(), limit = 500): Promise<Record<string, number>> {
  const created: Record<string, number> = {};
  for (const [rule, query] of Object.entries(CANDIDATES) as [CreditRule & keyof typeof CANDIDATES, (typeof CANDIDATES)[keyof typeof CANDIDATES]][]) {
    created[rule] = 0;
    const { rows } = await db.execute(query(limit, today));
    for (const c of rows as unknown as Candidate[]) {
      const r = await db.transaction((tx) =>
        recordRuleCreditItem(tx, {
          rule,
          sourceKey: c.key,
          companyId: Number(c.company_id),
          projectId: c.project_id === null ? null : Number(c.project_id),
          occurredOn: c.occurred_on,
          note: c.note,
        }),
      );
      if (r.created) created[rule] += 1;
    }
  }
  return created;
}
