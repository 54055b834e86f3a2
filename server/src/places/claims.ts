import type { AuditAction } from '@baotou/shared';
import type Router from '@koa/router';
import { and, eq, ilike, inArray, sql } from 'drizzle-orm';
import {
  CLAIM_STATUSES,
  FULL_VIEW_ROLES,
  LIVE_CLAIM_STATUSES,
  claimCreateSchema,
  claimEndSchema,
  claimRejectSchema,
  maskPhone,
  samePersonName,
} from '@baotou/shared';
import type { ResourceDef } from '../http/resource';
import { getPresented, registerResource } from '../http/resource';
import { AppError, conflict, forbidden, notFound } from '../http/errors';
import { filterValue, likeEscape } from '../http/listQuery';
import { isBureau, regionAllows, regionCondition } from '../jurisdiction/scope';
import { requireActor } from '../auth/middleware';
import { writeAudit } from '../audit/audit';
import { auditLogs, householdClaims, households, owners } from '../db/schema';
import type { Db, Tx } from '../db/client';
import type { Actor } from '../auth/actor';
import type { PersonalDataCipher } from './personalData';
import { notifyClaimReview } from '../notifications/staff';

const REVIEWERS = ['city_admin', 'district_staff', 'street_staff', 'community_staff'] as const;

/**
 * The claims queue. With the cipher (the API), staff reviewing a claim also read the registry's
 * owner of that room beside the applicant — name and masked phone — and whether each matches
 * (`nameMatches` by samePersonName, `phoneMatches` through the owner's blind index), so the
 * differences can be highlighted; residents get none of it.
 */
export function claimsResource(cipher?: PersonalDataCipher): ResourceDef {
  return {
    name: 'household-claims',
    label: '房屋绑定申请',
    table: householdClaims,
    id: householdClaims.id,
    idKind: 'int',
    fields: {
      id: householdClaims.id,
      userId: householdClaims.userId,
      householdId: householdClaims.householdId,
      compoundId: householdClaims.compoundId,
      compoundName: sql<string>`(SELECT c.name FROM compounds c WHERE c.id = "household_claims"."compound_id")`,
      buildingName: sql<string>`(SELECT b.name FROM households h JOIN buildings b ON b.id = h.building_id WHERE h.id = "household_claims"."household_id")`,
      unitName: sql<string>`(SELECT u.name FROM households h JOIN units u ON u.id = h.unit_id WHERE h.id = "household_claims"."household_id")`,
      room: sql<string>`(SELECT h.room FROM households h WHERE h.id = "household_claims"."household_id")`,
      name: householdClaims.name,
      phone: householdClaims.phoneMasked,
      status: householdClaims.status,
      reason: householdClaims.reason,
      reviewedBy: householdClaims.reviewedBy,
      reviewedAt: householdClaims.reviewedAt,
      endedAt: householdClaims.endedAt,
      regionCode: householdClaims.regionCode,
      createdAt: householdClaims.createdAt,
      registryOwnerId: sql<number | null>`(SELECT h.owner_id FROM households h WHERE h.id = "household_claims"."household_id")`,
      registryOwnerName: sql<
        string | null
      >`(SELECT o.name FROM households h JOIN owners o ON o.id = h.owner_id WHERE h.id = "household_claims"."household_id")`,
      registryOwnerPhone: sql<
        string | null
      >`(SELECT o.phone_masked FROM households h JOIN owners o ON o.id = h.owner_id WHERE h.id = "household_claims"."household_id")`,
      // Read only to compare (present() removes both).
      phoneEnc: householdClaims.phoneEnc,
      registryOwnerPhoneHash: sql<
        string | null
      >`(SELECT o.phone_hash FROM households h JOIN owners o ON o.id = h.owner_id WHERE h.id = "household_claims"."household_id")`,
    },
    sortable: { id: householdClaims.id, createdAt: householdClaims.createdAt, status: householdClaims.status, compoundId: householdClaims.compoundId },
    defaultSort: ['id', 'DESC'],
    filters: {
      q: (v) => ilike(householdClaims.name, `%${likeEscape(filterValue.string('q', v, 40))}%`),
      status: (v) => eq(householdClaims.status, filterValue.oneOf('status', v, CLAIM_STATUSES)),
      compoundId: (v) => eq(householdClaims.compoundId, filterValue.int('compoundId', v)),
    },
    readScope: (actor) => {
      if (actor.role === 'resident') return eq(householdClaims.userId, actor.id);
      if (isBureau(actor) && actor.role !== 'party_staff') return regionCondition(actor, householdClaims.regionCode);
      return 'deny';
    },
    present: (row, actor) => {
      const { phoneEnc, registryOwnerPhoneHash, ...out } = row;
      if (actor.role === 'resident') {
        delete out.registryOwnerId;
        delete out.registryOwnerName;
        delete out.registryOwnerPhone;
        return out;
      }
      const hasOwner = out.registryOwnerId !== null && out.registryOwnerId !== undefined;
      return {
        ...out,
        nameMatches: hasOwner ? samePersonName(out.registryOwnerName as string, out.name as string) : null,
        phoneMatches:
          hasOwner && cipher && registryOwnerPhoneHash
            ? cipher.matches(registryOwnerPhoneHash as string, cipher.decrypt(phoneEnc as string))
            : hasOwner
              ? false
              : null,
      };
    },
  };
}

/** What the resident reads when an owner change ends their claim. */
export const OWNER_CHANGED_REASON = '房屋业主已变更，原绑定已解除';

type ClaimRow = typeof householdClaims.$inferSelect;

/** Ends one claim (revoked or withdrawn) in the caller's transaction, with its audit row. */
async function endClaim(tx: Tx, actor: Actor, claim: ClaimRow, status: 'revoked' | 'withdrawn', reason: string, action: AuditAction): Promise<void> {
  const now = new Date();
  const [row] = await tx
    .update(householdClaims)
    .set({ status, reason, endedAt: now, endedBy: actor.id, updatedAt: now })
    .where(eq(householdClaims.id, claim.id))
    .returning();
  await writeAudit(tx, actor, { action, entity: 'household-claims', entityId: claim.id, before: claim, after: row, regionCode: row.regionCode });
}

/** What the resident reads when the registered owner's own identity (name, phone, ID number) is edited. */
export const OWNER_IDENTITY_CHANGED_REASON = '业主信息已变更，原绑定已解除';

/** Ends every live claim (pending or verified) on these homes, revoked with `reason`, each audited as `action`. */
async function endLiveClaims(tx: Tx, actor: Actor, householdIds: number[], reason: string, action: AuditAction): Promise<number> {
  if (householdIds.length === 0) return 0;
  const live = await tx
    .select()
    .from(householdClaims)
    .where(and(inArray(householdClaims.householdId, householdIds), inArray(householdClaims.status, LIVE_CLAIM_STATUSES)))
    .orderBy(householdClaims.id)
    .for('update');
  for (const claim of live) await endClaim(tx, actor, claim, 'revoked', reason, action);
  return live.length;
}

/**
 * A home changed owner in the registry (households.ownerId): every live claim on it (pending or
 * verified) ends `revoked` with OWNER_CHANGED_REASON, in the same transaction as the change, each
 * audited as `end_owner_changed`. The new owner binds afresh (verified at once when they match).
 * Returns the number of claims ended.
 */
export async function endClaimsOnOwnerChange(tx: Tx, actor: Actor, householdId: number): Promise<number> {
  return endLiveClaims(tx, actor, [householdId], OWNER_CHANGED_REASON, 'end_owner_changed');
}

/**
 * An owner's identity changed in the registry (name, phone or ID number — possibly another person
 * now): every live claim on that owner's homes ends `revoked` with OWNER_IDENTITY_CHANGED_REASON,
 * in the caller's transaction, each audited as `end_owner_identity_changed`; claimants bind afresh
 * against the new details. Returns the number of claims ended.
 */
export async function endClaimsOnOwnerIdentityChange(tx: Tx, actor: Actor, ownerId: number): Promise<number> {
  const homes = await tx.select({ id: households.id }).from(households).where(eq(households.ownerId, ownerId));
  return endLiveClaims(
    tx,
    actor,
    homes.map((h) => h.id),
    OWNER_IDENTITY_CHANGED_REASON,
    'end_owner_identity_changed',
  );
}

/** Advisory-lock class for a resident's claim submissions (with the user id as the second key). */
const CLAIM_ATTEMPTS_LOCK = 0x636c6d;
const ATTEMPT_ACTIONS = ['claim_submitted', 'claim_replaced', 'claim_verified'];

/**
 * At most `attemptsPerDay` submissions per resident in 24 hours, so a known name cannot be tried
 * against guessed phones until one binds: the resident's attempts are counted from the audit log
 * under an advisory lock on the resident (parallel submissions queue and count each other).
 * Over the limit: 429 CLAIM_THROTTLED. Every attempt, refused or not, leaves an audit row (refusals,
 * `claim_throttled`, do not count, so the window ends a day after the last accepted one); the
 * refusal's is written in its own transaction by the caller, since the refused one rolls back.
 */
async function countClaimAttempt(tx: Tx, actor: Actor, attemptsPerDay: number): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${CLAIM_ATTEMPTS_LOCK}, ${actor.id})`);
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(auditLogs)
    .where(
      and(
        eq(auditLogs.actorId, actor.id),
        eq(auditLogs.entity, 'household-claims'),
        inArray(auditLogs.action, ATTEMPT_ACTIONS),
        sql`${auditLogs.at} > now() - interval '24 hours'`,
      ),
    );
  if (Number(row.n) >= attemptsPerDay) throw new AppError('CLAIM_THROTTLED', 429, `绑定申请过于频繁，每人每天最多提交${attemptsPerDay}次，请明天再试`);
}

type Ctx = Parameters<Parameters<Router['post']>[1]>[0];

function claimId(ctx: Ctx): number {
  const id = Number(ctx.params.id);
  if (!/^\d{1,10}$/.test(String(ctx.params.id)) || !Number.isSafeInteger(id) || id <= 0 || id > 2147483647) throw notFound('绑定申请');
  return id;
}

/**
 * A resident binds a home: verified at once when name (compared by normalizePersonName) and phone
 * match the owner registry, otherwise queued for community staff, who approve, or reject with a
 * reason. A pending claim is replaced by the resident's next submission; an ended one (rejected,
 * revoked, withdrawn) may be filed again; a verified one cannot (409 CLAIM_EXISTS). Staff revoke any
 * live claim with a reason; a resident withdraws their own.
 */
export function registerClaimRoutes(router: Router, db: Db, cipher: PersonalDataCipher, settings: { attemptsPerDay: number }): void {
  const def = claimsResource(cipher);

  router.post('/api/household-claims', async (ctx) => {
    const actor = requireActor(ctx, ['resident']);
    const input = claimCreateSchema.parse(ctx.request.body);
    try {
      ctx.body = await db.transaction(async (tx) => {
        await countClaimAttempt(tx, actor, settings.attemptsPerDay);
        return submitClaim(tx, actor, input);
      });
      ctx.status = 201;
    } catch (e) {
      if (e instanceof AppError && e.code === 'CLAIM_THROTTLED') {
        await db.transaction((tx) =>
          writeAudit(tx, actor, { action: 'claim_throttled', entity: 'users', entityId: actor.id, after: { householdId: input.householdId } }),
        );
      }
      throw e;
    }
  });

  async function submitClaim(tx: Tx, actor: Actor, input: ReturnType<typeof claimCreateSchema.parse>) {
    const [home] = await tx
      .select({ compoundId: households.compoundId, regionCode: households.regionCode, ownerId: households.ownerId })
      .from(households)
      .where(eq(households.id, input.householdId))
      // Shared lock on the home: an owner change (which updates it) waits for this claim and then ends it, or runs first and is matched against.
      .for('share');
    if (!home) throw notFound('房屋');
    // The same for the owner's identity: an edit of their name, phone or ID number waits for this claim and then ends it, or runs first.
    const [owner] = home.ownerId
      ? await tx.select({ name: owners.name, phoneHash: owners.phoneHash }).from(owners).where(eq(owners.id, home.ownerId)).for('share')
      : [];
    // Two submissions at once: the unique (user, household) index refuses the second insert (409).
    const [existing] = await tx
      .select()
      .from(householdClaims)
      .where(and(eq(householdClaims.userId, actor.id), eq(householdClaims.householdId, input.householdId)))
      .for('update');
    if (existing?.status === 'verified') throw conflict('CLAIM_EXISTS', '您已绑定该房屋');
    const matches = !!owner && samePersonName(owner.name, input.name) && cipher.matches(owner.phoneHash, input.phone);
    const values = {
      userId: actor.id,
      householdId: input.householdId,
      compoundId: home.compoundId,
      regionCode: home.regionCode,
      name: input.name,
      phoneEnc: cipher.encrypt(input.phone),
      phoneMasked: maskPhone(input.phone),
      status: matches ? ('verified' as const) : ('pending' as const),
      reason: matches ? '与业主登记信息一致，自动认证' : null,
      reviewedAt: matches ? new Date() : null,
      reviewedBy: null,
      endedAt: null,
      endedBy: null,
      updatedAt: new Date(),
    };
    const [row] = existing
      ? await tx.update(householdClaims).set(values).where(eq(householdClaims.id, existing.id)).returning()
      : await tx.insert(householdClaims).values(values).returning();
    const action = matches ? 'claim_verified' : existing?.status === 'pending' ? 'claim_replaced' : 'claim_submitted';
    await writeAudit(tx, actor, { action, entity: 'household-claims', entityId: row.id, before: existing, after: row, regionCode: row.regionCode });
    await notifyClaimReview(tx, row, new Date());
    return getPresented(tx, def, actor, row.id);
  }

  const review = (decision: 'verified' | 'rejected') => async (ctx: Ctx) => {
    const actor = requireActor(ctx, REVIEWERS);
    const id = claimId(ctx);
    const reason = decision === 'rejected' ? claimRejectSchema.parse(ctx.request.body ?? {}).reason : null;
    ctx.body = await db.transaction(async (tx) => {
      const [claim] = await tx.select().from(householdClaims).where(eq(householdClaims.id, id)).for('update');
      if (!claim) throw notFound('绑定申请');
      if (!regionAllows(actor, claim.regionCode)) throw forbidden('OUT_OF_JURISDICTION', '无权审核管辖范围以外的申请');
      if (claim.status !== 'pending') throw conflict('CLAIM_NOT_PENDING', '该申请已审核，不能重复审核');
      const [row] = await tx
        .update(householdClaims)
        .set({ status: decision, reason: reason ?? '社区审核通过', reviewedBy: actor.id, reviewedAt: new Date(), updatedAt: new Date() })
        .where(eq(householdClaims.id, id))
        .returning();
      await writeAudit(tx, actor, {
        action: decision === 'verified' ? 'approve' : 'reject',
        entity: 'household-claims',
        entityId: id,
        before: claim,
        after: row,
        regionCode: row.regionCode,
      });
      return getPresented(tx, def, actor, id);
    });
  };
  router.post('/api/household-claims/:id/approve', review('verified'));
  router.post('/api/household-claims/:id/reject', review('rejected'));

  router.post('/api/household-claims/:id/revoke', async (ctx) => {
    const actor = requireActor(ctx, REVIEWERS);
    const id = claimId(ctx);
    const { reason } = claimEndSchema.parse(ctx.request.body ?? {});
    ctx.body = await db.transaction(async (tx) => {
      const [claim] = await tx.select().from(householdClaims).where(eq(householdClaims.id, id)).for('update');
      if (!claim) throw notFound('绑定申请');
      if (!regionAllows(actor, claim.regionCode)) throw forbidden('OUT_OF_JURISDICTION', '无权解除管辖范围以外的绑定');
      if (!isLive(claim.status)) throw conflict('CLAIM_ENDED', '该绑定已结束，不能解除');
      await endClaim(tx, actor, claim, 'revoked', reason, 'revoke');
      return getPresented(tx, def, actor, id);
    });
  });

  router.post('/api/household-claims/:id/withdraw', async (ctx) => {
    const actor = requireActor(ctx, ['resident']);
    const id = claimId(ctx);
    ctx.body = await db.transaction(async (tx) => {
      const [claim] = await tx.select().from(householdClaims).where(eq(householdClaims.id, id)).for('update');
      // Someone else's claim is not shown to exist.
      if (!claim || claim.userId !== actor.id) throw notFound('绑定申请');
      if (!isLive(claim.status)) throw conflict('CLAIM_ENDED', '该绑定已结束，不能撤回');
      await endClaim(tx, actor, claim, 'withdrawn', '本人撤回', 'withdraw');
      return getPresented(tx, def, actor, id);
    });
  });

  // The audited full view for a reviewer (DOMAIN.md §7): the applicant's phone and the registry owner's, side by side.
  router.get('/api/household-claims/:id/contact', async (ctx) => {
    const actor = requireActor(ctx, FULL_VIEW_ROLES.ownerContact);
    const id = claimId(ctx);
    ctx.body = await db.transaction(async (tx) => {
      const [claim] = await tx.select().from(householdClaims).where(eq(householdClaims.id, id));
      if (!claim || !regionAllows(actor, claim.regionCode)) throw notFound('绑定申请');
      const [owner] = await tx
        .select({ id: owners.id, name: owners.name, phoneEnc: owners.phoneEnc })
        .from(households)
        .innerJoin(owners, eq(owners.id, households.ownerId))
        .where(eq(households.id, claim.householdId));
      await writeAudit(tx, actor, { action: 'view_personal', entity: 'household-claims', entityId: id, regionCode: claim.regionCode });
      if (owner) await writeAudit(tx, actor, { action: 'view_personal', entity: 'owners', entityId: owner.id, regionCode: claim.regionCode });
      return {
        id,
        name: claim.name,
        phone: cipher.decrypt(claim.phoneEnc),
        registryOwnerId: owner?.id ?? null,
        registryOwnerName: owner?.name ?? null,
        registryOwnerPhone: owner?.phoneEnc ? cipher.decrypt(owner.phoneEnc) : null,
      };
    });
  });

  registerResource(router, db, def);
}

function isLive(status: string): boolean {
  return (LIVE_CLAIM_STATUSES as readonly string[]).includes(status);
}
