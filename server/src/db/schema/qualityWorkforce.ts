import { boolean, date, index, integer, jsonb, pgEnum, pgTable, smallint, text, timestamp, uniqueIndex, varchar } from 'drizzle-orm/pg-core';
import { STAFF_IMPORT_KINDS, STAFF_POSTS, TRAINING_KINDS, type Certificate } from '@baotou/shared';
import { id, regionCode, timestamps } from './columns';
import { companies, projects } from './companies';
import { users } from './auth';

export const staffPost = pgEnum('staff_post', STAFF_POSTS);
export const trainingKind = pgEnum('training_kind', TRAINING_KINDS);
export const staffImportKind = pgEnum('staff_import_kind', STAFF_IMPORT_KINDS);

/** 从业人员: a company's staff member, on one of its projects or at head office (issue 12; DOMAIN.md §13). */
export const staff = pgTable(
  'staff',
  {
    id: id(),
    companyId: integer()
      .notNull()
      .references(() => companies.id, { onDelete: 'restrict' }),
    projectId: integer().references(() => projects.id, { onDelete: 'restrict' }),
    /** The project's region, else the company's: bureau staff read within jurisdiction, rates group by district. */
    regionCode: regionCode(),
    /** 工号, unique within the company: imports and training rows name the person by it. */
    staffNo: varchar({ length: 30 }).notNull(),
    name: varchar({ length: 40 }).notNull(),
    post: staffPost().notNull(),
    specialist: boolean().notNull(),
    hiredOn: date().notNull(),
    /** Last day employed. */
    leftOn: date(),
    phoneEnc: text(),
    phoneMasked: varchar({ length: 20 }),
    phoneHash: varchar({ length: 64 }),
    certificates: jsonb().$type<Certificate[]>().notNull(),
    /** The earliest certificate expiry, kept with the certificates, for the "expiring within 60 days" filter. */
    certificateExpiresOn: date(),
    ...timestamps,
  },
  (t) => [
    // one 工号 per company (import and create refuse a second one)
    uniqueIndex('staff_company_staff_no_idx').on(t.companyId, t.staffNo),
    // jurisdiction filter and the rates by district
    index('staff_region_idx').on(t.regionCode.op('varchar_pattern_ops')),
    // certificates expiring soon
    index('staff_certificate_expires_idx').on(t.certificateExpiresOn),
    // a project's staff
    index('staff_project_idx').on(t.projectId),
  ],
);

/** 培训记录: one course on one day; hours in tenths of an hour. */
export const trainings = pgTable(
  'trainings',
  {
    id: id(),
    staffId: integer()
      .notNull()
      .references(() => staff.id, { onDelete: 'restrict' }),
    companyId: integer()
      .notNull()
      .references(() => companies.id, { onDelete: 'restrict' }),
    regionCode: regionCode(),
    kind: trainingKind().notNull(),
    course: varchar({ length: 100 }).notNull(),
    provider: varchar({ length: 100 }).notNull(),
    /** Tenths of an hour, 1..240 (35 = 3.5 h). */
    hoursTenths: smallint().notNull(),
    trainedOn: date().notNull(),
    certificateNo: varchar({ length: 40 }),
    /** What proves it (a sign-in sheet, a file name or link). */
    evidence: varchar({ length: 300 }),
    ...timestamps,
  },
  (t) => [
    // a person's trainings by kind and date (rates, the 24-hours-a-day check)
    index('trainings_staff_kind_date_idx').on(t.staffId, t.kind, t.trainedOn),
    // jurisdiction filter
    index('trainings_region_idx').on(t.regionCode.op('varchar_pattern_ops')),
    // a company's trainings
    index('trainings_company_idx').on(t.companyId),
  ],
);

/**
 * A workforce import between upload and commit: the checked rows (phones already encrypted) and the
 * row-by-row report live here, not in a server process's memory, so any process can show or commit it.
 */
export const staffImports = pgTable(
  'staff_imports',
  {
    id: varchar({ length: 36 }).primaryKey(),
    kind: staffImportKind().notNull(),
    companyId: integer()
      .notNull()
      .references(() => companies.id, { onDelete: 'restrict' }),
    actorId: integer()
      .notNull()
      .references(() => users.id, { onDelete: 'restrict' }),
    fileName: varchar({ length: 200 }).notNull(),
    /** validating → ready → committing → committed; failed when checking broke. */
    status: varchar({ length: 20 }).notNull(),
    total: integer().notNull(),
    done: integer().notNull(),
    committed: integer().notNull(),
    valid: jsonb().$type<{ row: number; value: Record<string, unknown> }[]>().notNull(),
    errors: jsonb().$type<{ row: number; messages: string[] }[]>().notNull(),
    failure: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // an uploader's recent imports
    index('staff_imports_actor_idx').on(t.actorId, t.createdAt),
  ],
);

export type StaffRow = typeof staff.$inferSelect;
export type TrainingRow = typeof trainings.$inferSelect;
export type StaffImportRow = typeof staffImports.$inferSelect;
