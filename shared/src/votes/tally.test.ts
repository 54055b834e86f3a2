import { percentText, tallyVote, type TallyBallot, type TallyPart } from './tally';
import type { VoteMatter } from './enums';

/** n parts of equal area, each its own owner. */
const own = (n: number, area = 10000): TallyPart[] => Array.from({ length: n }, (_, i) => ({ id: i + 1, areaCenti: area, ownerId: 100 + i }));
const votes = (choices: Record<number, TallyBallot['choice']>): TallyBallot[] =>
  Object.entries(choices).map(([partId, choice]) => ({ partId: Number(partId), choice }));

type Case = [string, VoteMatter, TallyPart[], TallyBallot[], boolean | undefined, Partial<ReturnType<typeof tallyVote>>];

const cases: Case[] = [
  [
    '§1 quorum: exactly 2/3 of area and of owners is enough',
    'other',
    own(3),
    votes({ 1: 'agree', 2: 'agree' }),
    false,
    { participatedArea: 20000, participatedOwners: 2, quorumMet: true, approved: true },
  ],
  [
    '§1 quorum: area one centi-m² short of 2/3 fails though heads are 2/3',
    'other',
    [
      { id: 1, areaCenti: 100, ownerId: 1 },
      { id: 2, areaCenti: 100, ownerId: 2 },
      { id: 3, areaCenti: 101, ownerId: 3 },
    ],
    votes({ 1: 'agree', 2: 'agree' }),
    false,
    { quorumMet: false, approved: false },
  ],
  [
    '§1 quorum: area above 2/3 but only 1 of 3 owners fails',
    'other',
    [
      { id: 1, areaCenti: 100000, ownerId: 1 },
      { id: 2, areaCenti: 100, ownerId: 2 },
      { id: 3, areaCenti: 100, ownerId: 3 },
    ],
    votes({ 1: 'agree' }),
    false,
    { quorumMet: false, approved: false },
  ],
  [
    '§1 ordinary: exactly half agreeing is not "more than half"',
    'hire_dismiss_company',
    own(4),
    votes({ 1: 'agree', 2: 'agree', 3: 'disagree', 4: 'disagree' }),
    false,
    { quorumMet: true, agreeArea: 20000, agreeOwners: 2, approved: false },
  ],
  [
    '§1 ordinary: more than half of area but exactly half of heads fails',
    'fund_use',
    [
      { id: 1, areaCenti: 20000, ownerId: 1 },
      { id: 2, areaCenti: 10000, ownerId: 2 },
    ],
    votes({ 1: 'agree', 2: 'disagree' }),
    false,
    { quorumMet: true, approved: false },
  ],
  [
    '§1 ordinary: more than half by both passes',
    'fund_use',
    own(3),
    votes({ 1: 'agree', 2: 'agree', 3: 'disagree' }),
    false,
    { approved: true, special: false },
  ],
  [
    '§1 abstentions count toward participation, not toward agreement',
    'covenant',
    own(3),
    votes({ 1: 'agree', 2: 'abstain', 3: 'abstain' }),
    false,
    { quorumMet: true, participatedOwners: 3, abstainOwners: 2, approved: false },
  ],
  [
    '§1 special: exactly 3/4 of area and owners passes',
    'rebuild',
    own(4),
    votes({ 1: 'agree', 2: 'agree', 3: 'agree', 4: 'disagree' }),
    false,
    { special: true, approved: true },
  ],
  [
    '§1 special: one centi-m² short of 3/4 fails',
    'fund_raising',
    [
      { id: 1, areaCenti: 100, ownerId: 1 },
      { id: 2, areaCenti: 100, ownerId: 2 },
      { id: 3, areaCenti: 100, ownerId: 3 },
      { id: 4, areaCenti: 101, ownerId: 4 },
    ],
    votes({ 1: 'agree', 2: 'agree', 3: 'agree', 4: 'disagree' }),
    false,
    { special: true, approved: false },
  ],
  [
    '§1 special: 2 of 3 participants (over half, under 3/4) fails',
    'common_use_change',
    own(3),
    votes({ 1: 'agree', 2: 'agree', 3: 'disagree' }),
    false,
    { special: true, quorumMet: true, approved: false },
  ],
  [
    "§1 heads: one buyer's several parts are one owner",
    'other',
    [
      { id: 1, areaCenti: 10000, ownerId: 7 },
      { id: 2, areaCenti: 10000, ownerId: 7 },
      { id: 3, areaCenti: 10000, ownerId: 7 },
      { id: 4, areaCenti: 10000, ownerId: 8 },
      { id: 5, areaCenti: 10000, ownerId: 9 },
    ],
    votes({ 1: 'agree', 2: 'agree', 3: 'agree', 4: 'agree' }),
    false,
    { totalOwners: 3, participatedOwners: 2, participatedArea: 40000, quorumMet: true, approved: true },
  ],
  [
    "§1 heads: all the developer's unsold parts are one owner",
    'other',
    [
      { id: 1, areaCenti: 10000, ownerId: null, developerUnsold: true },
      { id: 2, areaCenti: 10000, ownerId: null, developerUnsold: true },
      { id: 3, areaCenti: 10000, ownerId: null, developerUnsold: true },
      { id: 4, areaCenti: 10000, ownerId: 1 },
      { id: 5, areaCenti: 10000, ownerId: 2 },
    ],
    votes({ 1: 'disagree', 2: 'disagree', 4: 'agree', 5: 'agree' }),
    false,
    { totalOwners: 3, participatedOwners: 3, agreeOwners: 2, disagreeOwners: 1, agreeArea: 20000, disagreeArea: 20000, approved: false },
  ],
  [
    '§1 heads (SPC Art. 9): unsold homes and a home registered to the developer are one owner together — issue 9 example',
    'hire_dismiss_company',
    [
      { id: 1, areaCenti: 10000, ownerId: null, developerUnsold: true },
      { id: 2, areaCenti: 10000, ownerId: null, developerUnsold: true },
      { id: 3, areaCenti: 10000, ownerId: 900, developerOwner: true },
      { id: 4, areaCenti: 10000, ownerId: 1 },
      { id: 5, areaCenti: 10000, ownerId: 2 },
      { id: 6, areaCenti: 10000, ownerId: 3 },
    ],
    votes({ 1: 'agree', 2: 'agree', 3: 'agree', 4: 'agree', 5: 'disagree', 6: 'disagree' }),
    false,
    { totalOwners: 4, participatedOwners: 4, agreeOwners: 2, disagreeOwners: 2, agreeArea: 40000, quorumMet: true, approved: false },
  ],
  [
    '§1 heads (SPC Art. 9): a shop registered to the developer joins its unsold flats, not a further head',
    'other',
    [
      { id: 1, areaCenti: 30000, ownerId: 900, developerOwner: true },
      { id: 2, areaCenti: 10000, ownerId: null, developerUnsold: true },
      { id: 3, areaCenti: 10000, ownerId: 1 },
    ],
    votes({ 1: 'agree', 3: 'disagree' }),
    false,
    { totalOwners: 2, participatedOwners: 2, agreeOwners: 1, disagreeOwners: 1, approved: false },
  ],
  [
    "§1 heads (SPC Art. 9): the developer's parts with no unsold flag still count once",
    'other',
    [
      { id: 1, areaCenti: 10000, ownerId: 900, developerOwner: true },
      { id: 2, areaCenti: 10000, ownerId: 901, developerOwner: true },
      { id: 3, areaCenti: 10000, ownerId: 1 },
      { id: 4, areaCenti: 10000, ownerId: 2 },
    ],
    votes({ 1: 'agree', 2: 'agree', 3: 'agree', 4: 'disagree' }),
    false,
    { totalOwners: 3, agreeOwners: 2, disagreeOwners: 1, approved: true },
  ],
  [
    '§1 heads: an unregistered part in lawful occupation is its own owner',
    'other',
    [
      { id: 1, areaCenti: 10000, ownerId: null },
      { id: 2, areaCenti: 10000, ownerId: null },
    ],
    votes({ 1: 'agree', 2: 'agree' }),
    false,
    { totalOwners: 2, approved: true },
  ],
  [
    '§1 heads: an owner split between choices goes with most of their voted area',
    'other',
    [
      { id: 1, areaCenti: 20000, ownerId: 1 },
      { id: 2, areaCenti: 10000, ownerId: 1 },
      { id: 3, areaCenti: 10000, ownerId: 2 },
    ],
    votes({ 1: 'agree', 2: 'disagree', 3: 'agree' }),
    false,
    { agreeOwners: 2, disagreeOwners: 0, agreeArea: 30000, approved: true },
  ],
  [
    '§1 heads: an even split never counts as consent',
    'other',
    [
      { id: 1, areaCenti: 10000, ownerId: 1 },
      { id: 2, areaCenti: 10000, ownerId: 1 },
    ],
    votes({ 1: 'agree', 2: 'disagree' }),
    false,
    { agreeOwners: 0, disagreeOwners: 1, approved: false },
  ],
  [
    '§1 follow-majority off: non-voters count for nothing',
    'other',
    own(3),
    votes({ 1: 'agree', 2: 'agree' }),
    false,
    { deemedArea: 0, deemedOwners: 0, deemedChoice: null, agreeArea: 20000 },
  ],
  [
    '§1 follow-majority on: non-voters join the majority, but never the quorum',
    'other',
    own(3),
    votes({ 1: 'agree', 2: 'agree' }),
    true,
    { participatedOwners: 2, deemedOwners: 1, deemedArea: 10000, deemedChoice: 'agree', agreeOwners: 3, agreeArea: 30000, approved: true },
  ],
  [
    '§1 follow-majority on: no deemed votes when the quorum fails',
    'other',
    own(3),
    votes({ 1: 'agree' }),
    true,
    { quorumMet: false, deemedOwners: 0, approved: false },
  ],
  [
    '§1 follow-majority on: a special matter carried by the deemed majority',
    'rebuild',
    own(4),
    votes({ 1: 'agree', 2: 'agree', 3: 'disagree' }),
    true,
    { quorumMet: true, deemedChoice: 'agree', agreeOwners: 3, agreeArea: 30000, approved: true },
  ],
  [
    '§1 follow-majority on: non-voters join a disagreeing majority',
    'other',
    own(3),
    votes({ 1: 'disagree', 2: 'disagree' }),
    true,
    { deemedChoice: 'disagree', disagreeOwners: 3, approved: false },
  ],
  [
    '§1 scope: totals are those of the parts in scope only',
    'fund_use',
    own(2, 9000),
    votes({ 1: 'agree', 2: 'agree' }),
    false,
    { totalArea: 18000, totalOwners: 2, approved: true },
  ],
];

describe('tallyVote — DOMAIN.md §1 (Civil Code Art. 278; SPC interpretation Arts. 8–9)', () => {
  test.each(cases)('%s', (_name, matter, parts, ballots, followMajority, expected) => {
    expect(tallyVote({ matter, parts, ballots, followMajority })).toMatchObject(expected);
  });

  test('§1: a matter outside the enum throws, never falls back to the ordinary threshold', () => {
    expect(() => tallyVote({ matter: 'nonsense' as VoteMatter, parts: own(3), ballots: votes({ 1: 'agree', 2: 'agree' }) })).toThrow(/不在可选范围内/);
    expect(() => tallyVote({ matter: '' as VoteMatter, parts: own(1), ballots: [] })).toThrow(/不在可选范围内/);
  });

  test('§1: a ballot choice outside the enum throws', () => {
    expect(() => tallyVote({ matter: 'other', parts: own(3), ballots: [{ partId: 1, choice: 'yes' as TallyBallot['choice'] }] })).toThrow(/不在可选范围内/);
  });

  test('a ballot for a part outside the scope is refused', () => {
    expect(() => tallyVote({ matter: 'fund_use', parts: own(2), ballots: votes({ 3: 'agree' }) })).toThrow(/不在表决范围内/);
  });

  test('the explanation gives both ratios, the threshold and the outcome in Chinese', () => {
    const r = tallyVote({ matter: 'rebuild', parts: own(4), ballots: votes({ 1: 'agree', 2: 'agree', 3: 'agree', 4: 'disagree' }) });
    expect(r.explanation).toContain('面积占比 100.00%');
    expect(r.explanation).toContain('不少于3/4');
    expect(r.explanation).toContain('表决通过');
  });

  test('an empty ballot box on an empty scope neither divides by zero nor passes', () => {
    expect(tallyVote({ matter: 'other', parts: [], ballots: [] })).toMatchObject({ quorumMet: false, approved: false, totalOwners: 0 });
  });

  test('a 3,000-part compound tallies exactly in integers', () => {
    const parts = own(3000, 8999);
    const ballots = parts.slice(0, 2000).map((p, i) => ({ partId: p.id, choice: (i % 3 === 0 ? 'disagree' : 'agree') as TallyBallot['choice'] }));
    const r = tallyVote({ matter: 'fund_use', parts, ballots });
    expect(r).toMatchObject({ totalArea: 26997000, participatedArea: 17998000, participatedOwners: 2000, quorumMet: true, agreeOwners: 1333, approved: true });
  });
});

describe('percentText', () => {
  test.each([
    [2, 3, '66.67%'],
    [1, 3, '33.33%'],
    [1, 8, '12.50%'],
    [0, 5, '0.00%'],
    [5, 0, '0.00%'],
    [1, 1, '100.00%'],
  ])('%i/%i → %s', (x, t, s) => expect(percentText(x, t)).toBe(s));
});
