import type Router from '@koa/router';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { ballotConflictReviewSchema } from '@baotou/shared';
import type { Db } from '../db/client';
import { requireActor } from '../auth/middleware';
import { writeAudit } from '../audit/audit';
import { conflict, notFound } from '../http/errors';
import type { ResourceDef } from '../http/resource';
import { filterValue } from '../http/listQuery';
import { isBureau, regionAllows, regionCondition } from '../jurisdiction/scope';
import { ballotConflicts } from '../db/schema';
import { memberCompoundIds } from '../committees/membership';

/** Staff who review entered ballots that met an owner's own (party-building work needs none of it). */
const REVIEWERS = ['city_admin', 'district_staff', 'street_staff', 'community_staff'];
/** Who records the finding: the street and the bureaus above it. */
const STREET_REVIEWERS = ['city_admin', 'district_staff', 'street_staff'] as const;

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
      reviewedBy: ballotConflicts.reviewedBy,
      reviewedAt: ballotConflicts.reviewedAt,
      reviewNote: ballotConflicts.reviewNote,
      createdAt: ballotConflicts.createdAt,
    },
    sortable: { id: ballotConflicts.id, createdAt: ballotConflicts.createdAt, voteId: ballotConflicts.voteId },
    defaultSort: ['id', 'DESC'],
    filters: {
      voteId: (v) => eq(ballotConflicts.voteId, filterValue.int('voteId', v)),
      compoundId: (v) => eq(ballotConflicts.compoundId, filterValue.int('compoundId', v)),
      reviewed: (v) => (filterValue.bool('reviewed', v) ? sql`${ballotConflicts.reviewedAt} IS NOT NULL` : sql`${ballotConflicts.reviewedAt} IS NULL`),
    },
    readScope: (actor) => {
      if (isBureau(actor) && REVIEWERS.includes(actor.role)) return regionCondition(actor, ballotConflicts.regionCode);
      if (actor.role === 'resident') return sql`${ballotConflicts.compoundId} IN ${memberCompoundIds(actor.id)}`;
      return 'deny';
    },
  };
}

/**
 * The street (city, district or street staff in jurisdiction) records its finding on a conflict,
 * once: the committee whose entry is in question does not review itself. The update is guarded by
 * `reviewed_at IS NULL`, so two reviews at the same moment leave exactly one (the other 409).
 */
export function registerBallotConflictReview(router: Router, db: Db): void {
  router.post('/api/ballot-conflicts/:id/review', async (ctx) => {
    const actor = requireActor(ctx, STREET_REVIEWERS);
    const raw = String(ctx.params.id);
    if (!/^\d{1,10}$/.test(raw) || Number(raw) > 2147483647) throw notFound('选票冲突');
    const id = Number(raw);
    const { note } = ballotConflictReviewSchema.parse(ctx.request.body);
    ctx.body = await db.transaction(async (tx) => {
      const [existing] = await tx.select().from(ballotConflicts).where(eq(ballotConflicts.id, id));
      if (!existing || !regionAllows(actor, existing.regionCode)) throw notFound('选票冲突');
      const [after] = await tx
        .update(ballotConflicts)
        .set({ reviewedBy: actor.id, reviewedAt: new Date(), reviewNote: note })
        .where(and(eq(ballotConflicts.id, id), isNull(ballotConflicts.reviewedAt)))
        .returning();
      if (!after) throw conflict('CONFLICT_REVIEWED', '该选票冲突已核查');
      await writeAudit(tx, actor, { action: 'review', entity: 'ballot-conflicts', entityId: id, before: existing, after, regionCode: existing.regionCode });
      return after;
    });
  });
}
