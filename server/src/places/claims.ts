import type Router from '@koa/router';
import { and, eq, ilike, sql } from 'drizzle-orm';
import { CLAIM_STATUSES, claimCreateSchema, claimRejectSchema, maskPhone } from '@baotou/shared';
import type { ResourceDef } from '../http/resource';
import { getPresented, registerResource } from '../http/resource';
import { conflict, forbidden, notFound } from '../http/errors';
import { filterValue, likeEscape } from '../http/listQuery';
import { isBureau, regionAllows, regionCondition } from '../jurisdiction/scope';
import { requireActor } from '../auth/middleware';
import { writeAudit } from '../audit/audit';
import { buildings, compounds, householdClaims, households, owners, units } from '../db/schema';
import type { Db } from '../db/client';
import type { PersonalDataCipher } from './personalData';

const REVIEWERS = ['city_admin', 'district_staff', 'street_staff', 'community_staff'] as const;

export function claimsResource(): ResourceDef {
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
      regionCode: householdClaims.regionCode,
      createdAt: householdClaims.createdAt,
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
  };
}

/**
 * A resident binds a home: verified at once when name and phone match the owner registry,
 * otherwise queued for community staff. Staff approve or reject with a reason.
 */
export function registerClaimRoutes(router: Router, db: Db, cipher: PersonalDataCipher): void {
  const def = claimsResource();

  router.post('/api/household-claims', async (ctx) => {
    const actor = requireActor(ctx, ['resident']);
    const input = claimCreateSchema.parse(ctx.request.body);
    ctx.status = 201;
    ctx.body = await db.transaction(async (tx) => {
      const [home] = await tx
        .select({ compoundId: households.compoundId, regionCode: households.regionCode, ownerName: owners.name, phoneHash: owners.phoneHash })
        .from(households)
        .leftJoin(owners, eq(owners.id, households.ownerId))
        .where(eq(households.id, input.householdId));
      if (!home) throw notFound('房屋');
      const [existing] = await tx
        .select({ id: householdClaims.id, status: householdClaims.status })
        .from(householdClaims)
        .where(and(eq(householdClaims.userId, actor.id), eq(householdClaims.householdId, input.householdId)));
      if (existing && existing.status !== 'rejected') throw conflict('CLAIM_EXISTS', '您已提交过该房屋的绑定申请');
      const matches = home.ownerName === input.name && home.phoneHash === cipher.hash(input.phone);
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
        updatedAt: new Date(),
      };
      const [row] = existing
        ? await tx.update(householdClaims).set(values).where(eq(householdClaims.id, existing.id)).returning()
        : await tx.insert(householdClaims).values(values).returning();
      await writeAudit(tx, actor, { action: matches ? 'claim_verified' : 'claim_submitted', entity: 'household-claims', entityId: row.id, after: row, regionCode: row.regionCode });
      return getPresented(tx, def, actor, row.id);
    });
  });

  const review = (decision: 'verified' | 'rejected') => async (ctx: Parameters<Parameters<Router['post']>[1]>[0]) => {
    const actor = requireActor(ctx, REVIEWERS);
    const id = Number(ctx.params.id);
    if (!Number.isSafeInteger(id) || id <= 0) throw notFound('绑定申请');
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
      await writeAudit(tx, actor, { action: decision === 'verified' ? 'approve' : 'reject', entity: 'household-claims', entityId: id, before: claim, after: row, regionCode: row.regionCode });
      return getPresented(tx, def, actor, id);
    });
  };
  router.post('/api/household-claims/:id/approve', review('verified'));
  router.post('/api/household-claims/:id/reject', review('rejected'));

  registerResource(router, db, def);
}
