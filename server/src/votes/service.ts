import { randomBytes } from 'node:crypto';
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import { ballotSchema, publishResult, voteSchema, type PublishedVoteResult, type VoteResult } from '@baotou/shared';
import type { Actor } from '../auth/actor';
import type { Db, Tx } from '../db/client';
import { ballotConflicts, ballots, buildings, compounds, householdClaims, households, units, votes } from '../db/schema';
import { auditInsert, writeAudit } from '../audit/audit';
import { runShaped } from '../db/named';
import { notifyVoteResidents } from '../notifications/residents';
import { badRequest, conflict, forbidden, notFound } from '../http/errors';
import { regionAllows } from '../jurisdiction/scope';
import { memberCommittee, requireMemberCommittee } from '../committees/membership';
import { claimGrants, holdsHome, residentCompoundIds, verifiedHome } from '../places/residentHomes';
import { claimBallotScan } from '../uploads';
import { computeResult, countEligible, scopeCondition } from './tally';
import { voteResultCache, type VoteResultCache } from './resultCache';

type Vote = typeof votes.$inferSelect;
const STAFF_VIEWERS = ['city_admin', 'district_staff', 'street_staff', 'community_staff', 'party_staff'];
const STREET_ROLES = ['city_admin', 'district_staff', 'street_staff'];

/** A receipt the voter can check their ballot by: 10 characters from an unambiguous alphabet. */
function newReceipt(): string {
  const alphabet = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
  return Array.from(randomBytes(10), (b) => alphabet[b % alphabet.length]).join('');
}

async function loadVote(db: Db | Tx, id: number, lock?: 'update'): Promise<Vote> {
  const q = db.select().from(votes).where(eq(votes.id, id));
  const [vote] = lock ? await q.for(lock) : await q;
  if (!vote) throw notFound('表决');
  return vote;
}

/**
 * A vote the actor may see (assertCanSee), read with whether a resident actor holds a verified home
 * in its compound, as one named prepared statement (planned once per database connection): a live
 * result is read by every voter refreshing it, and each ballot reads it first. `lock` 'key share'
 * holds the vote row as a ballot does (see cast). Execute with `{ id, userId }`, userId null for
 * anyone but a resident (a user id that is not a resident's matches no claim).
 */
function visibleVoteStatement(db: Db | Tx, lock?: 'key share') {
  const v = alias(votes, 'v');
  const q = db
    .select({
      vote: v,
      // v.compound_id written out: drizzle leaves columns unqualified in a one-table select, and an
      // unqualified compound_id inside the subquery would be the claim's own
      residentOf: sql<boolean>`v.compound_id IN ${residentCompoundIds(sql.placeholder('userId'))}`,
    })
    .from(v)
    .where(eq(v.id, sql.placeholder('id')));
  return lock ? q.for(lock).prepare('votes_visible_vote_key_share') : q.prepare('votes_visible_vote');
}

/**
 * Runs a visibleVoteStatement for the actor and vote id.
 * @throws 404 NOT_FOUND when there is no such vote or the actor may not see it.
 */
async function readVisibleVote(db: Db | Tx, statement: ReturnType<typeof visibleVoteStatement>, actor: Actor, id: number): Promise<Vote> {
  const [row] = await statement.execute({ id, userId: actor.role === 'resident' ? actor.id : null });
  if (!row) throw notFound('表决');
  await assertCanSee(db, actor, row.vote, row.residentOf);
  return row.vote;
}

/** One more ballot on the vote row; last in a ballot's transaction, since ballots queue on it until commit. */
function countBallot(tx: Tx, voteId: number) {
  return tx
    .update(votes)
    .set({ ballotsCast: sql`${votes.ballotsCast} + 1` })
    .where(eq(votes.id, voteId));
}

/**
 * Staff in jurisdiction and residents of the compound may see a vote; others get 404. `residentOf`
 * (read with the vote, visibleVoteStatement) says whether a resident actor holds a verified home there.
 */
async function assertCanSee(db: Db | Tx, actor: Actor, vote: Vote, residentOf: boolean) {
  if (STAFF_VIEWERS.includes(actor.role) && regionAllows(actor, vote.regionCode)) return;
  if (actor.role === 'resident' && vote.status !== 'draft' && residentOf) return;
  if (actor.role === 'resident' && (await memberCommittee(db, actor.id, vote.compoundId))) return;
  throw notFound('表决');
}

/** The compound's committee members run its votes; street staff may too. */
async function assertCanRun(tx: Tx, actor: Actor, compoundId: number, regionCode: string): Promise<number | null> {
  if (actor.role === 'resident') return requireMemberCommittee(tx, actor, compoundId);
  if (STREET_ROLES.includes(actor.role) && regionAllows(actor, regionCode)) return null;
  throw forbidden('ROLE_FORBIDDEN', '仅本小区业主委员会或街道可以组织表决');
}

async function assertScope(tx: Tx, input: z.infer<typeof voteSchema>) {
  if (input.scopeType === 'compound') return;
  const table = input.scopeType === 'buildings' ? buildings : units;
  const rows = await tx
    .select({ id: table.id })
    .from(table)
    .where(and(eq(table.compoundId, input.compoundId), inArray(table.id, input.scopeIds)));
  if (rows.length !== new Set(input.scopeIds).size) throw badRequest('VALIDATION_FAILED', '表决范围包含不属于本小区的楼栋或单元', { scopeIds: '范围无效' });
}

export interface VoteSettings {
  /** VOTE_BUILDING_RESULT_MIN_BALLOTS */
  buildingResultMinBallots: number;
}

export function voteService(db: Db, settings: VoteSettings, now: () => Date = () => new Date(), results: VoteResultCache = voteResultCache()) {
  const visibleVote = visibleVoteStatement(db);
  const loadVisibleVote = (actor: Actor, id: number) => readVisibleVote(db, visibleVote, actor, id);
  async function open(tx: Tx, actor: Actor, vote: Vote) {
    const [compound] = await tx.select({ followMajority: compounds.followMajority }).from(compounds).where(eq(compounds.id, vote.compoundId));
    const eligibleCount = await countEligible(tx, vote);
    if (eligibleCount === 0) throw conflict('EMPTY_SCOPE', '表决范围内没有房屋');
    const [after] = await tx
      .update(votes)
      .set({ status: 'open', opensAt: vote.opensAt ?? now(), followMajority: compound.followMajority, eligibleCount, updatedAt: now() })
      .where(eq(votes.id, vote.id))
      .returning();
    await writeAudit(tx, actor, { action: 'open', entity: 'votes', entityId: vote.id, before: vote, after, regionCode: vote.regionCode });
    await notifyVoteResidents(tx, after, 'opened');
  }

  return {
    async create(actor: Actor, input: z.infer<typeof voteSchema>, openNow: boolean) {
      return db.transaction(async (tx) => {
        const [c] = await tx.select({ regionCode: compounds.regionCode }).from(compounds).where(eq(compounds.id, input.compoundId));
        if (!c) throw badRequest('VALIDATION_FAILED', '小区不存在', { compoundId: '小区不存在' });
        const committeeId = await assertCanRun(tx, actor, input.compoundId, c.regionCode);
        await assertScope(tx, input);
        if (new Date(input.closesAt) <= now()) throw badRequest('VALIDATION_FAILED', '截止时间须晚于现在', { closesAt: '截止时间须晚于现在' });
        const [vote] = await tx
          .insert(votes)
          .values({
            ...input,
            description: input.description ?? null,
            opensAt: input.opensAt ? new Date(input.opensAt) : null,
            closesAt: new Date(input.closesAt),
            scopeIds: input.scopeType === 'compound' ? [] : [...new Set(input.scopeIds)],
            regionCode: c.regionCode,
            committeeId,
            createdBy: actor.id,
          })
          .returning();
        await writeAudit(tx, actor, { action: 'create', entity: 'votes', entityId: vote.id, after: vote, regionCode: c.regionCode });
        if (openNow) await open(tx, actor, vote);
        return vote.id;
      });
    },

    async open(actor: Actor, id: number) {
      return db.transaction(async (tx) => {
        const vote = await loadVote(tx, id, 'update');
        await assertCanRun(tx, actor, vote.compoundId, vote.regionCode);
        if (vote.status !== 'draft') throw conflict('VOTE_NOT_DRAFT', '表决已开始或已截止');
        await open(tx, actor, vote);
        return id;
      });
    },

    /** Closing freezes the tally; a ballot racing the close waits on the vote row and then sees it closed. */
    async close(actor: Actor, id: number) {
      return db.transaction(async (tx) => {
        const vote = await loadVote(tx, id, 'update');
        await assertCanRun(tx, actor, vote.compoundId, vote.regionCode);
        if (vote.status !== 'open')
          throw conflict(vote.status === 'closed' ? 'VOTE_CLOSED' : 'VOTE_NOT_OPEN', vote.status === 'closed' ? '表决已截止' : '表决尚未开始');
        const closed = { ...vote, status: 'closed' as const };
        const result = await computeResult(tx, closed);
        const [after] = await tx.update(votes).set({ status: 'closed', closedAt: now(), result, updatedAt: now() }).where(eq(votes.id, id)).returning();
        await writeAudit(tx, actor, {
          action: 'close',
          entity: 'votes',
          entityId: id,
          before: { status: vote.status },
          after: { status: after.status, approved: result.approved },
          regionCode: vote.regionCode,
        });
        await notifyVoteResidents(tx, after, 'closed', result.approved);
        return publishResult(result, { minBallots: settings.buildingResultMinBallots, resident: actor.role === 'resident' });
      });
    },

    /**
     * One ballot per home, changeable until closing: the new ballot becomes current and the old one
     * stays in history. Paper and door ballots are entered by the committee with a scan. A ballot the
     * owner cast themselves (online) is never replaced by one someone else enters: the entered one
     * is kept as history (current: false) and the pair recorded in ballot_conflicts for the committee
     * and the street to review; the owner may still change their own ballot. Ballots for one home are
     * serialised by an advisory lock on (vote, home), and what is current is read only under it; the
     * partial unique index keeps exactly one current. A ballot holds the vote row KEY SHARE, so a
     * close or any other status change (FOR UPDATE) waits for it and ballots for different homes do
     * not wait for each other, except for the last statement, which counts the ballot on the vote row
     * (votes.ballotsCast, the tally cache's key) just before commit.
     */
    async cast(actor: Actor, voteId: number, input: z.infer<typeof ballotSchema>) {
      return db.transaction(async (tx) => {
        const vote = await readVisibleVote(tx, visibleVoteStatement(tx, 'key share'), actor, voteId);
        if (vote.status === 'closed' || (vote.status === 'open' && vote.closesAt <= now())) throw conflict('VOTE_CLOSED', '表决已截止，不能再投票');
        if (vote.status !== 'open' || (vote.opensAt && vote.opensAt > now())) throw conflict('VOTE_NOT_OPEN', '表决尚未开始');
        // the home in scope, read with whether the actor holds it verified (what an online ballot needs)
        const [home] = await tx
          .select({
            id: households.id,
            verified: sql<boolean>`${holdsHome(actor.id, input.householdId)}`,
          })
          .from(households)
          .where(and(eq(households.id, input.householdId), scopeCondition(vote)));
        if (!home) throw forbidden('OUT_OF_SCOPE', '该房屋不在本次表决范围内');
        let userId: number | null = null;
        if (input.channel === 'online') {
          if (actor.role !== 'resident' || !home.verified) throw forbidden('NOT_OWNER', '只能为本人已认证的房屋投票');
          userId = actor.id;
        } else {
          await requireMemberCommittee(tx, actor, vote.compoundId);
          if (!input.scanUrl) {
            const what = input.channel === 'paper' ? '纸质选票' : '入户表决票';
            throw badRequest('VALIDATION_FAILED', `${what}须上传扫描件`, { scanUrl: `请上传${what}扫描件` });
          }
        }
        // A scan is a fresh upload its enterer made on the platform, one per ballot (served only to the committee and staff).
        const scanUrl = input.scanUrl ? await claimBallotScan(tx, actor, input.scanUrl) : null;
        await tx.execute(sql`SELECT pg_advisory_xact_lock(${voteId}, ${input.householdId})`);
        // the home's current ballot, read under the lock, and the new ballot's id (for its audit row, written with it)
        const [found] = await runShaped<{ next_id: string; id: string | null; user_id: number | null; channel: string | null }>(
          tx,
          sql`SELECT nextval(pg_get_serial_sequence('ballots', 'id'))::text AS next_id, p.id::text AS id, p.user_id, p.channel
                FROM (SELECT 1) one LEFT JOIN ballots p ON p.vote_id = ${voteId} AND p.household_id = ${input.householdId} AND p.current`,
        );
        const previous = found.id === null ? undefined : { id: Number(found.id), userId: found.user_id, channel: found.channel };
        // The owner's own ballot stands against anything entered by someone else.
        const keepsOwners = userId === null && previous?.channel === 'online' && previous.userId !== null;
        if (previous && !keepsOwners) await tx.update(ballots).set({ current: false }).where(eq(ballots.id, previous.id));
        const receipt = newReceipt();
        const row = { id: Number(found.next_id) };
        const ballot = tx.insert(ballots).overridingSystemValue().values({
          id: row.id,
          voteId,
          householdId: input.householdId,
          userId,
          enteredBy: actor.id,
          choice: input.choice,
          channel: input.channel,
          scanUrl,
          receipt,
          current: !keepsOwners,
        });
        // The audit rows record that a ballot was cast and what it replaced, not how (results are never per owner).
        const audit = auditInsert(actor, {
          action: 'ballot',
          entity: 'votes',
          entityId: voteId,
          after: {
            ballotId: row.id,
            householdId: input.householdId,
            channel: input.channel,
            current: !keepsOwners,
            replacedBallotId: previous && !keepsOwners ? previous.id : null,
          },
          regionCode: vote.regionCode,
        });
        // the ballot, its audit row and (unless a conflict follows) its count: one statement, one plan per connection
        if (!keepsOwners) {
          await runShaped(tx, sql`WITH b AS (${ballot.getSQL()}), a AS (${audit.getSQL()}) ${countBallot(tx, voteId).getSQL()}`);
          return { receipt, current: true, conflict: false };
        }
        await runShaped(tx, sql`WITH b AS (${ballot.getSQL()}) ${audit.getSQL()}`);
        const [c] = await tx
          .insert(ballotConflicts)
          .values({
            voteId,
            compoundId: vote.compoundId,
            regionCode: vote.regionCode,
            householdId: input.householdId,
            ownerBallotId: previous!.id,
            enteredBallotId: row.id,
            enteredBy: actor.id,
          })
          .returning();
        await writeAudit(tx, actor, { action: 'create', entity: 'ballot-conflicts', entityId: c.id, after: c, regionCode: vote.regionCode });
        await countBallot(tx, voteId);
        return { receipt, current: false, conflict: true, message: '业主已本人线上投票，录入的选票不替换业主本人的选票，已记录为冲突，供业主委员会和街道核查' };
      });
    },

    async result(actor: Actor, id: number): Promise<PublishedVoteResult> {
      const vote = await loadVisibleVote(actor, id);
      const raw = vote.status === 'closed' && vote.result ? (vote.result as VoteResult) : await results.result(db, vote);
      return publishResult(raw, { minBallots: settings.buildingResultMinBallots, resident: actor.role === 'resident' });
    },

    /** A voter checks their ballot by its receipt: only someone holding that home verified may. */
    async receipt(actor: Actor, id: number, receipt: string) {
      await loadVisibleVote(actor, id);
      const [b] = await db
        .select()
        .from(ballots)
        .where(and(eq(ballots.voteId, id), eq(ballots.receipt, receipt)));
      const holds = b && (b.userId === actor.id || (actor.role === 'resident' && (await verifiedHome(db, actor.id, b.householdId)) !== undefined));
      if (!b || !holds) throw notFound('选票');
      return { choice: b.choice, channel: b.channel, at: b.createdAt, current: b.current };
    },

    async myBallots(actor: Actor, id: number) {
      await loadVisibleVote(actor, id);
      return db
        .select({
          householdId: ballots.householdId,
          room: households.room,
          choice: ballots.choice,
          channel: ballots.channel,
          receipt: ballots.receipt,
          at: ballots.createdAt,
        })
        .from(ballots)
        .innerJoin(households, eq(households.id, ballots.householdId))
        .innerJoin(householdClaims, and(eq(householdClaims.householdId, ballots.householdId), eq(householdClaims.userId, actor.id), claimGrants))
        .where(and(eq(ballots.voteId, id), eq(ballots.current, true)))
        .orderBy(desc(ballots.id));
    },
  };
}
