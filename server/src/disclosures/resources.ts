import { eq, ilike, or, sql } from 'drizzle-orm';
import { DISCLOSURE_KINDS, DISCLOSURE_STATUSES, FLAG_STATUSES } from '@baotou/shared';
import type { ResourceDef } from '../http/resource';
import { filterValue, likeEscape } from '../http/listQuery';
import { isBureau, regionCondition } from '../jurisdiction/scope';
import { disclosureFlags, disclosures } from '../db/schema';
import { memberCompoundIds } from '../committees/membership';
import { residentCompoundIds } from '../places/residentHomes';

export function disclosuresResource(): ResourceDef {
  return {
    name: 'disclosures',
    label: '公开事项',
    table: disclosures,
    id: disclosures.id,
    idKind: 'int',
    fields: {
      id: disclosures.id,
      compoundId: disclosures.compoundId,
      compoundName: sql<string>`(SELECT c.name FROM compounds c WHERE c.id = "disclosures"."compound_id")`,
      regionCode: disclosures.regionCode,
      committeeId: disclosures.committeeId,
      kind: disclosures.kind,
      title: disclosures.title,
      body: disclosures.body,
      periodStart: disclosures.periodStart,
      periodEnd: disclosures.periodEnd,
      statement: disclosures.statement,
      attachments: disclosures.attachments,
      status: disclosures.status,
      version: disclosures.version,
      correctsId: disclosures.correctsId,
      supersededById: disclosures.supersededById,
      current: sql<boolean>`("disclosures"."status" = 'published' AND "disclosures"."superseded_by_id" IS NULL)`,
      dueDate: disclosures.dueDate,
      targetId: disclosures.targetId,
      publishedAt: disclosures.publishedAt,
      flagCount: sql<number>`(SELECT count(*)::int FROM disclosure_flags f WHERE f.disclosure_id = "disclosures"."id")`,
      createdAt: disclosures.createdAt,
    },
    sortable: {
      id: disclosures.id,
      publishedAt: disclosures.publishedAt,
      kind: disclosures.kind,
      createdAt: disclosures.createdAt,
      periodEnd: disclosures.periodEnd,
    },
    defaultSort: ['id', 'DESC'],
    filters: {
      q: (v) => ilike(disclosures.title, `%${likeEscape(filterValue.string('q', v))}%`),
      compoundId: (v) => eq(disclosures.compoundId, filterValue.int('compoundId', v)),
      kind: (v) => eq(disclosures.kind, filterValue.oneOf('kind', v, DISCLOSURE_KINDS)),
      status: (v) => eq(disclosures.status, filterValue.oneOf('status', v, DISCLOSURE_STATUSES)),
      current: (v) =>
        filterValue.bool('current', v)
          ? sql`("disclosures"."status" = 'published' AND "disclosures"."superseded_by_id" IS NULL)`
          : sql`NOT ("disclosures"."status" = 'published' AND "disclosures"."superseded_by_id" IS NULL)`,
      regionCode: (v) => sql`${disclosures.regionCode} LIKE ${filterValue.string('regionCode', v, 12).replace(/\D/g, '') + '%'}`,
    },
    // Residents read their compounds' published disclosures; committee members also their drafts.
    readScope: (actor) => {
      if (isBureau(actor)) return regionCondition(actor, disclosures.regionCode);
      if (actor.role === 'resident') {
        return or(
          sql`${disclosures.compoundId} IN ${residentCompoundIds(actor.id)} AND ${disclosures.status} <> 'draft'`,
          sql`${disclosures.compoundId} IN ${memberCompoundIds(actor.id)}`,
        )!;
      }
      return 'deny';
    },
  };
}

export function flagsResource(): ResourceDef {
  return {
    name: 'disclosure-flags',
    label: '纠错',
    table: disclosureFlags,
    id: disclosureFlags.id,
    idKind: 'int',
    fields: {
      id: disclosureFlags.id,
      disclosureId: disclosureFlags.disclosureId,
      disclosureTitle: sql<string>`(SELECT d.title FROM disclosures d WHERE d.id = "disclosure_flags"."disclosure_id")`,
      compoundId: disclosureFlags.compoundId,
      regionCode: disclosureFlags.regionCode,
      line: disclosureFlags.line,
      comment: disclosureFlags.comment,
      status: disclosureFlags.status,
      answer: disclosureFlags.answer,
      answeredAt: disclosureFlags.answeredAt,
      createdAt: disclosureFlags.createdAt,
    },
    sortable: { id: disclosureFlags.id, createdAt: disclosureFlags.createdAt, status: disclosureFlags.status },
    defaultSort: ['id', 'DESC'],
    filters: {
      q: (v) => ilike(disclosureFlags.comment, `%${likeEscape(filterValue.string('q', v))}%`),
      disclosureId: (v) => eq(disclosureFlags.disclosureId, filterValue.int('disclosureId', v)),
      compoundId: (v) => eq(disclosureFlags.compoundId, filterValue.int('compoundId', v)),
      status: (v) => eq(disclosureFlags.status, filterValue.oneOf('status', v, FLAG_STATUSES)),
    },
    readScope: (actor) => {
      if (isBureau(actor)) return regionCondition(actor, disclosureFlags.regionCode);
      if (actor.role === 'resident') return or(eq(disclosureFlags.userId, actor.id), sql`${disclosureFlags.compoundId} IN ${memberCompoundIds(actor.id)}`)!;
      return 'deny';
    },
  };
}
