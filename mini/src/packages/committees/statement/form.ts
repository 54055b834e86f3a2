import { formatYuan, parseYuan, statementTotals, type Statement } from '../../../services/disclosures';

export interface LineDraft {
  label: string;
  amount: string;
}

export interface StatementDraft {
  title: string;
  periodStart: string;
  periodEnd: string;
  opening: string;
  closing: string;
  income: LineDraft[];
  expense: LineDraft[];
}

const blank = (l: LineDraft) => !l.label.trim() && !l.amount.trim();

/** Lines left wholly empty (the form starts with one of each) are not part of the statement. */
export function withoutBlankLines(d: StatementDraft): StatementDraft {
  return { ...d, income: d.income.filter((l) => !blank(l)), expense: d.expense.filter((l) => !blank(l)) };
}

/** Lines as fen; a blank or malformed amount counts as 0 for the running figures. */
export function toStatement(d: StatementDraft): Statement {
  const lines = (ls: LineDraft[]) => ls.map((l) => ({ label: l.label.trim(), amountFen: parseYuan(l.amount) ?? 0 }));
  return { openingFen: parseYuan(d.opening) ?? 0, incomeLines: lines(d.income), expenseLines: lines(d.expense), closingFen: parseYuan(d.closing) ?? 0 };
}

/** Field → Chinese message; empty when the statement can be submitted (it must balance to the fen). */
export function validateStatement(d: StatementDraft): Record<string, string> {
  const e: Record<string, string> = {};
  // Line errors are keyed by the line's place in the form, so blank lines are skipped, not removed.
  if (!d.title.trim()) e.title = '请填写标题';
  else if (d.title.trim().length > 100) e.title = '标题不能超过100字';
  if (!d.periodStart || !d.periodEnd) e.period = '请选择公开期间';
  else if (d.periodEnd < d.periodStart) e.period = '期间结束不能早于开始';
  if (!d.opening.trim()) e.opening = '请填写期初余额';
  else if (parseYuan(d.opening) === null) e.opening = '金额应为数字，最多两位小数';
  if (!d.closing.trim()) e.closing = '请填写期末余额';
  else if (parseYuan(d.closing) === null) e.closing = '金额应为数字，最多两位小数';
  const checkLines = (ls: LineDraft[], key: string) =>
    ls.forEach((l, i) => {
      if (blank(l)) return;
      if (!l.label.trim()) e[`${key}:${i}`] = '请填写项目名称';
      else if (l.label.trim().length > 60) e[`${key}:${i}`] = '项目名称不能超过60字';
      else if (!l.amount.trim()) e[`${key}:${i}`] = '请填写金额';
      else if (parseYuan(l.amount) === null) e[`${key}:${i}`] = '金额应为数字，最多两位小数';
    });
  checkLines(d.income, 'income');
  checkLines(d.expense, 'expense');
  if (d.income.filter((l) => !blank(l)).length + d.expense.filter((l) => !blank(l)).length === 0) e.lines = '请至少填写一项收入或支出';
  if (!e.opening && !e.closing && !Object.keys(e).some((k) => k.includes(':'))) {
    const { difference } = statementTotals(toStatement(d));
    if (difference !== 0) e.closing = `收支不平衡：差额 ${formatYuan(difference)} 元`;
  }
  return e;
}

/** The quarter before `today` ("2026-11-26" → 2026-07-01 … 2026-09-30). */
export function previousQuarter(today: Date): { start: string; end: string; label: string } {
  let y = today.getFullYear();
  let q = Math.floor(today.getMonth() / 3) - 1;
  if (q < 0) {
    q = 3;
    y -= 1;
  }
  const startMonth = q * 3 + 1;
  const endMonth = startMonth + 2;
  const lastDay = new Date(y, endMonth, 0).getDate();
  const p = (n: number) => String(n).padStart(2, '0');
  return { start: `${y}-${p(startMonth)}-01`, end: `${y}-${p(endMonth)}-${p(lastDay)}`, label: `${y}年第${q + 1}季度` };
}

/** The server's field keys (statement.closingFen, statement.incomeLines.0.amountFen, …) as this form's. */
export function formErrors(fields: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, message] of Object.entries(fields)) {
    const line = /(income|expense)Lines\.(\d+)/.exec(key);
    if (line) out[`${line[1]}:${line[2]}`] = message;
    else if (key.includes('closingFen')) out.closing = message;
    else if (key.includes('openingFen')) out.opening = message;
    else if (key.startsWith('period')) out.period = message;
    else out[key] = message;
  }
  return out;
}
