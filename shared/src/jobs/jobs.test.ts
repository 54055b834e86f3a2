import { jobResultText } from './index';

// Issue 15: the jobs console reads a result in words, not as JSON.
test.each([
  [{ moved: 3, confirmed: 1 }, '超时升级 3，自动确认 1'],
  [{ reported: 0 }, '上报 0'],
  [null, '—'],
  [{ nested: { a: 1 } }, '完成'],
  ['done', 'done'],
])('%p reads %p', (result, text) => {
  expect(jobResultText(result)).toBe(text);
});
