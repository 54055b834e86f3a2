import { sql } from 'drizzle-orm';
import { DEFAULT_FUND_LIMITS } from '@baotou/config';
import { amountOutOfRange, balanceOutOfRange, fenToYuan, type FundEntryKind, type FundLimits } from '@baotou/shared';
import type { Actor } from '../auth/actor';
import type { Tx } from '../db/client';
import { fundBatches } from '../db/schema';
import { writeAudit } from '../audit/audit';
import { badRequest, conflict, notFound } from '../http/errors';
import { notifyFundBatch } from '../notifications/residents';

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
 * Refuses an amount (a deposit, a payment, a budget, a cost: signed fen) beyond the setting
 * FUND_MAX_POSTING_FEN: 400 AMOUNT_TOO_LARGE, with `field` named when given (issue 9 §2).
 */
export function assertAmount(limits: FundLimits, fen: number, field?: string): void {
  if (amountOutOfRange(fen, limits)) {
    const message = `金额超过单笔上限 ${fenToYuan(limits.maxPostingFen)} 元`;
    throw badRequest('AMOUNT_TOO_LARGE', message, field ? { [field]: message } : undefined);
  }
}

/** A stored balance or total as a number, refused when it is (or would end) out of range. */
function assertBalance(limits: FundLimits, fen: number, what: string): void {
  if (!Number.isSafeInteger(fen) || balanceOutOfRange(fen, limits)) {
    throw badRequest('BALANCE_OUT_OF_RANGE', `${what}将超出允许范围（±${fenToYuan(limits.maxBalanceFen)} 元），未记账`);
  }
}

/**
 * Takes the account's lock for the rest of the transaction and reads it under the lock. Every
 * posting and every "at most once" check on an account runs after this, so concurrent requests
 * on one account queue here instead of racing (issue 9 §1). 404 when there is no such account.
 */
export async function lockAccount(tx: Tx, accountId: number): Promise<{ id: number; regionCode: string; balanceFen: number }> {
  const [row] = (
    await tx.execute(sql`SELECT id, region_code AS "regionCode", balance_fen::text AS "balanceFen" FROM fund_accounts WHERE id = ${accountId} FOR UPDATE`)
  ).rows as { id: number; regionCode: string; balanceFen: string }[];
  if (!row) throw notFound('维修资金账户');
  return { id: Number(row.id), regionCode: row.regionCode, balanceFen: Number(row.balanceFen) };
}

/**
 * Posts one batch in the caller's transaction: locks the account (so concurrent batches on it
 * queue instead of racing), locks the ledgers in id order, refuses any overdraft (409
 * INSUFFICIENT_BALANCE), any line or total beyond FUND_MAX_POSTING_FEN (400 AMOUNT_TOO_LARGE) and
 * any resulting ledger balance, ledger total or account balance beyond FUND_MAX_BALANCE_FEN (400
 * BALANCE_OUT_OF_RANGE) — all before writing anything — then writes the entries with their
 * running balances, moves the ledgers' and the account's balances by exactly the batch total, and
 * audits the batch. `limits` defaults to the settings' defaults (the demo seed and the benches).
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
    limits?: FundLimits;
  },
) {
  const limits = opts.limits ?? DEFAULT_FUND_LIMITS;
  const account = await lockAccount(tx, opts.accountId);
  const lines = opts.lines.filter((l) => l.amountFen !== 0);
  const column = totalColumn(opts.totalsOf ?? opts.kind);
  const ids = [...new Set(lines.map((l) => l.ledgerId))].sort((a, b) => a - b);
  // Lock the ledgers in id order (no deadlock between batches), reading each home's current owner.
  const ledgers = ids.length
    ? ((
        await tx.execute(sql`
          SELECT l.id, l.household_id AS "householdId", l.account_id AS "accountId", l.balance_fen::text AS "balanceFen", l.region_code AS "regionCode", h.owner_id AS "ownerId",
                 ${column ? sql.raw(`l.${column}::text`) : sql`'0'`} AS "movedTotalFen"
            FROM fund_ledgers l JOIN households h ON h.id = l.household_id
           WHERE l.id = ANY(${`{${ids.join(',')}}`}::int[]) ORDER BY l.id FOR UPDATE OF l`)
      ).rows as { id: number; householdId: number; accountId: number; balanceFen: string; regionCode: string; ownerId: number | null; movedTotalFen: string }[])
    : [];
  const byId = new Map(ledgers.map((l) => [Number(l.id), l]));
  const balances = new Map(ledgers.map((l) => [Number(l.id), Number(l.balanceFen)]));
  // The running total this kind moves (deposited, earned or used); usage and refunds count up.
  const movedTotals = new Map(ledgers.map((l) => [Number(l.id), Number(l.movedTotalFen)]));
  const sign = column === 'used_fen' ? -1 : 1;
  let total = 0;
  const entries = lines.map((l) => {
    const ledger = byId.get(l.ledgerId);
    if (!ledger || Number(ledger.accountId) !== opts.accountId) throw notFound('分户账');
    assertAmount(limits, l.amountFen);
    const after = balances.get(l.ledgerId)! + l.amountFen;
    if (after < 0) throw conflict('INSUFFICIENT_BALANCE', `分户账 ${l.ledgerId} 余额不足，差额 ${-after} 分`);
    assertBalance(limits, after, `分户账 ${l.ledgerId} 余额`);
    balances.set(l.ledgerId, after);
    if (column) {
      const moved = movedTotals.get(l.ledgerId)! + sign * l.amountFen;
      assertBalance(limits, moved, `分户账 ${l.ledgerId} 累计金额`);
      movedTotals.set(l.ledgerId, moved);
    }
    total += l.amountFen;
    return { line: l, after, ledger };
  });
  assertAmount(limits, total);
  assertBalance(limits, account.balanceFen + total, '账户余额');
  const [batch] = await tx
    .insert(fundBatches)
    .values({
      accountId: opts.accountId,
      kind: opts.kind,
      totalFen: total,
      entryCount: entries.length,
      reference: opts.reference ?? null,
      postedBy: actor?.id ?? null,
    })
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
    // The homes' residents hear of the charge or deposit (issue 16 §4), written with the entries.
    await notifyFundBatch(tx, batch.id, opts.kind);
  }
  // Ledger totals in one statement too.
  const deltas = new Map<number, number>();
  for (const { line } of entries) deltas.set(line.ledgerId, (deltas.get(line.ledgerId) ?? 0) + line.amountFen);
  if (deltas.size) {
    const movedTotal = column ? sql.raw(`, ${column} = l.${column} + ${column === 'used_fen' ? '-' : ''}v.amt`) : sql``;
    await tx.execute(sql`
      UPDATE fund_ledgers l SET balance_fen = l.balance_fen + v.amt, updated_at = now()${movedTotal}
        FROM unnest(${`{${[...deltas.keys()].join(',')}}`}::int[], ${`{${[...deltas.values()].join(',')}}`}::bigint[]) AS v(id, amt)
       WHERE l.id = v.id`);
  }
  // Moved in SQL (exact bigint arithmetic), by the total checked above.
  await tx.execute(sql`UPDATE fund_accounts SET balance_fen = balance_fen + ${total}, updated_at = now() WHERE id = ${opts.accountId}`);
  await writeAudit(tx, actor, {
    action: `post_${opts.kind}`,
    entity: 'fund-accounts',
    entityId: opts.accountId,
    after: { batchId: batch.id, kind: opts.kind, totalFen: total, entries: entries.length, reference: opts.reference ?? null },
    regionCode: account.regionCode,
  });
  return { batchId: batch.id, totalFen: total, entries: entries.length, balanceAfter: new Map(entries.map((e) => [e.line.ledgerId, e.after])) };
}
