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

/**
 * What a statement form and a published statement show (fen in, fen out): Σ income, Σ expense,
 * opening + Σ income − Σ expense (`computed`), the balance after each line, and `difference` =
 * computed − stated closing (0 when it balances, DOMAIN.md §2–3). Summed exactly in BigInt; the
 * figures come back as numbers for display (limits.ts keeps real amounts far below 2^53).
 */
export function statementTotals(s: Statement): {
  income: number;
  expense: number;
  computed: number;
  incomeBalances: number[];
  expenseBalances: number[];
  difference: number;
} {
  const fen = (v: unknown) => BigInt(Number.isSafeInteger(v) ? (v as number) : 0);
  let balance = fen(s.openingFen);
  const incomeBalances = (s.incomeLines ?? []).map((l) => Number((balance += fen(l.amountFen))));
  const expenseBalances = (s.expenseLines ?? []).map((l) => Number((balance -= fen(l.amountFen))));
  const income = (s.incomeLines ?? []).reduce((t, l) => t + fen(l.amountFen), BigInt(0));
  const expense = (s.expenseLines ?? []).reduce((t, l) => t + fen(l.amountFen), BigInt(0));
  return {
    income: Number(income),
    expense: Number(expense),
    computed: Number(balance),
    incomeBalances,
    expenseBalances,
    difference: Number(balance - fen(s.closingFen)),
  };
}
