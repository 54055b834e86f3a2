import type { VoteStatus } from './enums';
import type { TallyResult } from './tally';

/**
 * What of a vote's tally may be shown (DOMAIN.md §1 "publish tallies per building, not each owner's
 * choice"; §7 PIPL): a building's figures only once it holds at least `minBallots` ballots (setting
 * VOTE_BUILDING_RESULT_MIN_BALLOTS, default 5), since with one ballot a building's areas are that
 * home's area and choice. Buildings below the bar are merged into one "other buildings" row; when
 * that row would itself hold fewer than `minBallots` ballots, the published building with the fewest
 * ballots joins it, and so on — otherwise the total minus the published buildings would give the
 * hidden ones away. The merged row's figures are shown only when it reaches the bar.
 */
export interface BuildingTally {
  buildingId: number;
  buildingName: string;
  parts: number;
  ballots: number;
  /** Areas in centi-m². */
  totalArea: number;
  participatedArea: number;
  agreeArea: number;
  disagreeArea: number;
  abstainArea: number;
}

export interface WithheldBuildings {
  buildings: number;
  parts: number;
  ballots: number;
  /** The merged figures, or null while the merged row is below the bar. */
  figures: Pick<BuildingTally, 'totalArea' | 'participatedArea' | 'agreeArea' | 'disagreeArea' | 'abstainArea'> | null;
}

export interface PublishedBuildings {
  byBuilding: BuildingTally[];
  withheld: WithheldBuildings | null;
}

/** Throws when minBallots is not a positive integer. Buildings keep their given order. */
export function publishByBuilding(buildings: readonly BuildingTally[], minBallots: number): PublishedBuildings {
  if (!Number.isSafeInteger(minBallots) || minBallots < 1) throw new Error(`每栋公布结果的最少票数 ${minBallots} 无效`);
  // A building with no ballot reveals nothing; one below the bar is hidden.
  const hidden = new Set(buildings.filter((b) => b.ballots > 0 && b.ballots < minBallots).map((b) => b.buildingId));
  const hiddenBallots = () => buildings.filter((b) => hidden.has(b.buildingId)).reduce((s, b) => s + b.ballots, 0);
  while (hiddenBallots() > 0 && hiddenBallots() < minBallots) {
    const next = buildings.filter((b) => !hidden.has(b.buildingId) && b.ballots > 0).sort((a, b) => a.ballots - b.ballots || a.buildingId - b.buildingId)[0];
    if (!next) break;
    hidden.add(next.buildingId);
  }
  if (hidden.size === 0) return { byBuilding: [...buildings], withheld: null };
  const merged = buildings.filter((b) => hidden.has(b.buildingId));
  const sum = (k: keyof BuildingTally) => merged.reduce((s, b) => s + (b[k] as number), 0);
  const ballots = sum('ballots');
  return {
    byBuilding: buildings.filter((b) => !hidden.has(b.buildingId)),
    withheld: {
      buildings: merged.length,
      parts: sum('parts'),
      ballots,
      figures:
        ballots >= minBallots
          ? {
              totalArea: sum('totalArea'),
              participatedArea: sum('participatedArea'),
              agreeArea: sum('agreeArea'),
              disagreeArea: sum('disagreeArea'),
              abstainArea: sum('abstainArea'),
            }
          : null,
    },
  };
}

/** A vote's whole result (`GET /api/votes/:id/result` before publishing): tallyVote's figures with every building's. */
export type VoteResult = TallyResult & { voteId: number; status: VoteStatus; byBuilding: BuildingTally[] };

/** A live result below the ballot bar, as residents get it: no figures beyond the totals in scope. */
export interface WithheldVoteResult {
  voteId: number;
  status: VoteStatus;
  withheld: true;
  ballotCount: number;
  minBallots: number;
  totalArea: number;
  totalOwners: number;
  explanation: string;
}

/** A result with its figures: buildings below the bar merged into withheldBuildings. */
export type ShownVoteResult = VoteResult & { withheld: false; withheldBuildings: WithheldBuildings | null; minBallots: number };

/** What `GET /api/votes/:id/result` answers: the server, the console and the mini-program read this one type. */
export type PublishedVoteResult = ShownVoteResult | WithheldVoteResult;

/**
 * What a viewer is shown (DOMAIN.md §1, §7 PIPL). A live result with fewer ballots than minBallots is
 * not shown to residents at all (its totals would be those few homes' areas and choices); staff
 * supervising the vote see the totals. The closed result is the owners' decision and is published
 * whole. Per-building figures follow the bar for everyone, always ({@link publishByBuilding}, which
 * throws on a minBallots that is not a positive integer).
 */
export function publishResult(result: VoteResult, opts: { minBallots: number; resident: boolean }): PublishedVoteResult {
  const ballotCount = result.byBuilding.reduce((s, b) => s + b.ballots, 0);
  if (opts.resident && result.status !== 'closed' && ballotCount < opts.minBallots) {
    return {
      voteId: result.voteId,
      status: result.status,
      withheld: true,
      ballotCount,
      minBallots: opts.minBallots,
      totalArea: result.totalArea,
      totalOwners: result.totalOwners,
      explanation: `已投 ${ballotCount} 票，不足 ${opts.minBallots} 票，表决进行中暂不公布统计结果（保护业主个人信息）。`,
    };
  }
  const { byBuilding, withheld } = publishByBuilding(result.byBuilding, opts.minBallots);
  return { ...result, byBuilding, withheld: false, withheldBuildings: withheld, minBallots: opts.minBallots };
}
