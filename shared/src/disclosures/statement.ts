/**
 * A fund or public-income statement balances to the fen: opening + Σ income − Σ expense = closing
 * (DOMAIN.md §2–3). Amounts are integer fen; sums are exact in BigInt whatever their size.
 */
export interface StatementLine {
  label: string;
  amountFen: number;
}
export interface Statement {
  openingFen: number;
  incomeLines: StatementLine[];
  expenseLines: StatementLine[];
  closingFen: number;
}

export function statementDifference(s: Statement): bigint {
  const income = s.incomeLines.reduce((sum, l) => sum + BigInt(l.amountFen), 0n);
  const expense = s.expenseLines.reduce((sum, l) => sum + BigInt(l.amountFen), 0n);
  return BigInt(s.openingFen) + income - expense - BigInt(s.closingFen);
}

/** "1234.56" from fen, exact. */
export function fenToYuan(fen: bigint | number): string {
  const v = BigInt(fen);
  const abs = v < 0n ? -v : v;
  return `${v < 0n ? '-' : ''}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
}
