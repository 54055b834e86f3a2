import type { TestApi } from './api';

/**
 * The ledger's invariant (DOMAIN.md §3): for every account, its balance = Σ household ledger
 * balances = Σ journal entries; every ledger's balance = Σ its entries = deposited + earned − used
 * (the yearly report's figures), never negative; and every balance and total stays within the fund
 * limits (issue 9 §2), where JavaScript numbers are exact. Returns what breaks it.
 */
export async function fundInvariantBreaks(t: TestApi): Promise<unknown[]> {
  const accounts = await t.query(`
    SELECT a.id, a.balance_fen::text AS account,
           (SELECT coalesce(sum(balance_fen), 0)::text FROM fund_ledgers l WHERE l.account_id = a.id) AS ledgers,
           (SELECT coalesce(sum(amount_fen), 0)::text FROM fund_entries e WHERE e.account_id = a.id) AS entries
      FROM fund_accounts a`);
  const { maxBalanceFen } = t.config.fund.limits;
  const bad = accounts.filter((a) => a.account !== a.ledgers || a.account !== a.entries || Math.abs(Number(a.account)) > maxBalanceFen);
  const ledgers = await t.query(`
    SELECT l.id, l.balance_fen::text AS balance, coalesce(sum(e.amount_fen), 0)::text AS entries
      FROM fund_ledgers l LEFT JOIN fund_entries e ON e.ledger_id = l.id
     GROUP BY l.id HAVING l.balance_fen <> coalesce(sum(e.amount_fen), 0) OR l.balance_fen < 0
         OR l.balance_fen <> l.deposited_fen + l.earned_fen - l.used_fen
         OR greatest(l.balance_fen, abs(l.deposited_fen), abs(l.earned_fen), abs(l.used_fen)) > ${maxBalanceFen}`);
  return [...bad, ...ledgers];
}
