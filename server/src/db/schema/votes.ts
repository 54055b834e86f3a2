import { sql } from 'drizzle-orm';
import { bigint, boolean, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex, varchar } from 'drizzle-orm/pg-core';
import { BALLOT_CHANNELS, BALLOT_CHOICES, VOTE_KINDS, VOTE_MATTERS, VOTE_SCOPES, VOTE_STATUSES } from '@baotou/shared';
import { id, regionCode, timestamps } from './columns';
import { compounds, households } from './places';
import { committees } from './committees';
import { users } from './auth';

export const voteMatter = pgEnum('vote_matter', VOTE_MATTERS);
export const voteKind = pgEnum('vote_kind', VOTE_KINDS);
export const voteScope = pgEnum('vote_scope', VOTE_SCOPES);
export const voteStatus = pgEnum('vote_status', VOTE_STATUSES);
export const ballotChoice = pgEnum('ballot_choice', BALLOT_CHOICES);
export const ballotChannel = pgEnum('ballot_channel', BALLOT_CHANNELS);

export const votes = pgTable(
  'votes',
  {
    id: id(),
    compoundId: integer()
      .notNull()
      .references(() => compounds.id, { onDelete: 'restrict' }),
    regionCode: regionCode(),
    committeeId: integer().references(() => committees.id, { onDelete: 'restrict' }),
    title: varchar({ length: 100 }).notNull(),
    description: text(),
    matter: voteMatter().notNull(),
    kind: voteKind().notNull().default('vote'),
    scopeType: voteScope().notNull().default('compound'),
    scopeIds: jsonb().$type<number[]>().notNull().default([]),
    opensAt: timestamp({ withTimezone: true }),
    closesAt: timestamp({ withTimezone: true }).notNull(),
    status: voteStatus().notNull().default('draft'),
    /** The compound's follow-the-majority setting when the vote opened. */
    followMajority: boolean().notNull().default(false),
    eligibleCount: integer().notNull().default(0),
    /**
     * Ballots cast into this vote so far, replaced and conflicting ones included: one more with each
     * ballot, in the ballot's own transaction. The live tally's cache key (votes/resultCache.ts).
     */
    ballotsCast: integer().notNull().default(0),
    closedAt: timestamp({ withTimezone: true }),
    /** The tally frozen at closing. */
    result: jsonb(),
    createdBy: integer().references(() => users.id),
    ...timestamps,
  },
  (t) => [
    // a compound's votes
    index('votes_compound_idx').on(t.compoundId, t.status),
    index('votes_region_idx').on(t.regionCode.op('varchar_pattern_ops')),
  ],
);

/** Every ballot is kept; exactly one per home is current (the last one cast). */
export const ballots = pgTable(
  'ballots',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    voteId: integer()
      .notNull()
      .references(() => votes.id, { onDelete: 'restrict' }),
    householdId: integer()
      .notNull()
      .references(() => households.id, { onDelete: 'restrict' }),
    userId: integer().references(() => users.id),
    enteredBy: integer().references(() => users.id),
    choice: ballotChoice().notNull(),
    channel: ballotChannel().notNull(),
    scanUrl: varchar({ length: 500 }),
    receipt: varchar({ length: 16 }).notNull(),
    current: boolean().notNull().default(true),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // at most one current ballot per home and vote; the tally reads these
    uniqueIndex('ballots_current_idx')
      .on(t.voteId, t.householdId)
      .where(sql`${t.current}`),
    // a home's ballot history
    index('ballots_vote_household_idx').on(t.voteId, t.householdId),
    // receipt verification
    uniqueIndex('ballots_receipt_idx').on(t.voteId, t.receipt),
    // the ballot whose scan an upload is (paper ballots only; who may download it: uploads/access.ts)
    index('ballots_scan_idx')
      .on(t.scanUrl)
      .where(sql`${t.scanUrl} IS NOT NULL`),
  ],
);

/**
 * A ballot entered for a home by someone else (paper or door, by the committee) after the owner had
 * voted online themselves: the owner's ballot stays current, the entered one is kept as history, and
 * the pair is recorded here for the committee and the street to review (issue 9 §5).
 */
export const ballotConflicts = pgTable(
  'ballot_conflicts',
  {
    id: id(),
    voteId: integer()
      .notNull()
      .references(() => votes.id, { onDelete: 'restrict' }),
    compoundId: integer()
      .notNull()
      .references(() => compounds.id, { onDelete: 'restrict' }),
    regionCode: regionCode(),
    householdId: integer()
      .notNull()
      .references(() => households.id, { onDelete: 'restrict' }),
    ownerBallotId: bigint({ mode: 'number' })
      .notNull()
      .references(() => ballots.id, { onDelete: 'restrict' }),
    enteredBallotId: bigint({ mode: 'number' })
      .notNull()
      .references(() => ballots.id, { onDelete: 'restrict' }),
    enteredBy: integer().references(() => users.id),
    /** The street's review (once): who, when, what they found. */
    reviewedBy: integer().references(() => users.id),
    reviewedAt: timestamp({ withTimezone: true }),
    reviewNote: varchar({ length: 500 }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // a vote's conflicts (the console's review list, the votes list's count)
    index('ballot_conflicts_vote_idx').on(t.voteId),
    // jurisdiction filter
    index('ballot_conflicts_region_idx').on(t.regionCode.op('varchar_pattern_ops')),
    // one conflict per entered ballot
    uniqueIndex('ballot_conflicts_entered_idx').on(t.enteredBallotId),
  ],
);
