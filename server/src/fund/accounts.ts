import { eq, sql } from 'drizzle-orm';
import type { Actor } from '../auth/actor';
import type { Db, Tx } from '../db/client';
import { compounds, fundAccounts } from '../db/schema';
import { writeAudit } from '../audit/audit';
import { badRequest, conflict } from '../http/errors';
import { assertFundStaff } from './ledgerService';

/**
 * Opens a compound's special account (DOMAIN.md §3: one per management area) in the caller's
 * transaction, audited there. The bank's details may follow once the bank has opened it.
 * One account per compound is the unique index's to keep: a second opening, even a concurrent
 * one, inserts nothing and is refused with 409 FUND_ACCOUNT_EXISTS.
 */
export async function openFundAccount(
  tx: Tx,
  actor: Actor | null,
  compound: { id: number; regionCode: string },
  bank: { bankName?: string | null; accountNo?: string | null } = {},
) {
  const [row] = await tx
    .insert(fundAccounts)
    .values({ compoundId: compound.id, regionCode: compound.regionCode, bankName: bank.bankName ?? null, accountNo: bank.accountNo ?? null })
    .onConflictDoNothing({ target: fundAccounts.compoundId })
    .returning();
  if (!row) throw conflict('FUND_ACCOUNT_EXISTS', '该小区已开设维修资金专户');
  await writeAudit(tx, actor, { action: 'create', entity: 'fund-accounts', entityId: row.id, after: row, regionCode: row.regionCode });
  return row;
}

/**
 * The explicit action for a compound that has no account (one registered before accounts were
 * opened with the compound): city or district housing-bureau staff, the compound in their
 * jurisdiction (403 otherwise). Returns the new account's id.
 */
export async function openAccountFor(
  db: Db,
  actor: Actor,
  input: { compoundId: number; bankName?: string | null; accountNo?: string | null },
): Promise<number> {
  return db.transaction(async (tx) => {
    const [compound] = await tx.select({ id: compounds.id, regionCode: compounds.regionCode }).from(compounds).where(eq(compounds.id, input.compoundId));
    if (!compound) throw badRequest('VALIDATION_FAILED', '小区不存在', { compoundId: '小区不存在' });
    assertFundStaff(actor, compound.regionCode);
    return (await openFundAccount(tx, actor, compound, input)).id;
  });
}

/**
 * The compound delete's hook (places/compounds.ts): a compound deleted by mistake right after its
 * registration takes its untouched account with it (audited); an account with any ledger, posting or
 * application is never deleted, so neither is its compound (409 FUND_ACCOUNT_IN_USE).
 */
export async function closeAccountWithCompound(existing: Record<string, unknown>, c: { tx: Tx; actor: Actor }): Promise<void> {
  const [account] = await c.tx
    .select()
    .from(fundAccounts)
    .where(eq(fundAccounts.compoundId, existing.id as number))
    .for('update');
  if (!account) return;
  const [{ used }] = (
    await c.tx.execute(sql`SELECT EXISTS (SELECT 1 FROM fund_ledgers WHERE account_id = ${account.id})
                               OR EXISTS (SELECT 1 FROM fund_batches WHERE account_id = ${account.id})
                               OR EXISTS (SELECT 1 FROM fund_applications WHERE account_id = ${account.id}) AS used`)
  ).rows as { used: boolean }[];
  if (used || account.balanceFen !== 0) throw conflict('FUND_ACCOUNT_IN_USE', '该小区的维修资金专户已有账目，不能删除该小区');
  await c.tx.delete(fundAccounts).where(eq(fundAccounts.id, account.id));
  await writeAudit(c.tx, c.actor, { action: 'delete', entity: 'fund-accounts', entityId: account.id, before: account, regionCode: account.regionCode });
}

/** The compound create's hook (places/compounds.ts): its account opens in the same transaction. */
export async function openAccountWithCompound(row: Record<string, unknown>, c: { tx: Tx; actor: Actor }): Promise<void> {
  await openFundAccount(c.tx, c.actor, { id: row.id as number, regionCode: row.regionCode as string });
}
