import { tallyVote, type TallyPart } from './tally';
import { voteStanding } from './standing';
import type { VoteStatus } from './enums';

const own = (n: number): TallyPart[] => Array.from({ length: n }, (_, i) => ({ id: i + 1, areaCenti: 10000, ownerId: 100 + i }));
const tally = (choices: ('agree' | 'disagree')[], n = 3) =>
  tallyVote({ matter: 'other', parts: own(n), ballots: choices.map((choice, i) => ({ partId: i + 1, choice })) });

describe('voteStanding (DOMAIN.md §1; issue 16 §2: no verdict while a vote is open)', () => {
  const cases: [string, VoteStatus, ReturnType<typeof tally>, { verdict: string; includes: string[]; excludes: string[] }][] = [
    [
      'open, 1 of 3 voted: where it stands, not a verdict',
      'open',
      tally(['agree']),
      { verdict: '表决进行中', includes: ['目前参与', '33.33%', '尚未达到2/3的法定参与要求', '以截止时的统计为准'], excludes: ['未通过', '表决通过'] },
    ],
    [
      'open, quorum met, consent short',
      'open',
      tally(['agree', 'disagree', 'disagree']),
      { verdict: '表决进行中', includes: ['已达到2/3的法定参与要求', '尚未达到过半数'], excludes: ['未通过'] },
    ],
    [
      'open, quorum met, consent reached',
      'open',
      tally(['agree', 'agree']),
      { verdict: '表决进行中', includes: ['目前已达到过半数'], excludes: ['表决通过', '未通过'] },
    ],
    [
      'closed, quorum short: the verdict',
      'closed',
      tally(['agree']),
      { verdict: '未通过', includes: ['参与比例未达到要求，表决未通过'], excludes: ['目前参与'] },
    ],
    ['closed, passed', 'closed', tally(['agree', 'agree']), { verdict: '通过', includes: ['表决通过'], excludes: ['进行中'] }],
    ['draft', 'draft', tally([]), { verdict: '尚未开始', includes: ['尚未开始'], excludes: ['未通过'] }],
  ];
  it.each(cases)('%s', (_name, status, result, want) => {
    const s = voteStanding(status, result);
    expect(s.verdict).toBe(want.verdict);
    for (const text of want.includes) expect(s.explanation).toContain(text);
    for (const text of want.excludes) expect(`${s.verdict}${s.explanation}`).not.toContain(text);
  });

  it('throws on a status outside the enum', () => {
    expect(() => voteStanding('voting' as VoteStatus, tally([]))).toThrow('不在可选范围内');
  });
});
