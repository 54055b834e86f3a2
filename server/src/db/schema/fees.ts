import { sql } from 'drizzle-orm';
import { bigint, boolean, check, date, index, integer, jsonb, pgEnum, pgTable, smallint, text, timestamp, uniqueIndex, varchar } from 'drizzle-orm/pg-core';
import { BILL_PAYERS, BILL_STATUSES, BILLING_CYCLES, BILLING_RUN_STATUSES, FEE_ITEM_KINDS, FEE_REMINDER_SENDERS, PAYMENT_METHODS } from '@baotou/shared';
import { id, regionCode, timestamps } from './columns';
import { compounds, households } from './places';
import { companies, projects } from './companies';
import { users } from './auth';

// Property fees (DOMAIN.md §12, issue 13). Money is integer fen (bigint); the property fee's unit
// price is integer milli-fen per m² per month; areas are integer centi-m².
const fen = () => bigint({ mode: 'number' });

export const feeItemKind = pgEnum('fee_item_kind', FEE_ITEM_KINDS);
export const billingCycle = pgEnum('billing_cycle', BILLING_CYCLES);
export const billStatus = pgEnum('bill_status', BILL_STATUSES);
export const billPayer = pgEnum('bill_payer', BILL_PAYERS);
export const paymentMethod = pgEnum('payment_method', PAYMENT_METHODS);
export const billingRunStatus = pgEnum('billing_run_status', BILLING_RUN_STATUSES);
export const feeReminderSender = pgEnum('fee_reminder_sender', FEE_REMINDER_SENDERS);

/** A project's fee item, from its service contract. No column anywhere cuts a service to collect (Civil Code Art. 944). */
export const feeItems = pgTable(
  'fee_items',
  {
    id: id(),
    projectId: integer()
      .notNull()
      .references(() => projects.id, { onDelete: 'restrict' }),
    companyId: integer()
      .notNull()
      .references(() => companies.id, { onDelete: 'restrict' }),
    compoundId: integer()
      .notNull()
      .references(() => compounds.id, { onDelete: 'restrict' }),
    regionCode: regionCode(),
    kind: feeItemKind().notNull(),
    name: varchar({ length: 40 }).notNull(),
    /** Property fee only: milli-fen per m² per month (1.39 元 = 139000). */
    feeMilliFenPerM2Month: integer('fee_milli_fen_per_m2_month'),
    /** Flat items only: fen per month. */
    monthlyFen: fen(),
    billingCycle: billingCycle().notNull(),
    /** The 1st of the month billing starts. */
    startsOn: date().notNull(),
    /** Only where the contract sets one (off by default), capped by FEES_LATE_FEE_MAX_BP_PER_MONTH. */
    lateFeeBpPerMonth: integer(),
    active: boolean().notNull().default(true),
    createdBy: integer().references(() => users.id),
    ...timestamps,
  },
  (t) => [
    index('fee_items_project_idx').on(t.projectId),
    index('fee_items_region_idx').on(t.regionCode.op('varchar_pattern_ops')),
    check(
      'fee_items_price',
      sql`(${t.kind} = 'property_fee' AND ${t.feeMilliFenPerM2Month} > 0 AND ${t.monthlyFen} IS NULL) OR (${t.kind} <> 'property_fee' AND ${t.monthlyFen} > 0 AND ${t.feeMilliFenPerM2Month} IS NULL)`,
    ),
  ],
);

/** One billing batch for one month over one or more projects of one company; progress kept here. */
export const billingRuns = pgTable(
  'billing_runs',
  {
    id: id(),
    companyId: integer()
      .notNull()
      .references(() => companies.id, { onDelete: 'restrict' }),
    /** The month billed, 'YYYY-MM'. */
    period: varchar({ length: 7 }).notNull(),
    status: billingRunStatus().notNull().default('queued'),
    /** Projects done / in the run, and homes billed so far. */
    projectsDone: integer().notNull().default(0),
    projectsTotal: integer().notNull().default(0),
    billsCreated: integer().notNull().default(0),
    billedFen: fen().notNull().default(0),
    note: varchar({ length: 200 }),
    error: text(),
    jobId: varchar({ length: 64 }),
    createdBy: integer().references(() => users.id),
    startedAt: timestamp({ withTimezone: true }),
    finishedAt: timestamp({ withTimezone: true }),
    ...timestamps,
  },
  (t) => [index('billing_runs_company_idx').on(t.companyId, t.id)],
);

/** A project in a run: at most one run bills a project for a month (the unique index), one transaction each. */
export const billingRunProjects = pgTable(
  'billing_run_projects',
  {
    id: id(),
    runId: integer()
      .notNull()
      .references(() => billingRuns.id, { onDelete: 'restrict' }),
    projectId: integer()
      .notNull()
      .references(() => projects.id, { onDelete: 'restrict' }),
    compoundId: integer()
      .notNull()
      .references(() => compounds.id, { onDelete: 'restrict' }),
    regionCode: regionCode(),
    period: varchar({ length: 7 }).notNull(),
    done: boolean().notNull().default(false),
    billsCreated: integer().notNull().default(0),
    billedFen: fen().notNull().default(0),
    finishedAt: timestamp({ withTimezone: true }),
  },
  (t) => [uniqueIndex('billing_run_projects_project_period_idx').on(t.projectId, t.period), index('billing_run_projects_run_idx').on(t.runId)],
);

/** A bill: one home, one fee item, one period. Never deleted; a wrong one is reversed with a reason. */
export const bills = pgTable(
  'bills',
  {
    id: id(),
    householdId: integer()
      .notNull()
      .references(() => households.id, { onDelete: 'restrict' }),
    // Copies of the household's and the fee item's, for scoping and indexes; no FK (migration 0034:
    // each FK is a per-row check on a billing run's million inserts, and these repeat the household's).
    compoundId: integer().notNull(),
    buildingId: integer().notNull(),
    projectId: integer().notNull(),
    companyId: integer().notNull(),
    regionCode: regionCode(),
    /** The fee item (no FK, migration 0034: fee items are never deleted, and the check re-locked the item for every row billed). */
    feeItemId: integer().notNull(),
    /** The run that billed it (runs are never deleted; no FK, see above). */
    billingRunId: integer(),
    periodStart: date().notNull(),
    periodEnd: date().notNull(),
    months: smallint().notNull(),
    /** What the amount was computed from (property fee: area and unit price; flat items: null). */
    areaCenti: integer(),
    unitMilliFen: integer(),
    amountFen: fen().notNull(),
    paidFen: fen().notNull().default(0),
    status: billStatus().notNull().default('unpaid'),
    payer: billPayer().notNull().default('household'),
    dueOn: date().notNull(),
    reverseReason: varchar({ length: 200 }),
    reversedBy: integer().references(() => users.id),
    reversedAt: timestamp({ withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    // a home is billed once per fee item and period (the billing run's idempotence); a reversed bill frees its period
    uniqueIndex('bills_household_item_period_idx')
      .on(t.householdId, t.feeItemId, t.periodStart)
      .where(sql`"status" <> 'reversed'`),
    // a home's bills (resident list, the benchmarked query)
    index('bills_household_period_idx').on(t.householdId, t.periodStart, t.id),
    // arrears by compound, building and age
    index('bills_compound_status_idx').on(t.compoundId, t.status, t.periodStart),
    index('bills_project_period_idx').on(t.projectId, t.periodStart),
    index('bills_region_idx').on(t.regionCode.op('varchar_pattern_ops')),
    check('bills_paid_within', sql`${t.paidFen} >= 0 AND ${t.paidFen} <= ${t.amountFen} AND ${t.amountFen} >= 0`),
  ],
);

/** A payment received: at the counter, or from WeChat Pay (pay_order_id, no FK: the pay layer's table). */
export const feePayments = pgTable(
  'fee_payments',
  {
    id: id(),
    householdId: integer()
      .notNull()
      .references(() => households.id, { onDelete: 'restrict' }),
    compoundId: integer()
      .notNull()
      .references(() => compounds.id, { onDelete: 'restrict' }),
    projectId: integer()
      .notNull()
      .references(() => projects.id, { onDelete: 'restrict' }),
    companyId: integer()
      .notNull()
      .references(() => companies.id, { onDelete: 'restrict' }),
    regionCode: regionCode(),
    method: paymentMethod().notNull(),
    amountFen: fen().notNull(),
    refundedFen: fen().notNull().default(0),
    reference: varchar({ length: 64 }).notNull().default(''),
    payOrderId: integer(),
    receiptNo: varchar({ length: 32 }).notNull(),
    recordedBy: integer().references(() => users.id),
    paidAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    ...timestamps,
  },
  (t) => [
    // a WeChat order posts once
    uniqueIndex('fee_payments_pay_order_idx')
      .on(t.payOrderId)
      .where(sql`"pay_order_id" IS NOT NULL`),
    uniqueIndex('fee_payments_receipt_no_idx').on(t.receiptNo),
    index('fee_payments_household_idx').on(t.householdId, t.id),
    index('fee_payments_compound_idx').on(t.compoundId, t.paidAt),
    index('fee_payments_region_idx').on(t.regionCode.op('varchar_pattern_ops')),
    check('fee_payments_refund_within', sql`${t.amountFen} > 0 AND ${t.refundedFen} >= 0 AND ${t.refundedFen} <= ${t.amountFen}`),
  ],
);

/** A refund of part or all of a payment; WeChat payments refund through the pay layer. */
export const feeRefunds = pgTable(
  'fee_refunds',
  {
    id: id(),
    paymentId: integer()
      .notNull()
      .references(() => feePayments.id, { onDelete: 'restrict' }),
    amountFen: fen().notNull(),
    reason: varchar({ length: 200 }).notNull(),
    /** The provider's refund number (WeChat), or null at the counter. */
    refundNo: varchar({ length: 64 }),
    providerStatus: varchar({ length: 20 }),
    createdBy: integer().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('fee_refunds_payment_idx').on(t.paymentId)],
);

/** Money moved onto (positive) or back off (negative, by a refund) a bill. Σ = Σ payments − Σ refunds. */
export const feeAllocations = pgTable(
  'fee_allocations',
  {
    id: id(),
    paymentId: integer()
      .notNull()
      .references(() => feePayments.id, { onDelete: 'restrict' }),
    billId: integer()
      .notNull()
      .references(() => bills.id, { onDelete: 'restrict' }),
    refundId: integer().references(() => feeRefunds.id, { onDelete: 'restrict' }),
    amountFen: fen().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('fee_allocations_payment_idx').on(t.paymentId), index('fee_allocations_bill_idx').on(t.billId)],
);

/** The electronic receipt of a payment: a number and the lines it paid, as issued. */
export const receipts = pgTable(
  'receipts',
  {
    id: id(),
    paymentId: integer()
      .notNull()
      .references(() => feePayments.id, { onDelete: 'restrict' }),
    receiptNo: varchar({ length: 32 }).notNull(),
    householdId: integer()
      .notNull()
      .references(() => households.id, { onDelete: 'restrict' }),
    compoundId: integer()
      .notNull()
      .references(() => compounds.id, { onDelete: 'restrict' }),
    regionCode: regionCode(),
    amountFen: fen().notNull(),
    /** [{ billId, feeItemName, periodStart, periodEnd, amountFen }] as paid. */
    lines: jsonb().notNull(),
    issuedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('receipts_payment_idx').on(t.paymentId),
    uniqueIndex('receipts_receipt_no_idx').on(t.receiptNo),
    index('receipts_household_idx').on(t.householdId),
    index('receipts_region_idx').on(t.regionCode.op('varchar_pattern_ops')),
  ],
);

/** A reminder (提醒 / 催缴) sent to a home, by the company or the owners' committee; every one is kept. */
export const feeReminders = pgTable(
  'fee_reminders',
  {
    id: id(),
    householdId: integer()
      .notNull()
      .references(() => households.id, { onDelete: 'restrict' }),
    compoundId: integer()
      .notNull()
      .references(() => compounds.id, { onDelete: 'restrict' }),
    regionCode: regionCode(),
    sender: feeReminderSender().notNull(),
    owedFen: fen().notNull(),
    billCount: integer().notNull(),
    /** Residents notified (in-app and, where subscribed, a WeChat subscribe message). */
    notified: integer().notNull().default(0),
    sentBy: integer().references(() => users.id),
    sentAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('fee_reminders_household_idx').on(t.householdId, t.sentAt), index('fee_reminders_compound_idx').on(t.compoundId, t.sentAt)],
);
