import { eq, sql, type SQL } from 'drizzle-orm';
import { COMMITTEE_ALERTS, COMMITTEE_KINDS, COMMITTEE_STATUSES, committeeAlerts, committeeSchema, previousQuarterStart } from '@baotou/shared';
import type { ResourceDef } from '../http/resource';
import { filterValue } from '../http/listQuery';
import { isBureau, regionCondition } from '../jurisdiction/scope';
import { committees } from '../db/schema';
import { compoundRegion } from '../places/compounds';
import { regionWriteAllowed } from '../places/scopes';
import { residentCompoundIds } from '../places/residentHomes';
import { assertCompoundChangeAllowed } from './lifecycle';
import { committeeCounted, committeeHasCrossAppointment, committeeHasPartyMembers } from '../party/dashboardFacts';

export const COMMITTEE_WRITERS = ['city_admin', 'district_staff', 'street_staff'] as const;

const today = () => new Date().toISOString().slice(0, 10);
const memberCount = sql<number>`(SELECT count(*)::int FROM committee_members m WHERE m.committee_id = "committees"."id")`;
const lastStatementAt = sql<string | null>`(SELECT to_char(max(d.published_at), 'YYYY-MM-DD') FROM disclosures d
  WHERE d.compound_id = "committees"."compound_id" AND d.kind IN ('fund_statement', 'income_statement') AND d.status = 'published')`;

/** The same alert rules as shared committeeAlerts, as SQL, so the console can filter by them. */
function alertCondition(alert: (typeof COMMITTEE_ALERTS)[number]): SQL {
  const inOffice = sql`"committees"."status" = 'in_office' AND "committees"."kind" <> 'preparatory'`;
  switch (alert) {
    case 'TERM_ENDING':
      return sql`${inOffice} AND "committees"."term_end" - interval '3 months' <= ${today()}::date`;
    case 'NOT_FILED':
      return sql`${inOffice} AND "committees"."filed_at" IS NULL AND "committees"."elected_at" + 30 < ${today()}::date`;
    case 'NO_DISCLOSURE':
      return sql`${inOffice} AND coalesce(${lastStatementAt}, '') < ${previousQuarterStart(today())}`;
    case 'BAD_SIZE':
      return sql`${inOffice} AND "committees"."kind" = 'owners_committee' AND (${memberCount} NOT BETWEEN 5 AND 11 OR ${memberCount} % 2 = 0)`;
  }
}

export function committeesResource(): ResourceDef {
  return {
    name: 'committees',
    label: '业主组织',
    table: committees,
    id: committees.id,
    idKind: 'int',
    fields: {
      id: committees.id,
      compoundId: committees.compoundId,
      compoundName: sql<string>`(SELECT c.name FROM compounds c WHERE c.id = "committees"."compound_id")`,
      regionCode: committees.regionCode,
      kind: committees.kind,
      status: committees.status,
      electedAt: committees.electedAt,
      termStart: committees.termStart,
      termEnd: committees.termEnd,
      filedAt: committees.filedAt,
      memberCount,
      partyMemberCount: sql<number>`(SELECT count(*)::int FROM committee_members m WHERE m.committee_id = "committees"."id" AND m.party_member)`,
      lastDisclosureAt: lastStatementAt,
      createdAt: committees.createdAt,
    },
    sortable: {
      id: committees.id,
      compoundId: committees.compoundId,
      kind: committees.kind,
      status: committees.status,
      termEnd: committees.termEnd,
      electedAt: committees.electedAt,
    },
    defaultSort: ['id', 'DESC'],
    filters: {
      q: (v) =>
        sql`"committees"."compound_id" IN (SELECT c.id FROM compounds c WHERE c.name ILIKE ${'%' + filterValue.string('q', v).replace(/[\\%_]/g, (ch) => `\\${ch}`) + '%'})`,
      compoundId: (v) => eq(committees.compoundId, filterValue.int('compoundId', v)),
      kind: (v) => eq(committees.kind, filterValue.oneOf('kind', v, COMMITTEE_KINDS)),
      status: (v) => eq(committees.status, filterValue.oneOf('status', v, COMMITTEE_STATUSES)),
      regionCode: (v) => sql`${committees.regionCode} LIKE ${filterValue.string('regionCode', v, 12).replace(/\D/g, '') + '%'}`,
      alert: (v) => alertCondition(filterValue.oneOf('alert', v, COMMITTEE_ALERTS)),
      // The Red Property dashboard's drill-downs (server/src/party/dashboardFacts.ts).
      counted: (v) => (filterValue.bool('counted', v) ? committeeCounted(sql`"committees"`) : sql`NOT ${committeeCounted(sql`"committees"`)}`),
      partyMembers: (v) =>
        filterValue.bool('partyMembers', v) ? committeeHasPartyMembers(sql`"committees"`) : sql`NOT ${committeeHasPartyMembers(sql`"committees"`)}`,
      crossAppointment: (v) =>
        filterValue.bool('crossAppointment', v) ? committeeHasCrossAppointment(sql`"committees"`) : sql`NOT ${committeeHasCrossAppointment(sql`"committees"`)}`,
    },
    readScope: (actor) => {
      if (isBureau(actor)) return regionCondition(actor, committees.regionCode);
      if (actor.role === 'resident') return sql`${committees.compoundId} IN ${residentCompoundIds(actor.id)}`;
      return 'deny';
    },
    present: (row) => ({
      ...row,
      alerts: committeeAlerts(
        {
          kind: row.kind as never,
          status: row.status as never,
          electedAt: row.electedAt as string | null,
          termEnd: row.termEnd as string | null,
          filedAt: row.filedAt as string | null,
          memberCount: row.memberCount as number,
          lastStatementAt: row.lastDisclosureAt as string | null,
        },
        today(),
      ),
    }),
    write: {
      roles: COMMITTEE_WRITERS,
      allows: regionWriteAllowed,
      readOnlyFields: ['compoundName', 'regionCode', 'memberCount', 'partyMemberCount', 'lastDisclosureAt', 'alerts', 'createdAt', 'updatedAt'],
      create: { schema: committeeSchema, prepare: async (input, c) => ({ ...input, regionCode: await compoundRegion(c.tx, input.compoundId) }) },
      update: {
        schema: committeeSchema,
        async prepare(input, c) {
          await assertCompoundChangeAllowed(c.tx, c.existing!, input.compoundId);
          return { ...input, regionCode: await compoundRegion(c.tx, input.compoundId) };
        },
      },
      // DELETE is lifecycle.ts's registerCommitteeDelete: refused while anything hangs on the committee.
    },
  };
}
