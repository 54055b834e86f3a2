import { sql } from 'drizzle-orm';
import { index, integer, pgTable, text, timestamp, uniqueIndex, varchar } from 'drizzle-orm/pg-core';
import { id, regionCode } from './columns';
import { users } from './auth';
import { households } from './places';

/**
 * Household members (issue 16 §4): family members and tenants a home's verified owner registers;
 * a member binds with the registered name and phone and may then file repairs for the home.
 */
export const householdMembers = pgTable(
  'household_members',
  {
    id: id(),
    householdId: integer()
      .notNull()
      .references(() => households.id, { onDelete: 'cascade' }),
    compoundId: integer().notNull(),
    regionCode: regionCode(),
    /** The owner (a verified claimant of the home) who registered the member. */
    addedBy: integer()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: varchar({ length: 40 }).notNull(),
    /** HOUSEHOLD_MEMBER_RELATIONS. */
    relation: varchar({ length: 10 }).notNull(),
    phoneEnc: text().notNull(),
    phoneMasked: varchar({ length: 20 }).notNull(),
    /** Blind index of the phone (personalData.hash): the member binds by matching it. */
    phoneHash: varchar({ length: 64 }).notNull(),
    /** The member's own account, once bound. */
    userId: integer().references(() => users.id, { onDelete: 'set null' }),
    /** HOUSEHOLD_MEMBER_STATUSES. */
    status: varchar({ length: 10 }).notNull().default('invited'),
    boundAt: timestamp({ withTimezone: true }),
    removedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // one live registration per phone and home (a second one is a 409)
    uniqueIndex('household_members_phone_uq')
      .on(t.householdId, t.phoneHash)
      .where(sql`status <> 'removed'`),
    // a home's members, and what a member may file for (filing checks it)
    index('household_members_user_idx').on(t.userId, t.householdId),
    index('household_members_household_idx').on(t.householdId),
  ],
);
export type HouseholdMemberRow = typeof householdMembers.$inferSelect;
