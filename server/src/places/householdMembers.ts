import type Router from '@koa/router';
import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import { householdMemberBindSchema, householdMemberSchema, homeStanding, maskPhone, mayActOnHome, normalizePhone, type HomeRight } from '@baotou/shared';
import { writeAudit } from '../audit/audit';
import type { Actor } from '../auth/actor';
import { requireActor } from '../auth/middleware';
import type { Db, DbOrTx } from '../db/client';
import { householdMembers, households } from '../db/schema';
import { badRequest, conflict, forbidden, notFound } from '../http/errors';
import type { PersonalDataCipher } from './personalData';
import { holdsHome } from './residentHomes';
import { routeId } from '../http/routeId';

/** How this resident stands to the home (shared homeStanding): a verified claim, a bound membership, or neither. */
export async function standingOn(db: DbOrTx, userId: number, householdId: number) {
  const { rows } = await db.execute(sql`
    SELECT ${holdsHome(userId, householdId)} AS verified,
           EXISTS (SELECT 1 FROM household_members m WHERE m.household_id = ${householdId} AND m.user_id = ${userId} AND m.status = 'bound') AS member`);
  const r = rows[0] as { verified: boolean; member: boolean };
  return homeStanding(r.verified, r.member);
}

async function refuseUnless(db: DbOrTx, actor: Actor, householdId: number, right: HomeRight, message: string) {
  if (!mayActOnHome(await standingOn(db, actor.id, householdId), right)) throw forbidden('NOT_HOME_OWNER', message);
}

const presented = (m: typeof householdMembers.$inferSelect) => ({
  id: m.id,
  householdId: m.householdId,
  name: m.name,
  relation: m.relation,
  phone: m.phoneMasked,
  status: m.status,
  boundAt: m.boundAt,
  createdAt: m.createdAt,
});

const idParam = routeId;

/**
 * Household members (issue 16 §4; shared householdMembers.ts): the home's verified owner lists,
 * registers and removes family members and tenants; a member binds with the registered name and
 * phone, then may file repairs for the home (tickets check mayActOnHome 'file_ticket') but not vote
 * or read the fund (those check verified claims only). Each change is audited in its transaction.
 */
export function registerHouseholdMemberRoutes(router: Router, db: Db, cipher: PersonalDataCipher): void {
  router.get('/api/mini/households/:id/members', async (ctx) => {
    const actor = requireActor(ctx, ['resident']);
    const householdId = idParam(ctx.params.id, '房屋');
    await refuseUnless(db, actor, householdId, 'manage_members', '只有已认证的业主可以管理家庭成员和租户');
    const rows = await db
      .select()
      .from(householdMembers)
      .where(and(eq(householdMembers.householdId, householdId), ne(householdMembers.status, 'removed')))
      .orderBy(householdMembers.id);
    ctx.body = rows.map(presented);
  });

  router.post('/api/mini/households/:id/members', async (ctx) => {
    const actor = requireActor(ctx, ['resident']);
    const householdId = idParam(ctx.params.id, '房屋');
    const input = householdMemberSchema.parse(ctx.request.body);
    const phone = normalizePhone(input.phone);
    const row = await db.transaction(async (tx) => {
      await refuseUnless(tx, actor, householdId, 'manage_members', '只有已认证的业主可以登记家庭成员和租户');
      const [home] = await tx
        .select({ compoundId: households.compoundId, regionCode: households.regionCode })
        .from(households)
        .where(eq(households.id, householdId))
        .for('update');
      if (!home) throw notFound('房屋');
      const [dup] = await tx
        .select({ id: householdMembers.id })
        .from(householdMembers)
        .where(
          and(
            eq(householdMembers.householdId, householdId),
            ne(householdMembers.status, 'removed'),
            inArray(householdMembers.phoneHash, cipher.hashCandidates(phone)),
          ),
        );
      if (dup) throw badRequest('MEMBER_EXISTS', '该手机号已登记为本房屋成员', { phone: '该手机号已登记为本房屋成员' });
      const [created] = await tx
        .insert(householdMembers)
        .values({
          householdId,
          compoundId: home.compoundId,
          regionCode: home.regionCode,
          addedBy: actor.id,
          name: input.name,
          relation: input.relation,
          phoneEnc: cipher.encrypt(phone),
          phoneMasked: maskPhone(phone),
          phoneHash: cipher.hash(phone),
        })
        .returning();
      await writeAudit(tx, actor, {
        action: 'create',
        entity: 'household-members',
        entityId: created.id,
        after: presented(created),
        regionCode: home.regionCode,
      });
      return created;
    });
    ctx.status = 201;
    ctx.body = presented(row);
  });

  router.delete('/api/mini/households/:id/members/:memberId', async (ctx) => {
    const actor = requireActor(ctx, ['resident']);
    const householdId = idParam(ctx.params.id, '房屋');
    const memberId = idParam(ctx.params.memberId, '成员');
    const row = await db.transaction(async (tx) => {
      await refuseUnless(tx, actor, householdId, 'manage_members', '只有已认证的业主可以移除家庭成员和租户');
      const [m] = await tx
        .select()
        .from(householdMembers)
        .where(and(eq(householdMembers.id, memberId), eq(householdMembers.householdId, householdId)))
        .for('update');
      if (!m || m.status === 'removed') throw notFound('成员');
      const [after] = await tx.update(householdMembers).set({ status: 'removed', removedAt: new Date() }).where(eq(householdMembers.id, memberId)).returning();
      await writeAudit(tx, actor, {
        action: 'delete',
        entity: 'household-members',
        entityId: memberId,
        before: presented(m),
        after: presented(after),
        regionCode: m.regionCode,
      });
      return after;
    });
    ctx.body = presented(row);
  });

  // The member binds with the name and phone the owner registered; the row is locked, so it binds once.
  router.post('/api/mini/household-members/bind', async (ctx) => {
    const actor = requireActor(ctx, ['resident']);
    const input = householdMemberBindSchema.parse(ctx.request.body);
    const phone = normalizePhone(input.phone);
    const row = await db.transaction(async (tx) => {
      const [m] = await tx
        .select()
        .from(householdMembers)
        .where(
          and(
            eq(householdMembers.householdId, input.householdId),
            ne(householdMembers.status, 'removed'),
            inArray(householdMembers.phoneHash, cipher.hashCandidates(phone)),
          ),
        )
        .for('update');
      if (!m || m.name !== input.name)
        throw badRequest('MEMBER_NOT_REGISTERED', '业主未登记该姓名和手机号，请联系业主登记', { phone: '业主未登记该姓名和手机号' });
      if (m.status === 'bound') {
        if (m.userId === actor.id) return m;
        throw conflict('MEMBER_ALREADY_BOUND', '该成员已被其他微信账号绑定');
      }
      // Under the row lock; the status condition also keeps a second binding from overwriting the first.
      const [after] = await tx
        .update(householdMembers)
        .set({ status: 'bound', userId: actor.id, boundAt: new Date() })
        .where(and(eq(householdMembers.id, m.id), eq(householdMembers.status, 'invited')))
        .returning();
      if (!after) throw conflict('MEMBER_ALREADY_BOUND', '该成员已被其他微信账号绑定');
      await writeAudit(tx, actor, {
        action: 'member_bound',
        entity: 'household-members',
        entityId: m.id,
        before: presented(m),
        after: presented(after),
        regionCode: m.regionCode,
      });
      return after;
    });
    ctx.body = presented(row);
  });

  // The homes this resident is a bound member of (the repair form offers them beside their own).
  router.get('/api/mini/household-members/mine', async (ctx) => {
    const actor = requireActor(ctx, ['resident']);
    const { rows } = await db.execute(sql`
      SELECT m.id, m.household_id AS "householdId", m.relation, c.name AS "compoundName", b.name AS "buildingName", u.name AS "unitName", h.room
        FROM household_members m JOIN households h ON h.id = m.household_id JOIN compounds c ON c.id = h.compound_id
        JOIN buildings b ON b.id = h.building_id JOIN units u ON u.id = h.unit_id
       WHERE m.user_id = ${actor.id} AND m.status = 'bound' ORDER BY m.id`);
    ctx.body = rows;
  });
}
