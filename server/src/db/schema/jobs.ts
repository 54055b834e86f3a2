import { index, integer, jsonb, pgTable, timestamp, varchar } from 'drizzle-orm/pg-core';
import { users } from './auth';

/**
 * Our record of each background job (issue 15), beside pg-boss' own tables in schema `pgboss`
 * (which the library creates and migrates itself): who asked for it and in which region (for the
 * console's scoping), its progress, result and error. The id is the pg-boss job id.
 */
export const jobRuns = pgTable(
  'job_runs',
  {
    id: varchar({ length: 36 }).primaryKey(),
    /** The job's name as defined with defineJob (e.g. "tickets.escalate"). */
    name: varchar({ length: 60 }).notNull(),
    /** What a person reads for it (the job's Chinese label, e.g. "数据导出"). */
    title: varchar({ length: 60 }).notNull(),
    /** JOB_STATES: queued | running | completed | failed. */
    state: varchar({ length: 10 }).notNull().default('queued'),
    /** A job that must be single runs once at a time per key. */
    singletonKey: varchar({ length: 120 }),
    progressDone: integer().notNull().default(0),
    progressTotal: integer().notNull().default(0),
    progressNote: varchar({ length: 200 }),
    result: jsonb(),
    /** The last attempt's error message. */
    error: varchar({ length: 500 }),
    attempts: integer().notNull().default(0),
    /** Who enqueued it (null: the system, e.g. a schedule). */
    actorId: integer().references(() => users.id, { onDelete: 'set null' }),
    actorName: varchar({ length: 60 }),
    /** The enqueuing staff member's region (their jurisdiction when it was asked for). */
    actorRegionCode: varchar({ length: 12 }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp({ withTimezone: true }),
    finishedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index('job_runs_actor_idx').on(t.actorId, t.createdAt), index('job_runs_name_idx').on(t.name, t.state)],
);
export type JobRunRow = typeof jobRuns.$inferSelect;
