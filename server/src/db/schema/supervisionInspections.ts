import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, numeric, pgEnum, pgTable, timestamp, uniqueIndex, varchar } from 'drizzle-orm/pg-core';
import {
  CHECKLIST_CATEGORIES,
  HAZARD_EVENT_ACTIONS,
  HAZARD_REPORT_LEVELS,
  HAZARD_REPORT_REASONS,
  HAZARD_SEVERITIES,
  HAZARD_STATUSES,
  INSPECTION_KINDS,
  type ItemResult,
} from '@baotou/shared';
import { id, regionCode, timestamps } from './columns';
import { companies, projects } from './companies';
import { compounds } from './places';
import { users } from './auth';

export const checklistCategory = pgEnum('checklist_category', CHECKLIST_CATEGORIES);
export const hazardSeverity = pgEnum('hazard_severity', HAZARD_SEVERITIES);
export const inspectionKind = pgEnum('inspection_kind', INSPECTION_KINDS);
export const hazardStatus = pgEnum('hazard_status', HAZARD_STATUSES);
export const hazardReportLevel = pgEnum('hazard_report_level', HAZARD_REPORT_LEVELS);
export const hazardReportReason = pgEnum('hazard_report_reason', HAZARD_REPORT_REASONS);
export const hazardEventAction = pgEnum('hazard_event_action', HAZARD_EVENT_ACTIONS);

/** The checklist is data (DOMAIN.md §10), kept by city staff. */
export const inspectionChecklistItems = pgTable(
  'inspection_checklist_items',
  {
    id: id(),
    code: varchar({ length: 40 }).notNull(),
    category: checklistCategory().notNull(),
    text: varchar({ length: 300 }).notNull(),
    severity: hazardSeverity().notNull().default('general'),
    /** 公安部令第61号 Art. 31: to be corrected on the spot. */
    onSpot: boolean().notNull().default(false),
    /** A fire-lane finding is also flagged for the fire brigade. */
    fireLane: boolean().notNull().default(false),
    sourceDocument: varchar({ length: 200 }).notNull(),
    sortOrder: integer().notNull().default(0),
    active: boolean().notNull().default(true),
    ...timestamps,
  },
  (t) => [
    // one code per item (the console's duplicate check)
    uniqueIndex('inspection_checklist_items_code_idx').on(t.code),
  ],
);

export interface InspectionResultRow {
  itemId: number;
  code: string;
  category: string;
  text: string;
  severity: string;
  result: ItemResult;
  photos: string[];
  note: string | null;
  correctedOnSpot: boolean;
  rectificationPhotos: string[];
}

/** An inspection by district/street/community staff, or a company's own patrol (kind). */
export const inspections = pgTable(
  'inspections',
  {
    id: id(),
    kind: inspectionKind().notNull(),
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
    inspectorId: integer()
      .notNull()
      .references(() => users.id, { onDelete: 'restrict' }),
    inspectedAt: timestamp({ withTimezone: true }).notNull(),
    lat: numeric({ precision: 9, scale: 6 }),
    lng: numeric({ precision: 9, scale: 6 }),
    note: varchar({ length: 500 }),
    /** Items answered failed (the list's figure, and the inspection_failed credit rule). */
    failedCount: integer().notNull().default(0),
    /** Each item's result, with the item's text as it was on the day. */
    results: jsonb().$type<InspectionResultRow[]>().notNull(),
    ...timestamps,
  },
  (t) => [
    // jurisdiction filter
    index('inspections_region_idx').on(t.regionCode.op('varchar_pattern_ops')),
    // company staff scope
    index('inspections_company_idx').on(t.companyId),
    // a project's history, newest first
    index('inspections_project_idx').on(t.projectId, t.inspectedAt),
  ],
);

/** A failed item: rectified by the company, verified by the inspector, reported when overdue. */
export const hazards = pgTable(
  'hazards',
  {
    id: id(),
    inspectionId: integer()
      .notNull()
      .references(() => inspections.id, { onDelete: 'restrict' }),
    kind: inspectionKind().notNull(),
    itemId: integer()
      .notNull()
      .references(() => inspectionChecklistItems.id, { onDelete: 'restrict' }),
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
    category: checklistCategory().notNull(),
    description: varchar({ length: 700 }).notNull(),
    severity: hazardSeverity().notNull(),
    onSpot: boolean().notNull(),
    fireLane: boolean().notNull(),
    status: hazardStatus().notNull().default('open'),
    foundBy: integer()
      .notNull()
      .references(() => users.id, { onDelete: 'restrict' }),
    foundAt: timestamp({ withTimezone: true }).notNull(),
    deadlineAt: timestamp({ withTimezone: true }).notNull(),
    photos: jsonb().$type<string[]>().notNull().default([]),
    rectificationPhotos: jsonb().$type<string[]>().notNull().default([]),
    rectificationNote: varchar({ length: 500 }),
    rectifiedAt: timestamp({ withTimezone: true }),
    rectifiedBy: integer().references(() => users.id, { onDelete: 'restrict' }),
    closedAt: timestamp({ withTimezone: true }),
    closedBy: integer().references(() => users.id, { onDelete: 'restrict' }),
    reportedAt: timestamp({ withTimezone: true }),
    reportedTo: hazardReportLevel(),
    reportReason: hazardReportReason(),
    ...timestamps,
  },
  (t) => [
    // jurisdiction filter
    index('hazards_region_idx').on(t.regionCode.op('varchar_pattern_ops')),
    // company staff scope
    index('hazards_company_idx').on(t.companyId),
    // the overdue sweep: hazards not closed and not yet reported, by deadline
    index('hazards_sweep_idx')
      .on(t.deadlineAt)
      .where(sql`"status" <> 'closed' AND "reported_at" IS NULL`),
    // an inspection's findings
    index('hazards_inspection_idx').on(t.inspectionId),
  ],
);

/** A hazard's timeline: every step kept (found, rectified, accepted / rejected, reported). */
export const hazardEvents = pgTable(
  'hazard_events',
  {
    id: id(),
    hazardId: integer()
      .notNull()
      .references(() => hazards.id, { onDelete: 'cascade' }),
    action: hazardEventAction().notNull(),
    actorId: integer().references(() => users.id, { onDelete: 'restrict' }),
    actorName: varchar({ length: 40 }).notNull(),
    note: varchar({ length: 500 }),
    photos: jsonb().$type<string[]>().notNull().default([]),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // a hazard's timeline in order
    index('hazard_events_hazard_idx').on(t.hazardId, t.at),
  ],
);

export type InspectionRow = typeof inspections.$inferSelect;
export type HazardRow = typeof hazards.$inferSelect;
export type ChecklistItemRow = typeof inspectionChecklistItems.$inferSelect;
