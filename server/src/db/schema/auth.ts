import { bigint, boolean, index, integer, pgEnum, pgTable, uniqueIndex, varchar } from 'drizzle-orm/pg-core';
import { ROLES } from '@baotou/shared';
import { id, timestamps } from './columns';

export const role = pgEnum('role', ROLES);

/** Staff accounts and WeChat residents in one table: one id space for actors in the audit log. */
export const users = pgTable(
  'users',
  {
    id: id(),
    username: varchar({ length: 40 }),
    name: varchar({ length: 40 }).notNull(),
    role: role().notNull(),
    /** Staff: the region they answer for. Residents: none. */
    regionCode: varchar({ length: 12 }),
    companyId: integer(),
    passwordHash: varchar({ length: 200 }),
    openid: varchar({ length: 64 }),
    disabled: boolean().notNull().default(false),
    /** Bumped by every change that must end existing sessions (role, region, company, password, disabling); tokens carry it. */
    sessionEpoch: integer().notNull().default(0),
    /** Set when an administrator creates the account or sets its password; cleared when its owner changes it (issue 17). */
    mustChangePassword: boolean().notNull().default(false),
    ...timestamps,
  },
  (t) => [
    // staff login
    uniqueIndex('users_username_idx').on(t.username),
    // resident login
    uniqueIndex('users_openid_idx').on(t.openid),
    // jurisdiction filter on the user list
    index('users_region_idx').on(t.regionCode.op('varchar_pattern_ops')),
  ],
);

/**
 * Sign-in failure counters and locks (issue 17), shared by every server process: rate-limiter-flexible's
 * RateLimiterPostgres layout (key, points, expire in epoch ms). Keys: `acct:<username>`, `addr:<ip>`.
 */
export const signInThrottle = pgTable('sign_in_throttle', {
  key: varchar({ length: 255 }).primaryKey(),
  points: integer().notNull().default(0),
  expire: bigint({ mode: 'number' }),
});
