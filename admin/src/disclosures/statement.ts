// A published statement: opening + Σincome − Σexpense must equal closing, to the fen (issue 3).
export type StatementLine = { label: string; amountFen: number };
export type Statement = { openingFen: number; incomeLines: StatementLine[]; expenseLines: StatementLine[]; closingFen: number };

const sum = (lines: StatementLine[] = []) => lines.reduce((s, l) => s + (Number(l.amountFen) || 0), 0);

export const statementTotals = (s: Statement) => {
  const income = sum(s.incomeLines);
  const expense = sum(s.expenseLines);
  const computed = (Number(s.openingFen) || 0) + income - expense;
  return { income, expense, computed, difference: computed - (Number(s.closingFen) || 0) };
};

/** Integer fen as yuan ("1,234.05"), without floats. */
export const formatYuan = (fen: number | null | undefined): string => {
  if (fen === null || fen === undefined) return '—';
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}${Math.floor(abs / 100).toLocaleString('zh-CN')}.${String(abs % 100).padStart(2, '0')}`;
};
