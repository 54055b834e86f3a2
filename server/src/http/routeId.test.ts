import { routeId } from './routeId';

// A path segment is a row id only as plain decimal digits within PostgreSQL's integer (http/routeId.ts).
describe('routeId', () => {
  test.each([
    ['1', 1],
    ['12', 12],
    ['0012', 12],
    ['2147483647', 2147483647],
  ])('%p → %p', (raw, id) => {
    expect(routeId(raw, '表决')).toBe(id);
  });
  test.each(['0', '-1', '0xb', '1e1', '12.0', ' 12', '12 ', '%2012', '+12', '2147483648', '99999999999', 'abc', '', '１２'])('%p → 404 NOT_FOUND', (raw) => {
    expect(() => routeId(raw, '表决')).toThrow(expect.objectContaining({ status: 404, code: 'NOT_FOUND', message: '表决不存在' }));
  });
});
