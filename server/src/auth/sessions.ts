import { eq, sql } from 'drizzle-orm';
import type { Role } from '@baotou/shared';
import type { Db } from '../db/client';
import { staffSecondFactors, users } from '../db/schema';

/** Beyond this many cached users the cache starts afresh (a bound on memory, not a policy). */
const MAX_ENTRIES = 50_000;

/** What a live session needs to know about its account, read in one primary-key query. */
export interface SessionAccount {
  /** users.session_epoch: a token from another epoch is refused. */
  epoch: number;
  role: Role;
  demo: boolean;
  /** A confirmed second factor (staff_second_factors.secret_enc set). */
  enrolled: boolean;
}

interface Entry {
  /** The account, or null for no such user or a disabled one; undefined while the first read is in flight. */
  account?: SessionAccount | null;
  pending?: Promise<SessionAccount | null>;
  until: number;
}

/**
 * Is a token's session still current? The users row is the truth (several server processes share
 * one database): each process keeps a user's epoch (and what the second-factor rule needs: role,
 * demo flag, a confirmed factor) for at most `cacheMs` (SESSION_CHECK_CACHE_MS), so a change made
 * elsewhere takes effect within that time, and one made here at once (`forget`).
 * A hit costs a map lookup; a miss one primary-key read, shared by the requests waiting on it.
 */
export function createSessionChecker(db: Db, cacheMs: number) {
  const cache = new Map<number, Entry>();
  /** Users whose epoch this process is changing: not cached for a while, so a read racing the commit is not kept. */
  const uncached = new Map<number, number>();

  async function load(userId: number): Promise<SessionAccount | null> {
    const [u] = await db
      .select({
        epoch: users.sessionEpoch,
        disabled: users.disabled,
        role: users.role,
        demo: users.demo,
        enrolled: sql<boolean>`${staffSecondFactors.secretEnc} IS NOT NULL`,
      })
      .from(users)
      .leftJoin(staffSecondFactors, eq(staffSecondFactors.userId, users.id))
      .where(eq(users.id, userId))
      .limit(1);
    return !u || u.disabled ? null : { epoch: u.epoch, role: u.role, demo: u.demo, enrolled: !!u.enrolled };
  }

  /** The account while a token issued under `epoch` still speaks for it, else undefined. */
  async function current(userId: number, epoch: number): Promise<SessionAccount | undefined> {
    const now = Date.now();
    let e = cache.get(userId);
    if (e && e.until > now) {
      if (e.account !== undefined) return e.account?.epoch === epoch ? e.account : undefined;
    } else {
      if (cache.size >= MAX_ENTRIES) cache.clear();
      const entry: Entry = { until: now + cacheMs };
      entry.pending = load(userId).then(
        (v) => ((entry.account = v), (entry.pending = undefined), v),
        (err) => {
          if (cache.get(userId) === entry) cache.delete(userId);
          throw err;
        },
      );
      if (cacheMs > 0 && !((uncached.get(userId) ?? 0) > now)) cache.set(userId, entry);
      e = entry;
    }
    const account = await e.pending!;
    return account?.epoch === epoch ? account : undefined;
  }

  return {
    current,
    /** Resolves true when a token issued under `epoch` still speaks for this user. */
    async isCurrent(userId: number, epoch: number): Promise<boolean> {
      return (await current(userId, epoch)) !== undefined;
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
