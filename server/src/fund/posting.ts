import { eq, sql } from 'drizzle-orm';
import type { FundEntryKind } from '@baotou/shared';
import type { Actor } from '../auth/actor';
import type { Tx } from '../db/client';
import { fundAccounts, fundBatches } from '../db/schema';
import { writeAudit } from '../audit/audit';
import { conflict, notFound } from '../http/errors';

export interface PostingLine {
  ledgerId: number;
  /** Signed fen: positive credits the household, negative charges it. */
  amountFen: number;
  payer?: 'owner' | 'developer';
  memo?: string | null;
  reversesId?: number | null;
}

/** Which running total an entry kind moves, besides the balance. */
function totalColumn(kind: FundEntryKind): 'deposited_fen' | 'earned_fen' | 'used_fen' | null {
  if (kind === 'first_deposit' || kind === 'top_up' || kind === 'self_deposit') return 'deposited_fen';
  if (kind === 'earnings') return 'earned_fen';
  if (kind === 'usage' || kind === 'refund') return 'used_fen';
  return null;
}

/**
 * Posts one batch in the caller's transaction: locks the account (so concurrent batches on it
 * queue instead of racing), locks the ledgers in id order, refuses any overdraft, writes the
 * entries with their running balances, moves the ledgers' and the account's balances by exactly
 * the batch total, and audits the batch.
 */
export async function postBatch(
  tx: Tx,
  actor: Actor | null,
  opts: {
    accountId: number;
    kind: FundEntryKind;
    lines: PostingLine[];
    reference?: string | null;
    /** A reversal moves the running total of the kind it reverses. */
    totalsOf?: FundEntryKind;
  },
) {
  const [account] = await tx.select().from(fundAccounts).where(eq(fundAccounts.id, opts.accountId)).for('update');
  if (!account) throw notFound('维修资金账户');
  const lines = opts.lines.filter((l) => l.amountFen !== 0);
  const ids = [...new Set(lines.map((l) => l.ledgerId))].sort((a, b) => a - b);
  // Lock the ledgers in id order (no deadlock between batches), reading each home's current owner.
  const ledgers = ids.length
    ? ((
        await tx.execute(sql`
          SELECT l.id, l.household_id AS "householdId", l.account_id AS "accountId", l.balance_fen::text AS "balanceFen", l.region_code AS "regionCode", h.owner_id AS "ownerId"
            FROM fund_ledgers l JOIN households h ON h.id = l.household_id
           WHERE l.id = ANY(${`{${ids.join(',')}}`}::int[]) ORDER BY l.id FOR UPDATE OF l`)
      ).rows as { id: number; householdId: number; accountId: number; balanceFen: string; regionCode: string; ownerId: number | null }[])
    : [];
  const byId = new Map(ledgers.map((l) => [Number(l.id), l]));
  const balances = new Map(ledgers.map((l) => [Number(l.id), Number(l.balanceFen)]));
  let total = 0;
  const entries = lines.map((l) => {
    const ledger = byId.get(l.ledgerId);
    if (!ledger || Number(ledger.accountId) !== opts.accountId) throw notFound('分户账');
    const after = balances.get(l.ledgerId)! + l.amountFen;
    if (after < 0) throw conflict('INSUFFICIENT_BALANCE', `分户账 ${l.ledgerId} 余额不足，差额 ${-after} 分`);
    if (!Number.isSafeInteger(after)) throw conflict('AMOUNT_OVERFLOW', '金额超出范围');
    balances.set(l.ledgerId, after);
    total += l.amountFen;
    return { line: l, after, ledger };
  });
  const [batch] = await tx
    .insert(fundBatches)
    .values({ accountId: opts.accountId, kind: opts.kind, totalFen: total, entryCount: entries.length, reference: opts.reference ?? null, postedBy: actor?.id ?? null })
    .returning({ id: fundBatches.id });
  if (entries.length) {
    // The whole batch in one statement: rows travel as one JSON parameter, whatever the batch size.
    const rows = JSON.stringify(
      entries.map(({ line, after, ledger }) => ({
        ledger_id: line.ledgerId,
        household_id: ledger.householdId,
        region_code: ledger.regionCode,
        amount_fen: line.amountFen,
        balance_after_fen: after,
        owner_id: ledger.ownerId,
        payer: line.payer ?? 'owner',
        reverses_id: line.reversesId ?? null,
        memo: line.memo ?? null,
      })),
    );
    await tx.execute(sql`
      INSERT INTO fund_entries (account_id, ledger_id, household_id, batch_id, region_code, kind, amount_fen, balance_after_fen, owner_id, payer, reference, reverses_id, memo)
      SELECT ${opts.accountId}, x.ledger_id, x.household_id, ${batch.id}, x.region_code, ${opts.kind}::fund_entry_kind, x.amount_fen, x.balance_after_fen, x.owner_id, x.payer, ${opts.reference ?? null}, x.reverses_id, x.memo
        FROM jsonb_to_recordset(${rows}::jsonb) AS x(ledger_id int, household_id int, region_code text, amount_fen bigint, balance_after_fen bigint, owner_id int, payer text, reverses_id bigint, memo text)`);
  }
  // Ledger totals in one statement too.
  const deltas = new Map<number, number>();
  for (const { line } of entries) deltas.set(line.ledgerId, (deltas.get(line.ledgerId) ?? 0) + line.amountFen);
  if (deltas.size) {
    const column = totalColumn(opts.totalsOf ?? opts.kind);
    const movedTotal = column ? sql.raw(`, ${column} = l.${column} + ${column === 'used_fen' ? '-' : ''}v.amt`) : sql``;
    await tx.execute(sql`
      UPDATE fund_ledgers l SET balance_fen = l.balance_fen + v.amt, updated_at = now()${movedTotal}
        FROM unnest(${`{${[...deltas.keys()].join(',')}}`}::int[], ${`{${[...deltas.values()].join(',')}}`}::bigint[]) AS v(id, amt)
       WHERE l.id = v.id`);
  }
  await tx.update(fundAccounts).set({ balanceFen: account.balanceFen + total, updatedAt: new Date() }).where(eq(fundAccounts.id, opts.accountId));
  await writeAudit(tx, actor, {
    action: `post_${opts.kind}`,
    entity: 'fund-accounts',
    entityId: opts.accountId,
    after: { batchId: batch.id, kind: opts.kind, totalFen: total, entries: entries.length, reference: opts.reference ?? null },
    regionCode: account.regionCode,
  });
  return { batchId: batch.id, totalFen: total, entries: entries.length, balanceAfter: new Map(entries.map((e) => [e.line.ledgerId, e.after])) };
}
