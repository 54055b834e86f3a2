import { sql } from 'drizzle-orm';
import { type AnyPgColumn, date, index, integer, jsonb, pgEnum, pgTable, smallint, text, timestamp, uniqueIndex, varchar } from 'drizzle-orm/pg-core';
import {
  CROSS_APPOINTMENT_KINDS,
  PARTY_GENDERS,
  PARTY_IMPORT_KINDS,
  PARTY_MEMBER_ROLES,
  PARTY_ORG_SETTINGS,
  PARTY_ORG_TYPES,
  RED_PROJECT_RESULTS,
} from '@baotou/shared';
import { id, regionCode, timestamps } from './columns';
import { companies } from './companies';
import { compounds } from './places';
import { users } from './auth';

export const partyOrgType = pgEnum('party_org_type', PARTY_ORG_TYPES);
export const partyOrgSetting = pgEnum('party_org_setting', PARTY_ORG_SETTINGS);
export const partyMemberRole = pgEnum('party_member_role', PARTY_MEMBER_ROLES);
export const partyGender = pgEnum('party_gender', PARTY_GENDERS);
export const crossAppointmentKind = pgEnum('cross_appointment_kind', CROSS_APPOINTMENT_KINDS);
export const redProjectResult = pgEnum('red_project_result', RED_PROJECT_RESULTS);
export const partyImportKind = pgEnum('party_import_kind', PARTY_IMPORT_KINDS);

/** 党组织: the industry committee, organisations in companies, owners' committees and compounds. */
export const partyOrgs = pgTable(
  'party_orgs',
  {
    id: id(),
    type: partyOrgType().notNull(),
    setting: partyOrgSetting().notNull(),
    name: varchar({ length: 100 }).notNull(),
    parentId: integer().references((): AnyPgColumn => partyOrgs.id, { onDelete: 'restrict' }),
    secretaryName: varchar({ length: 40 }),
    foundedOn: date().notNull(),
    /** Members as the organisation reports them (the registry's member rows may lag behind). */
    memberCount: integer().notNull(),
    companyId: integer().references(() => companies.id, { onDelete: 'restrict' }),
    compoundId: integer().references(() => compounds.id, { onDelete: 'restrict' }),
    /** The compound's community, the company's registered region, or the city for the industry committee. */
    regionCode: regionCode(),
    ...timestamps,
  },
  (t) => [
    // imports name organisations: one name, one organisation
    uniqueIndex('party_orgs_name_idx').on(t.name),
    // jurisdiction filter
    index('party_orgs_region_idx').on(t.regionCode.op('varchar_pattern_ops')),
    // "does this company have a party organisation" (stats, public page)
    index('party_orgs_company_idx').on(t.companyId),
    // a compound's / committee's organisation (public page)
    index('party_orgs_compound_idx').on(t.compoundId),
    // children of an organisation
    index('party_orgs_parent_idx').on(t.parentId),
  ],
);

/** 党员: placed by employer (company staff, project manager) or committee role. */
export const partyMembers = pgTable(
  'party_members',
  {
    id: id(),
    name: varchar({ length: 40 }).notNull(),
    gender: partyGender().notNull(),
    joinedOn: date().notNull(),
    orgId: integer()
      .notNull()
      .references(() => partyOrgs.id, { onDelete: 'restrict' }),
    role: partyMemberRole().notNull(),
    employerCompanyId: integer().references(() => companies.id, { onDelete: 'restrict' }),
    /** The compound the member serves (project staff) or sits on the committee of. */
    compoundId: integer().references(() => compounds.id, { onDelete: 'restrict' }),
    /** The compound's community, a community worker's community, else the organisation's region. */
    regionCode: regionCode(),
    phoneEnc: text(),
    phoneMasked: varchar({ length: 20 }),
    phoneHash: varchar({ length: 64 }),
    ...timestamps,
  },
  (t) => [
    index('party_members_region_idx').on(t.regionCode.op('varchar_pattern_ops')),
    // members of an organisation
    index('party_members_org_idx').on(t.orgId),
    // members per company (stats: members as a share of staff)
    index('party_members_employer_idx').on(t.employerCompanyId),
    // members serving a compound (public page, stats)
    index('party_members_compound_idx').on(t.compoundId),
    // one member per person: same name and phone refused
    uniqueIndex('party_members_name_phone_idx')
      .on(t.name, t.phoneHash)
      .where(sql`${t.phoneHash} IS NOT NULL`),
    // search by name
    index('party_members_name_idx').on(t.name),
  ],
);

/** 双向进入、交叉任职. */
export const crossAppointments = pgTable(
  'cross_appointments',
  {
    id: id(),
    memberId: integer()
      .notNull()
      .references(() => partyMembers.id, { onDelete: 'restrict' }),
    kind: crossAppointmentKind().notNull(),
    /** The community (12 digits) whose party organisation or owners' committee the person serves. */
    regionCode: regionCode(),
    /** The owners' committee's compound, where one is concerned. */
    compoundId: integer().references(() => compounds.id, { onDelete: 'restrict' }),
    startDate: date().notNull(),
    endDate: date(),
    ...timestamps,
  },
  (t) => [
    index('cross_appointments_region_idx').on(t.regionCode.op('varchar_pattern_ops')),
    // a member's appointments
    index('cross_appointments_member_idx').on(t.memberId),
    // committees with cross-appointments (stats)
    index('cross_appointments_compound_idx').on(t.compoundId),
  ],
);

/** 红色物业示范项目. */
export const redProjects = pgTable(
  'red_projects',
  {
    id: id(),
    compoundId: integer()
      .notNull()
      .references(() => compounds.id, { onDelete: 'restrict' }),
    regionCode: regionCode(),
    designation: varchar({ length: 60 }).notNull(),
    year: smallint().notNull(),
    result: redProjectResult().notNull().default('pending'),
    ...timestamps,
  },
  (t) => [
    index('red_projects_region_idx').on(t.regionCode.op('varchar_pattern_ops')),
    // a compound's designations (public badge); one designation per compound and year
    uniqueIndex('red_projects_compound_year_idx').on(t.compoundId, t.year, t.designation),
  ],
);

export type PartyOrg = typeof partyOrgs.$inferSelect;
/**
 * A registry import between upload and commit (issue 15, "more than one server"): the checked rows
 * (phones already encrypted) and the row-by-row report live here, not in a server process's memory,
 * so any process can show or commit it and a restart loses nothing. As staff_imports (issue 12).
 */
export const partyImports = pgTable(
  'party_imports',
  {
    id: varchar({ length: 36 }).primaryKey(),
    kind: partyImportKind().notNull(),
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
    index('party_imports_actor_idx').on(t.actorId, t.createdAt),
  ],
);

export type NewPartyOrg = typeof partyOrgs.$inferInsert;
export type PartyMember = typeof partyMembers.$inferSelect;
export type NewPartyMember = typeof partyMembers.$inferInsert;
export type CrossAppointmentRow = typeof crossAppointments.$inferSelect;
export type RedProject = typeof redProjects.$inferSelect;
