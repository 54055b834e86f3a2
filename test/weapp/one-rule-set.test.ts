/**
 * Issue 15 "one set of rules": the mini-program and the console import their rules from
 * @baotou/shared; the mirrored copies are gone and do not come back. A rule written a second time
 * (a phone pattern, yuan parsing, statement totals, the ticket state table) fails this test.
 */
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sources(p));
    else if (/\.(ts|tsx)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) out.push(p);
  }
  return out;
}

const files = [...sources(path.join(ROOT, 'mini/src')), ...sources(path.join(ROOT, 'admin/src'))];
const offending = (pattern: RegExp) => files.filter((f) => pattern.test(fs.readFileSync(f, 'utf8'))).map((f) => path.relative(ROOT, f));

test('the mirrored rule files are gone', () => {
  for (const f of ['mini/src/packages/workorders/rules.ts']) expect(fs.existsSync(path.join(ROOT, f))).toBe(false);
});

test.each([
  ['a mobile-phone pattern (shared/src/places/phone.ts)', /1\[3-9\]|\\d\{11\}/],
  ['yuan parsing or formatting (shared/src/fund/money.ts)', /function\s+(parseYuan|formatYuan|formatSignedYuan)\b|const\s+(parseYuan|formatYuan)\s*=/],
  ['statement totals (shared/src/disclosures/statement.ts)', /function\s+statementTotals\b|const\s+statementTotals\s*=/],
  ['the ticket state table (shared/src/tickets/transitions.ts)', /from:\s*\[\s*'submitted'/],
])('no copy of %s in mini/src or admin/src', (_rule, pattern) => {
  expect(offending(pattern)).toEqual([]);
});

test('the mini-program imports those rules from @baotou/shared', () => {
  const text = (f: string) => fs.readFileSync(path.join(ROOT, f), 'utf8');
  expect(text('mini/src/packages/workorders/actions.ts')).toMatch(/@baotou\/shared\/src\/tickets\/transitions/);
  expect(text('mini/src/packages/places/bind/validate.ts')).toMatch(/@baotou\/shared\/src\/places\/schemas/);
  expect(text('mini/src/services/disclosures.ts')).toMatch(/@baotou\/shared\/src\/disclosures\/statement/);
  expect(text('mini/src/services/fund.ts')).toMatch(/@baotou\/shared\/src\/fund\/money/);
});
