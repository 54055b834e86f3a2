import type { TestApi } from './api';

/**
 * The fee books balance (issue 13, "every refusal leaves the books balanced"): for every bill,
 * paid_fen = Σ its allocations and 0 ≤ paid ≤ amount, its status agrees with paid/amount; for every
 * payment, Σ its allocations = amount − refunded = Σ receipts lines − refunds; in total,
 * Σ bills.paid_fen = Σ allocations = Σ payments − Σ refunds. Returns what breaks it.
 */
export async function feesInvariantBreaks(t: Pick<TestApi, 'query'>): Promise<unknown[]> {
  const bills = await t.query(`
    SELECT b.id, b.amount_fen::text AS amount, b.paid_fen::text AS paid, b.status, coalesce(sum(a.amount_fen), 0)::text AS allocated
      FROM bills b LEFT JOIN fee_allocations a ON a.bill_id = b.id
     GROUP BY b.id
    HAVING b.paid_fen <> coalesce(sum(a.amount_fen), 0) OR b.paid_fen < 0 OR b.paid_fen > b.amount_fen
        OR (b.status = 'paid' AND b.paid_fen <> b.amount_fen)
        OR (b.status = 'unpaid' AND b.paid_fen <> 0)
        OR (b.status = 'partly_paid' AND (b.paid_fen = 0 OR b.paid_fen = b.amount_fen))
        OR (b.status = 'reversed' AND b.paid_fen <> 0)`);
  const payments = await t.query(`
    SELECT p.id, p.amount_fen::text AS amount, p.refunded_fen::text AS refunded,
           (SELECT coalesce(sum(amount_fen), 0) FROM fee_allocations a WHERE a.payment_id = p.id)::text AS allocated,
           (SELECT coalesce(sum(amount_fen), 0) FROM fee_refunds r WHERE r.payment_id = p.id)::text AS refunds
      FROM fee_payments p
     WHERE p.amount_fen - p.refunded_fen <> (SELECT coalesce(sum(amount_fen), 0) FROM fee_allocations a WHERE a.payment_id = p.id)
        OR p.refunded_fen <> (SELECT coalesce(sum(amount_fen), 0) FROM fee_refunds r WHERE r.payment_id = p.id)
        OR NOT EXISTS (SELECT 1 FROM receipts r WHERE r.payment_id = p.id AND r.amount_fen = p.amount_fen)`);
  const [totals] = await t.query<{ paid: string; allocated: string; net: string }>(`
    SELECT (SELECT coalesce(sum(paid_fen), 0) FROM bills)::text AS paid,
           (SELECT coalesce(sum(amount_fen), 0) FROM fee_allocations)::text AS allocated,
           (SELECT coalesce(sum(amount_fen - refunded_fen), 0) FROM fee_payments)::text AS net`);
  const total = totals.paid === totals.allocated && totals.allocated === totals.net ? [] : [{ totals }];
  return [...bills, ...payments, ...total];
}
