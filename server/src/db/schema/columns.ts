import { integer, timestamp, varchar } from 'drizzle-orm/pg-core';

/** Shared column helpers spread into tables. */
export const id = () => integer().primaryKey().generatedAlwaysAsIdentity();
export const timestamps = {
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
};
/** The region code a row belongs to, for the jurisdiction prefix filter. */
export const regionCode = () => varchar({ length: 12 }).notNull();
