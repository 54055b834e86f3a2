import { eq, sql } from 'drizzle-orm';
import type { ResourceDef } from '../http/resource';
import { filterValue } from '../http/listQuery';
import { isBureau, regionCondition } from '../jurisdiction/scope';
import { ballotConflicts } from '../db/schema';
import { memberCompoundIds } from '../committees/membership';

/** Staff who review entered ballots that met an owner's own (party-building work needs none of it). */
const REVIEWERS = ['city_admin', 'district_staff', 'street_staff', 'community_staff'];

/**
 * Ballots entered by the committee for a home whose owner had voted themselves (issue 9 §5), for
 * the committee and the street to review. Read-only: a conflict is a record, the owner's ballot
 * stands. Shows the channel and scan of the entered ballot, never either choice.
 */
export function ballotConflictsResource(): ResourceDef {
  return {
    name: 'ballot-conflicts',
    label: '选票冲突',
    table: ballotConflicts,
    id: ballotConflicts.id,
    idKind: 'int',
    fields: {
      id: ballotConflicts.id,
      voteId: ballotConflicts.voteId,
      voteTitle: sql<string>`(SELECT v.title FROM votes v WHERE v.id = "ballot_conflicts"."vote_id")`,
      compoundId: ballotConflicts.compoundId,
      regionCode: ballotConflicts.regionCode,
      householdId: ballotConflicts.householdId,
      home: sql<string>`(SELECT b.name || '-' || u.name || '-' || h.room FROM households h JOIN buildings b ON b.id = h.building_id JOIN units u ON u.id = h.unit_id WHERE h.id = "ballot_conflicts"."household_id")`,
      ownerVotedAt: sql<string>`(SELECT o.created_at FROM ballots o WHERE o.id = "ballot_conflicts"."owner_ballot_id")`,
      enteredChannel: sql<string>`(SELECT e.channel FROM ballots e WHERE e.id = "ballot_conflicts"."entered_ballot_id")`,
      enteredScanUrl: sql<string | null>`(SELECT e.scan_url FROM ballots e WHERE e.id = "ballot_conflicts"."entered_ballot_id")`,
      enteredBy: ballotConflicts.enteredBy,
      createdAt: ballotConflicts.createdAt,
    },
    sortable: { id: ballotConflicts.id, createdAt: ballotConflicts.createdAt, voteId: ballotConflicts.voteId },
    defaultSort: ['id', 'DESC'],
    filters: {
      voteId: (v) => eq(ballotConflicts.voteId, filterValue.int('voteId', v)),
      compoundId: (v) => eq(ballotConflicts.compoundId, filterValue.int('compoundId', v)),
    },
    readScope: (actor) => {
      if (isBureau(actor) && REVIEWERS.includes(actor.role)) return regionCondition(actor, ballotConflicts.regionCode);
      if (actor.role === 'resident') return sql`${ballotConflicts.compoundId} IN ${memberCompoundIds(actor.id)}`;
      return 'deny';
    },
  };
}
