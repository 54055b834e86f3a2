import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { AppError } from '../http/errors';

/**
 * Whether a company is on the blacklist now, in one place (DOMAIN.md §5: it shows 黑名单 whatever
 * its score, and takes no new projects). For the credit pages and public endpoint: join on
 * `blacklistedSql(sql\`c.id\`)` in a select list, or call isBlacklisted / blacklistedCompanyIds.
 * Served by the unique partial index blacklist_entries_active_company_idx.
 */
export const blacklistedSql = (companyIdSql: SQL): SQL<boolean> =>
  sql<boolean>`EXISTS (SELECT 1 FROM blacklist_entries b WHERE b.company_id = ${companyIdSql} AND b.removed_at IS NULL)`;

export async function isBlacklisted(db: DbOrTx, companyId: number): Promise<boolean> {
  const { rows } = await db.execute(sql`SELECT 1 FROM blacklist_entries WHERE company_id = ${companyId} AND removed_at IS NULL`);
  return rows.length > 0;
}

/** The ids among `companyIds` that are blacklisted now. */
export async function blacklistedCompanyIds(db: DbOrTx, companyIds: number[]): Promise<Set<number>> {
  if (!companyIds.length) return new Set();
  const { rows } = await db.execute(
    sql`SELECT company_id FROM blacklist_entries WHERE removed_at IS NULL AND company_id IN (${sql.join(
      companyIds.map((id) => sql`${id}`),
      sql`, `,
    )})`,
  );
  return new Set((rows as { company_id: number }[]).map((r) => Number(r.company_id)));
}

/**
 * A blacklisted company takes no new projects (DOMAIN.md §5): 409 on companyId. Locks the company
 * row (FOR SHARE) so a listing being written at the same time (which locks it FOR UPDATE) is seen.
 */
export async function assertMayTakeProjects(tx: DbOrTx, companyId: number): Promise<void> {
  await tx.execute(sql`SELECT 1 FROM companies WHERE id = ${companyId} FOR SHARE`);
  if (await isBlacklisted(tx, companyId)) {
    throw new AppError('COMPANY_BLACKLISTED', 409, '该物业企业已列入诚信档案黑名单，不得承接新的物业服务项目', {
      companyId: '该企业已列入黑名单，不得承接新项目',
    });
  }
}
