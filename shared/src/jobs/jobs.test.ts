import { jobResultText } from './index';

// Issue 15: the jobs console reads a result in words, not as JSON.
test.each([
  [{ moved: 3, confirmed: 1 }, '超时升级 3，自动确认 1'],
  [{ reported: 0 }, '上报 0'],
  [null, '—'],
  [{ nested: { a: 1 } }, '完成'],
  ['done', 'done'],
  // what the credit evaluation, a billing run, the pay query and the filings sweep return (each once read "year 2023，companies 15")
  [{ year: 2023, companies: 15 }, '年度 2023，已评价企业 15'],
  [{ billsCreated: 120, billedFen: 123450 }, '生成账单 120，账单金额（元） 1,234.50'],
  [{ queried: 2, posted: 1, closed: 1, failed: 0 }, '查询订单 2，入账 1，结束 1，失败 0'],
  [{ missing: 3, complete: 5 }, '备案缺失记录 3，备案齐全记录 5'],
])('%p reads %p', (result, text) => {
  expect(jobResultText(result)).toBe(text);
});
