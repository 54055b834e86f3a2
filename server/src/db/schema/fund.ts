import { sql } from 'drizzle-orm';
import { bigint, boolean, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex, varchar } from 'drizzle-orm/pg-core';
import { EMERGENCY_KINDS, FUND_APPLICATION_STATUSES, FUND_ENTRY_KINDS, VOTE_SCOPES } from '@baotou/shared';
import { id, regionCode, timestamps } from './columns';
import { compounds, households } from './places';
import { users } from './auth';
import { votes } from './votes';
import { disclosures } from './disclosures';

const fen = () => bigint({ mode: 'number' });

export const fundEntryKind = pgEnum('fund_entry_kind', FUND_ENTRY_KINDS);
export const fundApplicationStatus = pgEnum('fund_application_status', FUND_APPLICATION_STATUSES);
export const emergencyKind = pgEnum('emergency_kind', EMERGENCY_KINDS);
export const fundScope = pgEnum('fund_scope', VOTE_SCOPES);

/**
 * One special account per compound (management area) at the custodian bank, opened with the
 * compound; the bank's name and account number are recorded once the bank has opened it.
 */
export const fundAccounts = pgTable(
  'fund_accounts',
  {
    id: id(),
    compoundId: integer()
      .notNull()
      .references(() => compounds.id, { onDelete: 'restrict' }),
    regionCode: regionCode(),
    bankName: varchar({ length: 60 }),
    accountNo: varchar({ length: 40 }),
    /** Kept equal to Σ ledger balances by every posting batch (checked by the reconciliation). */
    balanceFen: fen().notNull().default(0),
    ...timestamps,
  },
  (t) => [
    // one account per compound
    uniqueIndex('fund_accounts_compound_idx').on(t.compoundId),
    index('fund_accounts_region_idx').on(t.regionCode.op('varchar_pattern_ops')),
  ],
);

/** The per-household sub-ledger (分户账); it stays with the home when it is sold. */
export const fundLedgers = pgTable(
  'fund_ledgers',
  {
    id: id(),
    accountId: integer()
      .notNull()
      .references(() => fundAccounts.id, { onDelete: 'restrict' }),
    householdId: integer()
      .notNull()
      .references(() => households.id, { onDelete: 'restrict' }),
    compoundId: integer()
      .notNull()
      .references(() => compounds.id, { onDelete: 'restrict' }),
    regionCode: regionCode(),
    firstDepositFen: fen().notNull().default(0),
    depositedFen: fen().notNull().default(0),
    earnedFen: fen().notNull().default(0),
    usedFen: fen().notNull().default(0),
    balanceFen: fen().notNull().default(0),
    ...timestamps,
  },
  (t) => [
    // one ledger per home
    uniqueIndex('fund_ledgers_household_idx').on(t.householdId),
    // an account's ledgers (reconciliation, earnings)
    index('fund_ledgers_account_idx').on(t.accountId),
    index('fund_ledgers_region_idx').on(t.regionCode.op('varchar_pattern_ops')),
  ],
);

/** A posting batch: one transaction, one purpose (a deposit, an earnings allocation, a disbursement). */
export const fundBatches = pgTable(
  'fund_batches',
  {
    id: id(),
    accountId: integer()
      .notNull()
      .references(() => fundAccounts.id, { onDelete: 'restrict' }),
    kind: fundEntryKind().notNull(),
    totalFen: fen().notNull(),
    entryCount: integer().notNull(),
    reference: varchar({ length: 80 }),
    postedBy: integer().references(() => users.id),
    postedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // "earnings once per account and period end": the check under the account lock
    index('fund_batches_account_reference_idx').on(t.accountId, t.reference),
  ],
);

/** The journal: entries are never updated; a correction is a reversing entry. */
export const fundEntries = pgTable(
  'fund_entries',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    accountId: integer()
      .notNull()
      .references(() => fundAccounts.id, { onDelete: 'restrict' }),
    ledgerId: integer()
      .notNull()
      .references(() => fundLedgers.id, { onDelete: 'restrict' }),
    householdId: integer().notNull(),
    batchId: integer()
      .notNull()
      .references(() => fundBatches.id, { onDelete: 'restrict' }),
    regionCode: regionCode(),
    kind: fundEntryKind().notNull(),
    /** Signed: deposits and earnings positive, usage and refunds negative. */
    amountFen: fen().notNull(),
    balanceAfterFen: fen().notNull(),
    /** The owner at posting time (ownership history), and who pays (developer for unsold homes). */
    ownerId: integer(),
    payer: varchar({ length: 10 }).notNull().default('owner'),
    reference: varchar({ length: 80 }),
    reversesId: bigint({ mode: 'number' }),
    memo: varchar({ length: 200 }),
    postedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // a household's ledger page, newest first
    index('fund_entries_ledger_idx').on(t.ledgerId, t.id),
    // the account journal and earnings "balance at period end"
    index('fund_entries_account_idx').on(t.accountId, t.postedAt),
    // an entry is reversed at most once
    uniqueIndex('fund_entries_reverses_idx')
      .on(t.reversesId)
      .where(sql`${t.reversesId} IS NOT NULL`),
    index('fund_entries_region_idx').on(t.regionCode.op('varchar_pattern_ops')),
  ],
);

export const fundApplications = pgTable(
  'fund_applications',
  {
    id: id(),
    compoundId: integer()
      .notNull()
      .references(() => compounds.id, { onDelete: 'restrict' }),
    accountId: integer()
      .notNull()
      .references(() => fundAccounts.id, { onDelete: 'restrict' }),
    regionCode: regionCode(),
    title: varchar({ length: 100 }).notNull(),
    description: text(),
    items: jsonb().$type<{ name: string; budgetFen: number }[]>().notNull(),
    budgetFen: fen().notNull(),
    contractor: varchar({ length: 100 }).notNull(),
    scopeType: fundScope().notNull(),
    scopeIds: jsonb().$type<number[]>().notNull().default([]),
    emergency: boolean().notNull().default(false),
    emergencyKind: emergencyKind(),
    status: fundApplicationStatus().notNull().default('draft'),
    voteId: integer().references(() => votes.id),
    reviewReason: varchar({ length: 500 }),
    supervision: jsonb(),
    acceptance: jsonb(),
    actualCostFen: fen(),
    disclosureId: integer().references(() => disclosures.id),
    proposedBy: integer().references(() => users.id),
    approvedAt: timestamp({ withTimezone: true }),
    disbursedAt: timestamp({ withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    // a compound's applications
    index('fund_applications_compound_idx').on(t.compoundId, t.status),
    index('fund_applications_region_idx').on(t.regionCode.op('varchar_pattern_ops')),
  ],
);

/** Online self-deposits through the payment provider; its transaction id makes callbacks idempotent. */
export const fundPayments = pgTable(
  'fund_payments',
  {
    id: id(),
    householdId: integer()
      .notNull()
      .references(() => households.id, { onDelete: 'restrict' }),
    userId: integer()
      .notNull()
      .references(() => users.id),
    amountFen: fen().notNull(),
    providerTxnId: varchar({ length: 64 }).notNull(),
    status: varchar({ length: 10 }).notNull().default('pending'),
    entryId: bigint({ mode: 'number' }),
    paidAt: timestamp({ withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    // callback lookup, one payment per provider transaction
    uniqueIndex('fund_payments_txn_idx').on(t.providerTxnId),
  ],
);
