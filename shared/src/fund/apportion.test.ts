import { apportionFen } from './apportion';

const sum = (xs: { fen: number | bigint }[]) => xs.reduce((s, x) => s + BigInt(x.fen), 0n);

describe('apportionFen — DOMAIN.md §3 cost sharing and earnings, largest remainder', () => {
  test.each<[string, number, [string, number][], number[]]>([
    [
      'exact division',
      300,
      [
        ['a', 1],
        ['b', 1],
        ['c', 1],
      ],
      [100, 100, 100],
    ],
    [
      'one fen left goes to the largest remainder',
      100,
      [
        ['a', 1],
        ['b', 1],
        ['c', 1],
      ],
      [34, 33, 33],
    ],
    [
      'ties go to the earlier share in input order',
      2,
      [
        ['a', 1],
        ['b', 1],
        ['c', 1],
      ],
      [1, 1, 0],
    ],
    [
      'largest remainder beats input order',
      10,
      [
        ['a', 1],
        ['b', 2],
      ],
      [3, 7],
    ],
    [
      'by area in centi-m²',
      100000,
      [
        ['101', 8950],
        ['102', 12000],
        ['201', 6525],
      ],
      [32575, 43676, 23749],
    ],
    ['a single household takes everything', 12345, [['only', 7]], [12345]],
    [
      'zero total',
      0,
      [
        ['a', 5],
        ['b', 9],
      ],
      [0, 0],
    ],
    [
      'a zero-weight share gets nothing',
      10,
      [
        ['a', 0],
        ['b', 3],
      ],
      [0, 10],
    ],
    [
      'many tiny shares of one fen',
      3,
      [
        ['a', 1],
        ['b', 1],
        ['c', 1],
        ['d', 1],
        ['e', 1],
      ],
      [1, 1, 1, 0, 0],
    ],
  ])('%s', (_name, total, shares, expected) => {
    const out = apportionFen(
      total,
      shares.map(([id, weight]) => ({ id, weight })),
    );
    expect(out.map((s) => s.fen)).toEqual(expected);
    expect(out.map((s) => s.id)).toEqual(shares.map(([id]) => id));
    expect(sum(out)).toBe(BigInt(total));
  });

  test('totals beyond 2^53 fen are exact as BigInt', () => {
    const total = 2n ** 60n + 7n;
    const out = apportionFen(total, [
      { id: 1, weight: 3 },
      { id: 2, weight: 5 },
      { id: 3, weight: 11 },
    ]);
    expect(sum(out)).toBe(total);
    expect(typeof out[0].fen).toBe('bigint');
  });

  test('an unsafe number total is refused clearly', () => {
    expect(() => apportionFen(2 ** 53 + 2, [{ id: 1, weight: 1 }])).toThrow(/BigInt/);
  });

  test.each<[string, number, { id: string; weight: number }[]]>([
    ['a negative total', -1, [{ id: 'a', weight: 1 }]],
    ['an empty list', 100, []],
    [
      'a zero total weight',
      100,
      [
        { id: 'a', weight: 0 },
        { id: 'b', weight: 0 },
      ],
    ],
    [
      'a negative weight',
      100,
      [
        { id: 'a', weight: -1 },
        { id: 'b', weight: 2 },
      ],
    ],
    ['a fractional weight', 100, [{ id: 'a', weight: 1.5 }]],
    ['a fractional total', 10.5, [{ id: 'a', weight: 1 }]],
  ])('throws on %s', (_name, total, shares) => {
    expect(() => apportionFen(total, shares)).toThrow(RangeError);
  });

  test('2,000 households by area: exact and each within one fen of proportional', () => {
    const shares = Array.from({ length: 2000 }, (_, i) => ({ id: i, weight: 4500 + ((i * 7919) % 13500) }));
    const total = 98765432;
    const out = apportionFen(total, shares);
    expect(sum(out)).toBe(BigInt(total));
    const W = shares.reduce((s, x) => s + x.weight, 0);
    out.forEach((s, i) => {
      const exact = (total * shares[i].weight) / W;
      expect(Math.abs(s.fen - exact)).toBeLessThan(1);
    });
  });
});
