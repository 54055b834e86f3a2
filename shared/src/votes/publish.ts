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
