import { mergeRefusal } from './merge';

const c = (id: number, regionCode: string, retiredAt: string | null = null) => ({ id, regionCode, retiredAt });
const none = { fundApplications: 0, votes: 0 };

describe('mergeRefusal — DOMAIN.md §4 management areas: a single building merged into a neighbour', () => {
  test.each<[string, ReturnType<typeof c>, ReturnType<typeof c>, typeof none, string | null]>([
    ['same district, different streets: allowed', c(1, '150203001001'), c(2, '150203002001'), none, null],
    ['into itself', c(1, '150203001001'), c(1, '150203001001'), none, 'MERGE_INTO_ITSELF'],
    ['across districts', c(1, '150203001001'), c(2, '150204001001'), none, 'MERGE_ACROSS_DISTRICTS'],
    ['into a retired compound', c(1, '150203001001'), c(2, '150203001001', '2026-01-01'), none, 'COMPOUND_RETIRED'],
    ['a retired compound again', c(1, '150203001001', '2026-01-01'), c(2, '150203001001'), none, 'COMPOUND_RETIRED'],
    ['open fund applications', c(1, '150203001001'), c(2, '150203001001'), { fundApplications: 1, votes: 0 }, 'OPEN_FUND_APPLICATIONS'],
    ['open votes', c(1, '150203001001'), c(2, '150203001001'), { fundApplications: 0, votes: 2 }, 'OPEN_VOTES'],
  ])('%s', (_n, source, target, open, code) => {
    expect(mergeRefusal(source, target, open)?.code ?? null).toBe(code);
  });
});
