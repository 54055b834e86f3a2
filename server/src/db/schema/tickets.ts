import { sql } from 'drizzle-orm';
import { bigint, boolean, check, index, integer, jsonb, pgEnum, pgTable, smallint, text, timestamp, varchar } from 'drizzle-orm/pg-core';
import { ALL_TICKET_CATEGORIES, COMPLAINT_TARGETS, TICKET_CHANNELS, TICKET_KINDS, TICKET_LEVELS, TICKET_STATUSES } from '@baotou/shared';
import { id, timestamps } from './columns';
import { users } from './auth';
import { compounds, households } from './places';
import { companies } from './companies';

export const ticketKind = pgEnum('ticket_kind', TICKET_KINDS);
export const ticketCategory = pgEnum('ticket_category', ALL_TICKET_CATEGORIES);
export const complaintTarget = pgEnum('complaint_target', COMPLAINT_TARGETS);
export const ticketLevel = pgEnum('ticket_level', TICKET_LEVELS);
export const ticketStatus = pgEnum('ticket_status', TICKET_STATUSES);
export const ticketChannel = pgEnum('ticket_channel', TICKET_CHANNELS);

/** The queues' partial indexes cover open tickets only; the list query renders this same literal. */
export const OPEN_TICKET_SQL = `status IN ('submitted', 'accepted', 'dispatched', 'in_progress')`;
const open = sql.raw(OPEN_TICKET_SQL);

/** Repairs, complaints and disputes (DOMAIN.md §6). One row per case; its history is in ticket_events. */
export const tickets = pgTable(
  'tickets',
  {
    id: id(),
    compoundId: integer()
      .notNull()
      .references(() => compounds.id, { onDelete: 'restrict' }),
    /** The compound's community, street and district: the queues filter each by equality. */
    regionCode: varchar({ length: 12 }).notNull(),
    streetCode: varchar({ length: 9 }).notNull(),
    districtCode: varchar({ length: 6 }).notNull(),
    householdId: integer().references(() => households.id, { onDelete: 'restrict' }),
    residentId: integer().references(() => users.id, { onDelete: 'set null' }),
    createdById: integer().references(() => users.id, { onDelete: 'set null' }),
    channel: ticketChannel().notNull(),
    kind: ticketKind().notNull(),
    category: ticketCategory().notNull(),
    against: complaintTarget(),
    description: text().notNull(),
    photos: integer()
      .array()
      .notNull()
      .default(sql`'{}'::integer[]`),
    preferredTime: varchar({ length: 40 }),
    contactName: varchar({ length: 40 }),
    contactPhoneEnc: text(),
    contactPhoneMasked: varchar({ length: 20 }),
    level: ticketLevel().notNull(),
    status: ticketStatus().notNull(),
    /** The company serving the compound when the case was filed (its current service project). */
    companyId: integer().references(() => companies.id, { onDelete: 'set null' }),
    // 受理部门、受理人员、受理时限、受理结果: public to the compound's residents (person masked)
    acceptDepartment: varchar({ length: 60 }),
    acceptPersonName: varchar({ length: 40 }),
    acceptPersonId: integer(),
    acceptedAt: timestamp({ withTimezone: true }),
    result: text(),
    resultPhotos: integer()
      .array()
      .notNull()
      .default(sql`'{}'::integer[]`),
    workerName: varchar({ length: 40 }),
    workerPhoneMasked: varchar({ length: 20 }),
    workerPhoneEnc: text(),
    dispatchedAt: timestamp({ withTimezone: true }),
    startedAt: timestamp({ withTimezone: true }),
    resolvedAt: timestamp({ withTimezone: true }),
    confirmedAt: timestamp({ withTimezone: true }),
    /** Confirmed by the scheduler after TICKET_AUTO_CONFIRM_DAYS, not by the resident (so no rating). */
    autoConfirmed: boolean().notNull().default(false),
    closedAt: timestamp({ withTimezone: true }),
    /** When the case arrived at its current level; the deadlines count from here. */
    levelEnteredAt: timestamp({ withTimezone: true }).notNull(),
    responseDueAt: timestamp({ withTimezone: true }).notNull(),
    resolveDueAt: timestamp({ withTimezone: true }).notNull(),
    /** The deadline that matters now (response while 待受理, completion after): the queues sort by it. */
    dueAt: timestamp({ withTimezone: true }).notNull(),
    rating: smallint(),
    ratingTags: varchar({ length: 20 }).array(),
    ratingComment: varchar({ length: 200 }),
    rejectedOnce: boolean().notNull().default(false),
    rejectReason: varchar({ length: 500 }),
    answer: text(),
    answeredAt: timestamp({ withTimezone: true }),
    /** A deadline was missed at some level (on-time rate). */
    overran: boolean().notNull().default(false),
    escalationCount: smallint().notNull().default(0),
    ...timestamps,
  },
  (t) => [
    // a level's queue across the city, sorted by time left (open tickets only)
    index('tickets_queue_city_idx').on(t.level, t.dueAt).where(open),
    // a level's queue in a district / street / community, sorted by time left
    index('tickets_queue_district_idx').on(t.level, t.districtCode, t.dueAt).where(open),
    index('tickets_queue_street_idx').on(t.level, t.streetCode, t.dueAt).where(open),
    index('tickets_queue_community_idx').on(t.level, t.regionCode, t.dueAt).where(open),
    // a company's open repairs at a level (its queue), sorted by time left; the level in the key keeps
    // the queue's count in the index (without it, each of the company's open repairs is read from the table)
    index('tickets_queue_company_idx')
      .on(t.companyId, t.level, t.dueAt)
      .where(sql`kind = 'repair' AND ${open}`),
    // the scheduler's sweep: open tickets past their deadline
    index('tickets_due_idx').on(t.dueAt).where(open),
    // the scheduler's automatic confirmation: cases waiting for their resident, oldest result first
    index('tickets_confirm_due_idx')
      .on(t.resolvedAt)
      .where(sql`status = 'resolved'`),
    // a resident's own tickets, newest first
    index('tickets_resident_idx').on(t.residentId, t.id),
    // a compound's public acceptance list; the list filtered by compound
    index('tickets_compound_idx').on(t.compoundId, t.id),
    // statistics over a period (received in [from, to)): every column the counts read, so a year of
    // a city is an index-only scan
    index('tickets_stats_idx').on(
      t.createdAt,
      t.districtCode,
      t.streetCode,
      t.regionCode,
      t.compoundId,
      t.companyId,
      t.kind,
      t.status,
      t.resolvedAt,
      t.overran,
      t.rating,
      t.escalationCount,
    ),
    check('tickets_rating_range', sql`${t.rating} IS NULL OR ${t.rating} BETWEEN 1 AND 5`),
    check('tickets_photos_max', sql`cardinality(${t.photos}) <= 9 AND cardinality(${t.resultPhotos}) <= 9`),
  ],
);
export type TicketRow = typeof tickets.$inferSelect;
export type NewTicketRow = typeof tickets.$inferInsert;

/** A ticket's timeline: one row per step, never updated. */
export const ticketEvents = pgTable(
  'ticket_events',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    ticketId: integer()
      .notNull()
      .references(() => tickets.id, { onDelete: 'cascade' }),
    action: varchar({ length: 20 }).notNull(),
    fromStatus: ticketStatus(),
    toStatus: ticketStatus().notNull(),
    fromLevel: ticketLevel(),
    toLevel: ticketLevel().notNull(),
    actorId: integer(),
    actorName: varchar({ length: 40 }).notNull(),
    actorRole: varchar({ length: 20 }).notNull(),
    note: text(),
    payload: jsonb(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // a ticket's timeline in order
    index('ticket_events_ticket_idx').on(t.ticketId, t.id),
  ],
);
export type TicketEventRow = typeof ticketEvents.$inferSelect;

/** Photos and PDFs; the type is sniffed from the content, the file stored under its sha256. */
export const uploads = pgTable(
  'uploads',
  {
    id: id(),
    ownerId: integer()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    sha256: varchar({ length: 64 }).notNull(),
    mime: varchar({ length: 40 }).notNull(),
    size: integer().notNull(),
    path: varchar({ length: 300 }).notNull(),
    /** The ticket using this file (set when attached; a file serves one ticket). */
    ticketId: integer().references(() => tickets.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // an uploader's files
    index('uploads_owner_idx').on(t.ownerId),
    // a ticket's files
    index('uploads_ticket_idx').on(t.ticketId),
    // the hourly orphan sweep asks which stored files any row still names
    index('uploads_path_idx').on(t.path),
  ],
);
export type UploadRow = typeof uploads.$inferSelect;
