import { and, eq, ilike, isNull, or, sql } from 'drizzle-orm';
import { BLACKLIST_AUTHORITIES, BLACKLIST_REASONS, BLACKLIST_STATES, blacklistCreateSchema, blacklistRemoveSchema, type BlacklistCreate } from '@baotou/shared';
import type { Actor } from '../auth/actor';
import type { ResourceDef, WriteContext } from '../http/resource';
import { badRequest, conflict, forbidden, notFound } from '../http/errors';
import { filterValue, likeEscape } from '../http/listQuery';
import { beijingDate, isBureau, regionAllows, regionCondition } from '../jurisdiction/scope';
import type { Db, DbOrTx } from '../db/client';
import { blacklistEntries, companies } from '../db/schema';
import { writeAudit } from '../audit/audit';
import { assertOwnUploads, canonicalUploadUrl } from '../uploads';

const isAuthority = (actor: Actor) => (BLACKLIST_AUTHORITIES as readonly string[]).includes(actor.role) && !!actor.regionCode;

/**
 * A company is within a bureau's reach when it is registered in its region or serves a project
 * there (a district lists the companies working in it; the city any company).
 */
async function companyWithin(tx: DbOrTx, actor: Actor, companyId: number): Promise<boolean> {
  const { rows } = await tx.execute(sql`SELECT 1 FROM companies c WHERE c.id = ${companyId} AND (${regionCondition(actor, sql`c.region_code`)}
    OR EXISTS (SELECT 1 FROM projects p WHERE p.company_id = c.id AND ${regionCondition(actor, sql`p.region_code`)}))`);
  return rows.length > 0;
}

/**
 * Listing a company (DOMAIN.md §5 "Blacklist"): the city or a district, for a company within its
 * reach, with a document number and evidence. The company row is locked, so two listings of one
 * company queue and the second finds the first (409); the unique partial index
 * blacklist_entries_active_company_idx holds the rule even without the lock.
 */
async function prepareListing(input: BlacklistCreate, c: WriteContext) {
  if (!isAuthority(c.actor)) throw forbidden('ROLE_FORBIDDEN', '只有市、区住建部门可以将企业列入黑名单');
  const [company] = await c.tx.select({ id: companies.id }).from(companies).where(eq(companies.id, input.companyId)).for('update');
  if (!company) throw badRequest('VALIDATION_FAILED', '物业企业不存在', { companyId: '物业企业不存在' });
  if (!(await companyWithin(c.tx, c.actor, input.companyId))) throw forbidden('OUT_OF_JURISDICTION', '该企业不在本部门管辖范围内（未在本辖区注册或承接项目）');
  const [active] = await c.tx
    .select({ id: blacklistEntries.id })
    .from(blacklistEntries)
    .where(and(eq(blacklistEntries.companyId, input.companyId), isNull(blacklistEntries.removedAt)));
  if (active) throw conflict('ALREADY_BLACKLISTED', '该企业已在黑名单中，移出前不能重复列入');
  if (input.listedOn > beijingDate()) throw badRequest('VALIDATION_FAILED', '列入日期不能晚于今天', { listedOn: '列入日期不能晚于今天' });
  await assertOwnUploads(
    c.tx,
    c.actor,
    input.evidence.map((d, i) => ({ url: d.url, field: `evidence.${i}.url` })),
    { message: '证据材料无效：只能使用本人上传的文件', allowLinks: true },
  );
  return {
    ...input,
    evidence: input.evidence.map((d) => ({ ...d, url: canonicalUploadUrl(d.url) })),
    regionCode: c.actor.regionCode!,
    listedBy: c.actor.id,
  };
}

export function blacklistResource(): ResourceDef {
  return {
    name: 'blacklist',
    label: '黑名单记录',
    table: blacklistEntries,
    id: blacklistEntries.id,
    idKind: 'int',
    fields: {
      id: blacklistEntries.id,
      companyId: blacklistEntries.companyId,
      companyName: sql<string>`(SELECT c.name FROM companies c WHERE c.id = "blacklist_entries"."company_id")`,
      creditCode: sql<string>`(SELECT c.credit_code FROM companies c WHERE c.id = "blacklist_entries"."company_id")`,
      regionCode: blacklistEntries.regionCode,
      authorityName: sql<string>`(SELECT r.name FROM regions r WHERE r.code = "blacklist_entries"."region_code")`,
      reason: blacklistEntries.reason,
      document: blacklistEntries.document,
      listedOn: blacklistEntries.listedOn,
      facts: blacklistEntries.facts,
      evidence: blacklistEntries.evidence,
      state: sql<string>`CASE WHEN "blacklist_entries"."removed_at" IS NULL THEN 'active' ELSE 'removed' END`,
      removedOn: blacklistEntries.removedOn,
      removalReason: blacklistEntries.removalReason,
      removalDocument: blacklistEntries.removalDocument,
      // the compounds its current contracts cover: one letter each
      compoundCount: sql<number>`(SELECT count(DISTINCT p.compound_id)::int FROM projects p WHERE p.company_id = "blacklist_entries"."company_id" AND p.start_date <= (now() AT TIME ZONE 'Asia/Shanghai')::date AND p.end_date >= (now() AT TIME ZONE 'Asia/Shanghai')::date)`,
      createdAt: blacklistEntries.createdAt,
    },
    sortable: {
      id: blacklistEntries.id,
      listedOn: blacklistEntries.listedOn,
      reason: blacklistEntries.reason,
      removedOn: blacklistEntries.removedOn,
      companyId: blacklistEntries.companyId,
    },
    defaultSort: ['listedOn', 'DESC'],
    filters: {
      q: (v) => {
        const q = `%${likeEscape(filterValue.string('q', v, 40))}%`;
        return or(
          ilike(blacklistEntries.document, q),
          sql`${blacklistEntries.companyId} IN (SELECT id FROM companies WHERE name ILIKE ${q} OR credit_code ILIKE ${q})`,
        );
      },
      reason: (v) => eq(blacklistEntries.reason, filterValue.oneOf('reason', v, BLACKLIST_REASONS)),
      state: (v) =>
        filterValue.oneOf('state', v, BLACKLIST_STATES) === 'active' ? isNull(blacklistEntries.removedAt) : sql`${blacklistEntries.removedAt} IS NOT NULL`,
      companyId: (v) => eq(blacklistEntries.companyId, filterValue.int('companyId', v)),
      regionCode: (v) => sql`${blacklistEntries.regionCode} LIKE ${filterValue.string('regionCode', v, 12).replace(/\D/g, '') + '%'}`,
    },
    // The blacklist is published (DOMAIN.md §5): every bureau office reads all of it; a company its own.
    readScope: (actor) => {
      if (isBureau(actor)) return sql`true`;
      if (actor.role === 'company_staff' && actor.companyId) return eq(blacklistEntries.companyId, actor.companyId);
      return 'deny';
    },
    write: {
      roles: BLACKLIST_AUTHORITIES,
      allows: (actor, row) => isAuthority(actor) && regionAllows(actor, row.regionCode as string),
      readOnlyFields: [
        'companyName',
        'creditCode',
        'regionCode',
        'authorityName',
        'state',
        'removedOn',
        'removalReason',
        'removalDocument',
        'compoundCount',
        'createdAt',
        'updatedAt',
      ],
      create: { schema: blacklistCreateSchema, prepare: prepareListing },
    },
  };
}

/**
 * Removal follows the same record (DOMAIN.md §5): the listing authority (or the city above it)
 * records when, why and under which document; the row is locked and must still be active.
 */
export async function removeListing(db: Db, actor: Actor, id: number, body: unknown) {
  if (!isAuthority(actor)) throw forbidden('ROLE_FORBIDDEN', '只有市、区住建部门可以将企业移出黑名单');
  const input = blacklistRemoveSchema.parse(body ?? {});
  const removedOn = input.removedOn ?? beijingDate();
  if (removedOn > beijingDate()) throw badRequest('VALIDATION_FAILED', '移出日期不能晚于今天', { removedOn: '移出日期不能晚于今天' });
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(blacklistEntries).where(eq(blacklistEntries.id, id)).for('update');
    if (!row) throw notFound('黑名单记录');
    if (!regionAllows(actor, row.regionCode)) throw forbidden('OUT_OF_JURISDICTION', '只能由列入机关或其上级移出黑名单');
    if (row.removedAt) throw conflict('ALREADY_REMOVED', '该记录已移出黑名单');
    if (removedOn < row.listedOn) throw badRequest('VALIDATION_FAILED', '移出日期不能早于列入日期', { removedOn: '移出日期不能早于列入日期' });
    const [after] = await tx
      .update(blacklistEntries)
      .set({
        removedAt: new Date(),
        removedOn,
        removedBy: actor.id,
        removalReason: input.removalReason,
        removalDocument: input.removalDocument,
        updatedAt: new Date(),
      })
      .where(and(eq(blacklistEntries.id, id), isNull(blacklistEntries.removedAt)))
      .returning();
    await writeAudit(tx, actor, { action: 'unlist', entity: 'blacklist', entityId: id, before: row, after, regionCode: row.regionCode });
    return after;
  });
}
