import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { users } from '../db/schema';

/** No such user, or the account is disabled: no token is valid. */
const NO_SESSION = -1;
/** Beyond this many cached users the cache starts afresh (a bound on memory, not a policy). */
const MAX_ENTRIES = 50_000;

interface Entry {
  /** users.session_epoch, or NO_SESSION; undefined while the first read is in flight. */
  epoch?: number;
  pending?: Promise<number>;
  until: number;
}

/**
 * Is a token's session still current? The users row is the truth (several server processes share
 * one database): each process keeps a user's epoch for at most `cacheMs` (SESSION_CHECK_CACHE_MS),
 * so a change made elsewhere takes effect within that time, and one made here at once (`forget`).
 * A hit costs a map lookup; a miss one primary-key read, shared by the requests waiting on it.
 */
export function createSessionChecker(db: Db, cacheMs: number) {
  const cache = new Map<number, Entry>();
  /** Users whose epoch this process is changing: not cached for a while, so a read racing the commit is not kept. */
  const uncached = new Map<number, number>();

  async function load(userId: number): Promise<number> {
    const [u] = await db.select({ epoch: users.sessionEpoch, disabled: users.disabled }).from(users).where(eq(users.id, userId)).limit(1);
    return !u || u.disabled ? NO_SESSION : u.epoch;
  }

  return {
    /** Resolves true when a token issued under `epoch` still speaks for this user. */
    async isCurrent(userId: number, epoch: number): Promise<boolean> {
      const now = Date.now();
      let e = cache.get(userId);
      if (e && e.until > now) {
        if (e.epoch !== undefined) return e.epoch === epoch;
      } else {
        if (cache.size >= MAX_ENTRIES) cache.clear();
        const entry: Entry = { until: now + cacheMs };
        entry.pending = load(userId).then(
          (v) => ((entry.epoch = v), (entry.pending = undefined), v),
          (err) => {
            if (cache.get(userId) === entry) cache.delete(userId);
            throw err;
          },
        );
        if (cacheMs > 0 && !((uncached.get(userId) ?? 0) > now)) cache.set(userId, entry);
        e = entry;
      }
      return (await e.pending!) === epoch;
    },
    /**
     * Called by every change that bumps a user's epoch (inside its transaction), so this process
     * sees it on the next request: for `cacheMs` the user's epoch is read from the database each time.
     */
    forget(userId: number): void {
      cache.delete(userId);
      if (uncached.size >= MAX_ENTRIES) uncached.clear();
      if (cacheMs > 0) uncached.set(userId, Date.now() + cacheMs);
    },
  };
}
export type SessionChecker = ReturnType<typeof createSessionChecker>;
