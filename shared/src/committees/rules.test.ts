import { addDays, addMonths, committeeAlerts, formationRate, isValidCommitteeSize, previousQuarterStart, type CommitteeFacts } from './rules';

describe('DOMAIN.md §2 committee size: 5–11 members, odd', () => {
  test.each([
    [3, false],
    [4, false],
    [5, true],
    [6, false],
    [7, true],
    [9, true],
    [11, true],
    [12, false],
    [13, false],
  ])('%i members → %s', (n, ok) => expect(isValidCommitteeSize(n)).toBe(ok));
});

describe('calendar helpers', () => {
  test.each([
    ['2024-01-31', 1, '2024-02-29'],
    ['2024-05-15', -3, '2024-02-15'],
    ['2023-11-30', 3, '2024-02-29'],
    ['2024-01-15', -1, '2023-12-15'],
  ])('%s + %i months = %s', (d, m, r) => expect(addMonths(d, m)).toBe(r));
  test.each([
    ['2024-02-28', 1, '2024-02-29'],
    ['2024-12-31', 1, '2025-01-01'],
    ['2024-03-01', -30, '2024-01-31'],
  ])('%s + %i days = %s', (d, n, r) => expect(addDays(d, n)).toBe(r));
  test.each([
    ['2024-05-20', '2024-01-01'],
    ['2024-01-01', '2023-10-01'],
    ['2024-12-31', '2024-07-01'],
  ])('previous quarter of %s starts %s', (d, r) => expect(previousQuarterStart(d)).toBe(r));
});

const base: CommitteeFacts = {
  kind: 'owners_committee',
  status: 'in_office',
  electedAt: '2024-01-10',
  termEnd: '2029-01-09',
  filedAt: '2024-01-20',
  memberCount: 7,
  lastStatementAt: '2024-04-05',
};

describe('DOMAIN.md §2 alerts', () => {
  test.each<[string, Partial<CommitteeFacts>, string, string[]]>([
    ['nothing due', {}, '2024-05-20', []],
    ['re-election exactly 3 months before the term ends', { termEnd: '2024-08-20' }, '2024-05-20', ['TERM_ENDING']],
    ['one day before the re-election window', { termEnd: '2024-08-21' }, '2024-05-20', []],
    ['filing on day 30 is on time', { filedAt: null, electedAt: '2024-04-20' }, '2024-05-20', []],
    ['not filed on day 31', { filedAt: null, electedAt: '2024-04-19' }, '2024-05-20', ['NOT_FILED']],
    ['no statement since before last quarter', { lastStatementAt: '2023-12-31' }, '2024-05-20', ['NO_DISCLOSURE']],
    ['never published a statement', { lastStatementAt: null }, '2024-05-20', ['NO_DISCLOSURE']],
    ['an even number of members', { memberCount: 6 }, '2024-05-20', ['BAD_SIZE']],
    ['a property-management committee is not held to 5–11', { kind: 'management_committee', memberCount: 4 }, '2024-05-20', []],
    ['a preparatory group has no alerts', { kind: 'preparatory', status: 'preparing', lastStatementAt: null }, '2024-05-20', []],
  ])('%s', (_name, facts, today, alerts) => expect(committeeAlerts({ ...base, ...facts }, today)).toEqual(alerts));
});

describe('committee alerts refuse values outside their enums (DOMAIN.md §2)', () => {
  const base: CommitteeFacts = {
    kind: 'owners_committee',
    status: 'in_office',
    electedAt: '2024-01-01',
    termEnd: '2029-01-01',
    filedAt: '2024-01-10',
    memberCount: 5,
    lastStatementAt: '2024-04-01',
  };
  test.each([[{ kind: 'street_committee' }], [{ status: 'dissolved' }], [{ status: '' }]])('%j throws', (facts) =>
    expect(() => committeeAlerts({ ...base, ...(facts as Partial<CommitteeFacts>) }, '2024-05-20')).toThrow(/不在可选范围内/),
  );
});

describe('committee formation rate against the yearly target (action plan 三)', () => {
  test.each([
    [60, 100, 60, 600, true],
    [59, 100, 60, 590, false],
    [2, 3, 60, 666, true],
    [7, 10, 70, 700, true],
    [0, 0, 80, 0, false],
  ])('%i of %i vs %i%% → %i‰, met %s', (w, r, t, permille, met) => expect(formationRate(w, r, t)).toEqual({ ratePermille: permille, met }));
});
