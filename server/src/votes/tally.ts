import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { parseAreaCenti, tallyVote, voteStanding, type BuildingTally, type VoteResult } from '@baotou/shared';
import type { DbOrTx } from '../db/client';
import { ballots, buildings, households, owners, votes } from '../db/schema';

type Vote = typeof votes.$inferSelect;

/** The exclusive parts a vote covers: the whole compound, some buildings or some units. */
export function scopeCondition(vote: Pick<Vote, 'compoundId' | 'scopeType' | 'scopeIds'>): SQL {
  const inCompound = eq(households.compoundId, vote.compoundId);
  if (vote.scopeType === 'buildings') return and(inCompound, inArray(households.buildingId, vote.scopeIds.length ? vote.scopeIds : [-1]))!;
  if (vote.scopeType === 'units') return and(inCompound, inArray(households.unitId, vote.scopeIds.length ? vote.scopeIds : [-1]))!;
  return inCompound;
}

/** Reads the parts in scope and the current ballots, and tallies them (DOMAIN.md §1). */
export async function computeResult(db: DbOrTx, vote: Vote): Promise<VoteResult> {
  const [parts, current] = await Promise.all([
    db
      .select({
        id: households.id,
        area: households.area,
        ownerId: households.ownerId,
        developerUnsold: households.developerUnsold,
        developerOwner: sql<boolean>`coalesce(${owners.developer}, false)`,
        buildingId: households.buildingId,
        buildingName: buildings.name,
      })
      .from(households)
      .innerJoin(buildings, eq(buildings.id, households.buildingId))
      .leftJoin(owners, eq(owners.id, households.ownerId))
      .where(scopeCondition(vote))
      .orderBy(asc(households.id)),
    db
      .select({ partId: ballots.householdId, choice: ballots.choice })
      .from(ballots)
      .where(and(eq(ballots.voteId, vote.id), eq(ballots.current, true))),
  ]);
  const tallyParts = parts.map((p) => ({
    id: p.id,
    areaCenti: parseAreaCenti(p.area)!,
    ownerId: p.ownerId,
    developerUnsold: p.developerUnsold,
    developerOwner: p.developerOwner,
  }));
  const inScope = new Set(parts.map((p) => p.id));
  const counted = current.filter((b) => inScope.has(b.partId));
  const result = tallyVote({ matter: vote.matter, parts: tallyParts, ballots: counted, followMajority: vote.followMajority });

  // Published per building, never per owner.
  const choiceOf = new Map(counted.map((b) => [b.partId, b.choice]));
  const byBuilding = new Map<number, BuildingTally>();
  parts.forEach((p, i) => {
    const t = byBuilding.get(p.buildingId) ?? {
      buildingId: p.buildingId,
      buildingName: p.buildingName,
      parts: 0,
      ballots: 0,
      totalArea: 0,
      participatedArea: 0,
      agreeArea: 0,
      disagreeArea: 0,
      abstainArea: 0,
    };
    const area = tallyParts[i].areaCenti;
    t.parts++;
    t.totalArea += area;
    const choice = choiceOf.get(p.id);
    if (choice) {
      t.ballots++;
      t.participatedArea += area;
      t[`${choice}Area`] += area;
    }
    byBuilding.set(p.buildingId, t);
  });
  // An open vote's explanation says where it stands, never a verdict (issue 16 §2).
  const explanation = voteStanding(vote.status, result).explanation;
  return { voteId: vote.id, status: vote.status, ...result, explanation, byBuilding: [...byBuilding.values()] };
}

export async function countEligible(db: DbOrTx, vote: Vote): Promise<number> {
  const [{ n }] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(households)
    .where(scopeCondition(vote));
  return n;
}
