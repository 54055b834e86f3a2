import { canonicalJson } from './canonical';

describe('canonicalJson (the audit chain hashes this form; docs/SECURITY.md "Audit chain")', () => {
  test.each([
    [{ b: 1, a: 2 }, '{"a":2,"b":1}'],
    [{ a: 2, b: 1 }, '{"a":2,"b":1}'],
    // jsonb's own order puts shorter keys first: the canonical form does not depend on it
    [{ zz: 1, a: { y: [3, { d: 1, c: null }], x: '张三' } }, '{"a":{"x":"张三","y":[3,{"c":null,"d":1}]},"zz":1}'],
    [{ a: undefined, b: [undefined] }, '{"b":[null]}'],
    ['引号"与\\', '"引号\\"与\\\\"'],
    [null, 'null'],
    [12.5, '12.5'],
  ])('%j → %s', (value, expected) => {
    expect(canonicalJson(value)).toBe(expected);
  });

  test.each([[Number.NaN], [Infinity], [BigInt(1)], [() => 1]])('%p is refused', (value) => {
    expect(() => canonicalJson(value)).toThrow(TypeError);
  });
});
