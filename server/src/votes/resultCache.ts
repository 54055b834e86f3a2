import type { DbOrTx } from '../db/client';
import type { votes } from '../db/schema';
import type { VoteResult } from '@baotou/shared';
import { computeResult } from './tally';

type Vote = typeof votes.$inferSelect;

/**
 * How long a cached tally may stand while no ballot changes: registry edits during a vote (an
 * area corrected, an owner changed) reach the result within this bound. Not policy — a cost bound.
 */
export const VOTE_RESULT_MAX_AGE_MS = 5_000;
const MAX_VOTES = 500;

interface Entry {
  key: string;
  at: number;
  result: Promise<VoteResult>;
}

/**
 * A live vote's tally, cached until its next ballot (issue 15: 50 residents refreshing a result
 * during an election do not each recompute it). The key is the vote row the request has already
 * read: its status, last change and ballotsCast, which each ballot's transaction raises by one —
 * new, replacing or conflicting alike — so the key costs no query, and a ballot committed after a
 * later one still changes it. Requests arriving while a tally is computed share it (single flight).
 * Derived data only: each server process keeps its own, so any number of processes stay correct.
 */
export function voteResultCache(now: () => number = Date.now) {
  const entries = new Map<number, Entry>();
  let computed = 0;

  const keyOf = (vote: Vote) => [vote.status, vote.updatedAt?.toISOString() ?? '', vote.ballotsCast].join('|');

  return {
    /** The vote's tally (computeResult), from the cache when nothing it counts has changed. */
    async result(db: DbOrTx, vote: Vote): Promise<VoteResult> {
      const key = keyOf(vote);
      const hit = entries.get(vote.id);
      if (hit && hit.key === key && now() - hit.at < VOTE_RESULT_MAX_AGE_MS) return hit.result;
      computed++;
      const entry: Entry = { key, at: now(), result: computeResult(db, vote) };
      entries.delete(vote.id);
      entries.set(vote.id, entry);
      if (entries.size > MAX_VOTES) entries.delete(entries.keys().next().value!);
      entry.result.catch(() => {
        if (entries.get(vote.id) === entry) entries.delete(vote.id);
      });
      return entry.result;
    },
    /** How many tallies were computed (not served from the cache): for tests and the bench. */
    get computed() {
      return computed;
    },
  };
}

export type VoteResultCache = ReturnType<typeof voteResultCache>;
