import type { TestApi } from './api';

/**
 * The ledger's invariant (DOMAIN.md §3): for every account, its balance = Σ household ledger
 * balances = Σ journal entries, and every ledger's balance = Σ its entries. Returns what breaks it.
 */
export async function fundInvariantBreaks(t: TestApi): Promise<unknown[]> {
  const accounts = await t.query(`
    SELECT a.id, a.balance_fen::text AS account,
           (SELECT coalesce(sum(balance_fen), 0)::text FROM fund_ledgers l WHERE l.account_id = a.id) AS ledgers,
           (SELECT coalesce(sum(amount_fen), 0)::text FROM fund_entries e WHERE e.account_id = a.id) AS entries
      FROM fund_accounts a`);
  const bad = accounts.filter((a) => a.account !== a.ledgers || a.account !== a.entries);
  const ledgers = await t.query(`
    SELECT l.id, l.balance_fen::text AS balance, coalesce(sum(e.amount_fen), 0)::text AS entries
      FROM fund_ledgers l LEFT JOIN fund_entries e ON e.ledger_id = l.id
     GROUP BY l.id HAVING l.balance_fen <> coalesce(sum(e.amount_fen), 0) OR l.balance_fen < 0`);
  return [...bad, ...ledgers];
}
