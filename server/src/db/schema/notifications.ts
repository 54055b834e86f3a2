import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, timestamp, uniqueIndex, varchar } from 'drizzle-orm/pg-core';
import { id } from './columns';
import { users } from './auth';

/**
 * The notification outbox (issue 16 §4): one row per person, channel and event, written in the
 * event's own transaction. Console rows are read in the bell; WeChat rows are sent by the dispatcher.
 */
export const notifications = pgTable(
  'notifications',
  {
    id: id(),
    userId: integer()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** NOTIFICATION_CHANNELS: console | wechat. */
    channel: varchar({ length: 10 }).notNull(),
    /** NOTIFICATION_KINDS. */
    kind: varchar({ length: 30 }).notNull(),
    /** Names the event (e.g. ticket-event:812): with user and channel, at most one message per event. */
    eventKey: varchar({ length: 80 }).notNull(),
    title: varchar({ length: 60 }).notNull(),
    body: varchar({ length: 200 }).notNull(),
    /** Where the message leads: a console route or a mini-program page. */
    link: varchar({ length: 200 }),
    entity: varchar({ length: 40 }),
    entityId: varchar({ length: 40 }),
    /** WeChat: the subscribe message's template_id, page and data. */
    payload: jsonb(),
    /** NOTIFICATION_STATUSES. */
    status: varchar({ length: 10 }).notNull().default('pending'),
    attempts: integer().notNull().default(0),
    nextAttemptAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp({ withTimezone: true }),
    lastError: varchar({ length: 200 }),
    readAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // at most one message per event, person and channel (the outbox's idempotency)
    uniqueIndex('notifications_event_uq').on(t.eventKey, t.userId, t.channel),
    // the bell: a person's console notifications, newest first
    index('notifications_user_idx').on(t.userId, t.channel, t.id),
    // the dispatcher: messages due for sending
    index('notifications_due_idx')
      .on(t.nextAttemptAt)
      .where(sql`status = 'pending'`),
  ],
);
export type NotificationRow = typeof notifications.$inferSelect;
