import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import type { SignInSettings } from '@baotou/config';
import { eq, sql, type SQL } from 'drizzle-orm';
import type { Db, DbOrTx } from '../db/client';
import { signInThrottle, users } from '../db/schema';
import { AppError } from '../http/errors';
import { writeAudit } from '../audit/audit';
import type { RequestOrigin } from '../audit/origin';

/** The table both limiters keep their counters in (server/src/db/schema/auth.ts, migration 0012). */
const TABLE = 'sign_in_throttle';

/** The account a sign-in named, when it exists (the guard treats unknown usernames the same way). */
export interface SignInAccount {
  id: number;
  regionCode: string | null;
}

/** One sign-in attempt that the guard has let through: report how it ended. */
export interface SignInAttempt {
  /** The password was right: the username's failures are forgotten and the address gets its point back. */
  succeeded(): Promise<void>;
  /** The password was wrong (or the account unknown or disabled): audited; the failure that reaches the limit locks the username. */
  failed(account: SignInAccount | undefined): Promise<void>;
  /**
   * Neither: the password was right but a second step is still due (OTP_REQUIRED). Both points go
   * back without forgetting earlier failures, so an office signing in through its second factor is
   * not throttled for it, and asking again without a code never clears a count of wrong codes.
   */
  released(): Promise<void>;
}

interface QueryClient {
  query(q: { text: string; values?: unknown[]; name?: string }): Promise<{ rows: unknown[]; rowCount: number | null }>;
}

/**
 * The limiter's store is the platform's own database, so every server process shares the counts.
 * node-postgres: its pool as is. PGlite (the embedded, single-process database): a small adapter
 * over the same PGlite instance, so counts and locks survive a restart like every other record
 * and there is one code path to test; PGlite runs one statement at a time, which the limiter's
 * single-statement upserts do not mind.
 */
function storeOf(db: Db): { storeClient: unknown; storeType: string } {
  const client = (db as unknown as { $client: unknown }).$client as Record<string, unknown>;
  if (typeof client.exec === 'function' && typeof client.totalCount !== 'number') {
    const lite = client as unknown as { query(text: string, values?: unknown[]): Promise<{ rows: unknown[]; affectedRows?: number }> };
    const adapter: QueryClient = {
      query: async (q) => {
        const r = await lite.query(q.text, q.values);
        return { rows: r.rows, rowCount: r.affectedRows ?? r.rows.length };
      },
    };
    return { storeClient: adapter, storeType: 'client' };
  }
  return { storeClient: client, storeType: 'pool' };
}

/** The limiters' own key for a username (rate-limiter-flexible: `<keyPrefix>:<key>`). */
const ACCOUNT_PREFIX = 'acct';

/**
 * SQL true while the users row's username is locked: its counter holds more than `lockAfter`
 * points and has not expired (a lock is a counter set past the limit until the lock ends).
 * For the users list; carries no parameters.
 */
export function lockedCondition(lockAfter: number): SQL<boolean> {
  return sql<boolean>`EXISTS (SELECT 1 FROM ${signInThrottle} WHERE ${signInThrottle.key} = ${sql.raw(`'${ACCOUNT_PREFIX}:'`)} || lower(${users.username}) AND ${signInThrottle.points} > ${sql.raw(String(Math.trunc(lockAfter)))} AND ${signInThrottle.expire} > (extract(epoch FROM clock_timestamp()) * 1000)::bigint)`;
}

const throttled = (seconds: number) => new AppError('LOGIN_THROTTLED', 429, `登录尝试过于频繁，请${seconds}秒后再试`);
const locked = () => new AppError('ACCOUNT_LOCKED', 423, '登录失败次数过多，账号已锁定，请稍后再试或联系管理员解锁');

/**
 * Failed staff sign-ins, counted per username and per client address in the database (issue 17).
 *
 * Every attempt takes its point BEFORE the password is checked (one atomic upsert per counter,
 * under PostgreSQL's row lock), so N parallel attempts get N distinct counts and exactly
 * `lockAfter` passwords are ever tried: the attempt that takes point lockAfter + 1 or later is
 * refused 423 ACCOUNT_LOCKED without a check, and the failure holding point lockAfter locks the
 * username for `lockSeconds`. An address past `addressMaxFailures` gets 429 LOGIN_THROTTLED with
 * Retry-After until its window ends. Unknown usernames are counted and locked exactly like real
 * ones, so neither the answer nor its timing says whether an account exists.
 */
export function createSignInGuard(db: Db, settings: SignInSettings) {
  const store = storeOf(db);
  const common = { ...store, tableName: TABLE, tableCreated: true };
  // One of the two sweeps the shared table (rows expired over an hour ago, every 5 minutes, an unref'd timer),
  // so counters for made-up usernames and addresses do not pile up.
  const accounts = new RateLimiterPostgres({
    ...common,
    clearExpiredByTimeout: true,
    keyPrefix: ACCOUNT_PREFIX,
    points: settings.lockAfter,
    duration: settings.failureWindowSeconds,
    blockDuration: settings.lockSeconds,
  });
  const addresses = new RateLimiterPostgres({
    ...common,
    clearExpiredByTimeout: false,
    keyPrefix: 'addr',
    points: settings.addressMaxFailures,
    duration: settings.addressWindowSeconds,
  });

  const accountKey = (username: string) => username.trim().toLowerCase();
  const secondsOf = (res: RateLimiterRes) => Math.max(1, Math.ceil(res.msBeforeNext / 1000));

  /** The limiter rejects with its result when over the limit, and with an Error when the store fails. */
  async function take(limiter: RateLimiterPostgres, key: string): Promise<{ over: false; res: RateLimiterRes } | { over: true; res: RateLimiterRes }> {
    try {
      return { over: false, res: await limiter.consume(key) };
    } catch (err) {
      if (err instanceof RateLimiterRes) return { over: true, res: err };
      throw err;
    }
  }

  return {
    /**
     * Call before checking the password. Throws 429 LOGIN_THROTTLED (address over its limit) or
     * 423 ACCOUNT_LOCKED (username locked), after giving `setRetryAfter` the seconds for the
     * Retry-After header; the first refusal by an address is audited. `origin`: the client's
     * address (the throttling key; TRUST_PROXY decides whether X-Forwarded-For is believed) and User-Agent.
     */
    async begin(username: string, origin: RequestOrigin, setRetryAfter: (seconds: number) => void): Promise<SignInAttempt> {
      const name = accountKey(username);
      const ip = origin.ip ?? 'unknown';
      const address = await take(addresses, ip);
      if (address.over) {
        if (address.res.consumedPoints === settings.addressMaxFailures + 1) {
          await writeAudit(db, null, {
            action: 'sign_in_throttled',
            entity: 'sign-in',
            entityId: ip,
            actorName: name,
            origin,
            after: { username: name, failures: settings.addressMaxFailures },
          });
        }
        setRetryAfter(secondsOf(address.res));
        throw throttled(secondsOf(address.res));
      }
      const account = await take(accounts, name);
      if (account.over) {
        setRetryAfter(secondsOf(account.res));
        throw locked();
      }
      const reachesLimit = account.res.consumedPoints === settings.lockAfter;
      return {
        async succeeded() {
          await accounts.delete(name);
          await addresses.reward(ip, 1);
        },
        async released() {
          await accounts.reward(name, 1);
          await addresses.reward(ip, 1);
        },
        async failed(u) {
          const who = { entity: 'users', entityId: u?.id ?? name, regionCode: u?.regionCode ?? null, actorName: name, origin };
          await writeAudit(db, null, { action: 'sign_in_failed', ...who, after: { username: name, failures: account.res.consumedPoints } });
          if (reachesLimit) {
            await accounts.block(name, settings.lockSeconds);
            await writeAudit(db, null, {
              action: 'sign_in_locked',
              ...who,
              after: { username: name, failures: settings.lockAfter, lockSeconds: settings.lockSeconds },
            });
          }
        },
      };
    },

    /**
     * Ends a username's lock and forgets its failures (the city admin's unlock), inside the caller's
     * transaction. Resolves true when the username was locked.
     */
    async unlock(tx: DbOrTx, username: string): Promise<boolean> {
      const [row] = await tx
        .delete(signInThrottle)
        .where(eq(signInThrottle.key, `${ACCOUNT_PREFIX}:${accountKey(username)}`))
        .returning();
      return !!row && row.points > settings.lockAfter && (row.expire ?? Infinity) > Date.now();
    },
  };
}
export type SignInGuard = ReturnType<typeof createSignInGuard>;
