import { bigint, boolean, index, integer, pgEnum, pgTable, timestamp, uniqueIndex, varchar } from 'drizzle-orm/pg-core';
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
    /** Seeded by the demo (public password, never in production): needs no second factor outside production (issue 17). */
    demo: boolean().notNull().default(false),
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

/**
 * A staff account's authenticator (TOTP, RFC 6238; issue 17). Secrets are encrypted with the
 * personal-data cipher (places/personalData.ts), so a key rotation must re-encrypt them too.
 */
export const staffSecondFactors = pgTable('staff_second_factors', {
  userId: integer()
    .primaryKey()
    .references(() => users.id),
  /** The confirmed secret; null until the first code is confirmed. */
  secretEnc: varchar({ length: 400 }),
  /** A secret shown by enrol and not yet confirmed; confirming replaces secretEnc with it. */
  pendingSecretEnc: varchar({ length: 400 }),
  pendingAt: timestamp({ withTimezone: true }),
  enrolledAt: timestamp({ withTimezone: true }),
  /** The last time step a code was accepted for: a code counts once (set only upward, in one UPDATE). */
  lastStep: integer(),
});

/** Ten single-use codes per confirmed enrolment, stored only as SM3 digests. */
export const totpRecoveryCodes = pgTable(
  'totp_recovery_codes',
  {
    id: id(),
    userId: integer()
      .notNull()
      .references(() => users.id),
    codeHash: varchar({ length: 64 }).notNull(),
    usedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // a typed recovery code is looked up (and used once) by its account and digest
    uniqueIndex('totp_recovery_codes_user_code_idx').on(t.userId, t.codeHash),
  ],
);
