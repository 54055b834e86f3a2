import { eq, ilike, or, sql } from 'drizzle-orm';
import { VOTE_KINDS, VOTE_MATTERS, VOTE_STATUSES } from '@baotou/shared';
import type { ResourceDef } from '../http/resource';
import { filterValue, likeEscape } from '../http/listQuery';
import { isBureau, regionCondition } from '../jurisdiction/scope';
import { votes } from '../db/schema';
import { memberCompoundIds } from '../committees/membership';
import { residentCompoundIds } from '../places/residentHomes';

export function votesResource(): ResourceDef {
  return {
    name: 'votes',
    label: '表决',
    table: votes,
    id: votes.id,
    idKind: 'int',
    fields: {
      id: votes.id,
      compoundId: votes.compoundId,
      compoundName: sql<string>`(SELECT c.name FROM compounds c WHERE c.id = "votes"."compound_id")`,
      regionCode: votes.regionCode,
      committeeId: votes.committeeId,
      title: votes.title,
      description: votes.description,
      matter: votes.matter,
      kind: votes.kind,
      scopeType: votes.scopeType,
      scopeIds: votes.scopeIds,
      opensAt: votes.opensAt,
      closesAt: votes.closesAt,
      status: votes.status,
      followMajority: votes.followMajority,
      eligibleCount: votes.eligibleCount,
      ballotCount: sql<number>`(SELECT count(*)::int FROM ballots b WHERE b.vote_id = "votes"."id" AND b.current)`,
      conflictCount: sql<number>`(SELECT count(*)::int FROM ballot_conflicts k WHERE k.vote_id = "votes"."id")`,
      closedAt: votes.closedAt,
      createdAt: votes.createdAt,
    },
    sortable: { id: votes.id, closesAt: votes.closesAt, opensAt: votes.opensAt, status: votes.status, matter: votes.matter, createdAt: votes.createdAt },
    defaultSort: ['id', 'DESC'],
    filters: {
      q: (v) => ilike(votes.title, `%${likeEscape(filterValue.string('q', v))}%`),
      compoundId: (v) => eq(votes.compoundId, filterValue.int('compoundId', v)),
      status: (v) => eq(votes.status, filterValue.oneOf('status', v, VOTE_STATUSES)),
      matter: (v) => eq(votes.matter, filterValue.oneOf('matter', v, VOTE_MATTERS)),
      kind: (v) => eq(votes.kind, filterValue.oneOf('kind', v, VOTE_KINDS)),
      regionCode: (v) => sql`${votes.regionCode} LIKE ${filterValue.string('regionCode', v, 12).replace(/\D/g, '') + '%'}`,
    },
    readScope: (actor) => {
      if (isBureau(actor)) return regionCondition(actor, votes.regionCode);
      // Residents see their compounds' votes once open; committee members also the drafts.
      if (actor.role === 'resident') {
        return or(
          sql`${votes.compoundId} IN ${residentCompoundIds(actor.id)} AND ${votes.status} <> 'draft'`,
          sql`${votes.compoundId} IN ${memberCompoundIds(actor.id)}`,
        )!;
      }
      return 'deny';
    },
  };
}
