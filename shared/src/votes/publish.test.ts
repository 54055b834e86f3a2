import type { VoteStatus } from './enums';
import { publishByBuilding, publishResult, type BuildingTally, type VoteResult } from './publish';

/** A building with n ballots, each 100 m² agreeing, out of 20 homes. */
const b = (id: number, ballots: number): BuildingTally => ({
  buildingId: id,
  buildingName: `${id}号楼`,
  parts: 20,
  ballots,
  totalArea: 200000,
  participatedArea: ballots * 10000,
  agreeArea: ballots * 10000,
  disagreeArea: 0,
  abstainArea: 0,
});
const ids = (r: ReturnType<typeof publishByBuilding>) => r.byBuilding.map((x) => x.buildingId);

describe('publishByBuilding — DOMAIN.md §1 (per building, never per owner) and §7', () => {
  test.each<[string, BuildingTally[], number, number[], { buildings: number; ballots: number; shown: boolean } | null]>([
    ['issue 9: one ballot in the only building is not published', [b(1, 1)], 5, [], { buildings: 1, ballots: 1, shown: false }],
    ['a building at exactly the bar is published', [b(1, 5)], 5, [1], null],
    ['a building one below the bar is not', [b(1, 4)], 5, [], { buildings: 1, ballots: 4, shown: false }],
    ['buildings without ballots reveal nothing and stay', [b(1, 0), b(2, 6)], 5, [1, 2], null],
    [
      'one hidden building with 1 ballot: the smallest published one joins it, so the total cannot give it away',
      [b(1, 1), b(2, 6), b(3, 9)],
      5,
      [3],
      { buildings: 2, ballots: 7, shown: true },
    ],
    ['hidden buildings that together reach the bar are shown merged', [b(1, 3), b(2, 2), b(3, 8)], 5, [3], { buildings: 2, ballots: 5, shown: true }],
    ['everything below the bar together: nothing shown', [b(1, 1), b(2, 2)], 5, [], { buildings: 2, ballots: 3, shown: false }],
    ['a bar of 1 hides nothing', [b(1, 1), b(2, 0)], 1, [1, 2], null],
  ])('%s', (_name, buildings, min, published, withheld) => {
    const r = publishByBuilding(buildings, min);
    expect(ids(r)).toEqual(published);
    if (withheld === null) expect(r.withheld).toBeNull();
    else {
      expect(r.withheld).toMatchObject({ buildings: withheld.buildings, ballots: withheld.ballots });
      expect(r.withheld!.figures === null).toBe(!withheld.shown);
    }
  });

  test('the published rows and the merged row add up to the whole', () => {
    const all = [b(1, 1), b(2, 6), b(3, 9), b(4, 0)];
    const r = publishByBuilding(all, 5);
    const shown = r.byBuilding.reduce((s, x) => s + x.agreeArea, 0) + (r.withheld?.figures?.agreeArea ?? 0);
    expect(shown).toBe(all.reduce((s, x) => s + x.agreeArea, 0));
  });

  test.each([0, -1, 2.5, Number.NaN])('a bar of %p throws', (min) => {
    expect(() => publishByBuilding([b(1, 1)], min)).toThrow(/无效/);
  });
});

/** A whole result over the given buildings (figures beyond the buildings' do not matter to publishing). */
const result = (status: VoteStatus, buildings: BuildingTally[]): VoteResult => ({
  voteId: 7,
  status,
  matter: 'other',
  special: false,
  totalArea: buildings.reduce((s, x) => s + x.totalArea, 0),
  totalOwners: buildings.reduce((s, x) => s + x.parts, 0),
  participatedArea: buildings.reduce((s, x) => s + x.participatedArea, 0),
  participatedOwners: buildings.reduce((s, x) => s + x.ballots, 0),
  agreeArea: buildings.reduce((s, x) => s + x.agreeArea, 0),
  agreeOwners: buildings.reduce((s, x) => s + x.ballots, 0),
  disagreeArea: 0,
  disagreeOwners: 0,
  abstainArea: 0,
  abstainOwners: 0,
  deemedArea: 0,
  deemedOwners: 0,
  deemedChoice: null,
  quorumMet: false,
  approved: false,
  explanation: '表决进行中',
  byBuilding: buildings,
});

describe('publishResult — what a viewer of a vote is shown (DOMAIN.md §1, §7 PIPL)', () => {
  test.each<[string, VoteStatus, boolean, BuildingTally[], boolean]>([
    ['a resident, an open vote below the bar: withheld', 'open', true, [b(1, 4)], true],
    ['a resident, an open vote at the bar: shown', 'open', true, [b(1, 3), b(2, 2)], false],
    ['staff, an open vote below the bar: shown (buildings still merged)', 'open', false, [b(1, 1)], false],
    ['a resident, a closed vote below the bar: the decision is published', 'closed', true, [b(1, 1)], false],
  ])('%s', (_name, status, resident, buildings, withheld) => {
    const r = publishResult(result(status, buildings), { minBallots: 5, resident });
    expect(r.withheld).toBe(withheld);
    if (r.withheld) {
      expect(r).toEqual({
        voteId: 7,
        status,
        withheld: true,
        ballotCount: 4,
        minBallots: 5,
        totalArea: 200000,
        totalOwners: 20,
        explanation: '已投 4 票，不足 5 票，表决进行中暂不公布统计结果（保护业主个人信息）。',
      });
    } else {
      expect(r.minBallots).toBe(5);
      expect(r.byBuilding.length + (r.withheldBuildings?.buildings ?? 0)).toBe(buildings.length);
    }
  });

  test('a shown result keeps every figure of the tally and merges the buildings below the bar', () => {
    const r = publishResult(result('open', [b(1, 1), b(2, 6), b(3, 9)]), { minBallots: 5, resident: true });
    expect(r).toMatchObject({ withheld: false, participatedOwners: 16, withheldBuildings: { buildings: 2, ballots: 7 } });
  });

  test('a bar that is not a positive integer throws', () => {
    expect(() => publishResult(result('open', [b(1, 6)]), { minBallots: 0, resident: false })).toThrow(/无效/);
  });
});
