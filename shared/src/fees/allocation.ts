/**
 * Research §6 rule 5: a payment goes to the oldest bill first unless the payer chose the bills.
 * Bills are ordered by periodStart, then id. Integer fen throughout.
 *
 * @param bills each bill's id, period start ('YYYY-MM-DD') and what is still owed on it (fen, ≥ 0)
 * @param amountFen the payment, fen, 1..Σ owed
 * @returns one line per bill that receives money, in the order paid: { billId, amountFen }
 * @throws RangeError for a non-positive or non-integer amount, or one above what is owed
 */
export function allocatePayment(
  bills: readonly { id: number; periodStart: string; owedFen: number }[],
  amountFen: number,
): { billId: number; amountFen: number }[] {
  if (!Number.isSafeInteger(amountFen) || amountFen <= 0)
    throw new RangeError(`allocatePayment: amount must be a positive integer fen, got ${JSON.stringify(amountFen)}`);
  for (const b of bills) {
    if (!Number.isSafeInteger(b.owedFen) || b.owedFen < 0) throw new RangeError(`allocatePayment: bill ${b.id} owes ${JSON.stringify(b.owedFen)}`);
  }
  const owed = bills.reduce((s, b) => s + b.owedFen, 0);
  if (amountFen > owed) throw new RangeError(`allocatePayment: ${amountFen} fen is more than the ${owed} fen owed`);
  const ordered = [...bills].sort((a, b) => (a.periodStart < b.periodStart ? -1 : a.periodStart > b.periodStart ? 1 : a.id - b.id));
  const lines: { billId: number; amountFen: number }[] = [];
  let left = amountFen;
  for (const b of ordered) {
    if (left === 0) break;
    const take = Math.min(left, b.owedFen);
    if (take > 0) lines.push({ billId: b.id, amountFen: take });
    left -= take;
  }
  return lines;
}

/** What a bill's status is after a payment or refund moved its paid amount (reversed stays reversed). */
export function billStatusFor(amountFen: number, paidFen: number): 'unpaid' | 'partly_paid' | 'paid' {
  if (!Number.isSafeInteger(amountFen) || !Number.isSafeInteger(paidFen) || paidFen < 0 || paidFen > amountFen)
    throw new RangeError(`billStatusFor: paid ${paidFen} of ${amountFen}`);
  if (paidFen === 0) return amountFen === 0 ? 'paid' : 'unpaid';
  return paidFen === amountFen ? 'paid' : 'partly_paid';
}
