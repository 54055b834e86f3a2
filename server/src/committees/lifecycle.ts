import type Router from '@koa/router';
import { eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../db/client';
import { requireActor } from '../auth/middleware';
import { writeAudit } from '../audit/audit';
import { committees } from '../db/schema';
import { conflict, forbidden, notFound } from '../http/errors';
import { regionAllows } from '../jurisdiction/scope';
import { COMMITTEE_WRITERS } from './committees';

/** What hangs on a committee: its members, the votes it ran, the disclosures it published. */
export async function committeeDependents(tx: Tx, committeeId: number) {
  const [row] = (
    await tx.execute<{ members: number; votes: number; disclosures: number }>(sql`SELECT
      (SELECT count(*)::int FROM committee_members WHERE committee_id = ${committeeId}) AS members,
      (SELECT count(*)::int FROM votes WHERE committee_id = ${committeeId}) AS votes,
      (SELECT count(*)::int FROM disclosures WHERE committee_id = ${committeeId}) AS disclosures`)
  ).rows;
  return row;
}

const inUse = (d: { members: number; votes: number; disclosures: number }) => d.members + d.votes + d.disclosures > 0;

/**
 * A committee's compound is fixed once anything hangs on it: its members must be owners of that
 * compound (members.ts place()), and its votes and disclosures were that compound's; moving them
 * all would rewrite the record of who decided what. An empty committee may be corrected.
 */
export async function assertCompoundChangeAllowed(tx: Tx, existing: Record<string, unknown>, compoundId: number) {
  if (existing.compoundId === compoundId) return;
  const d = await committeeDependents(tx, existing.id as number);
  if (inUse(d)) throw conflict('COMMITTEE_COMPOUND_FIXED', '该业主组织已有委员、表决或公开信息，不能改到其他小区；请在新小区另建业主组织');
}

/**
 * Committees end (status 已届满/解散), they are not deleted while they have members, votes or
 * disclosures (409 COMMITTEE_IN_USE); an empty one (created by mistake) may be deleted, audited.
 * The committee row is locked first, so a member added at the same moment either waits and is
 * refused by the foreign key, or lands first and is counted here.
 */
export function registerCommitteeDelete(router: Router, db: Db): void {
  router.delete('/api/committees/:id', async (ctx) => {
    const actor = requireActor(ctx, COMMITTEE_WRITERS);
    const raw = String(ctx.params.id);
    if (!/^\d{1,10}$/.test(raw) || Number(raw) > 2147483647) throw notFound('业主组织');
    const id = Number(raw);
    ctx.body = await db.transaction(async (tx) => {
      const [existing] = await tx.select().from(committees).where(eq(committees.id, id)).for('update');
      if (!existing) throw notFound('业主组织');
      if (!regionAllows(actor, existing.regionCode)) throw forbidden('OUT_OF_JURISDICTION', '无权删除管辖范围以外的业主组织');
      const d = await committeeDependents(tx, id);
      if (inUse(d)) {
        throw conflict('COMMITTEE_IN_USE', `该业主组织有委员${d.members}人、表决${d.votes}项、公开信息${d.disclosures}条，不能删除；请将状态改为"已届满/解散"`);
      }
      await tx.delete(committees).where(eq(committees.id, id));
      await writeAudit(tx, actor, { action: 'delete', entity: 'committees', entityId: id, before: existing, regionCode: existing.regionCode });
      return { id };
    });
  });
}
