import { and, eq, inArray } from 'drizzle-orm';
import type { NotificationChannel, NotificationKind, Role } from '@baotou/shared';
import { NOTIFICATION_CHANNELS, NOTIFICATION_KINDS } from '@baotou/shared';
import type { DbOrTx, Tx } from '../db/client';
import { notifications, users } from '../db/schema';

export interface NotificationInput {
  userId: number;
  channel: NotificationChannel;
  kind: NotificationKind;
  /** Names the event; with user and channel, a second write of the same event is a no-op. */
  eventKey: string;
  title: string;
  body: string;
  link?: string | null;
  entity?: string;
  entityId?: string | number;
  /** WeChat rows: { template_id, page, data } of the subscribe message. */
  payload?: unknown;
}

const cut = (s: string, n: number) => Array.from(s).slice(0, n).join('');

/**
 * Writes notifications in the caller's transaction (the outbox): they exist if and only if the
 * event commits. Console rows are delivered by being written; WeChat rows wait for the dispatcher.
 * The unique (event_key, user_id, channel) index makes a repeated event write nothing.
 */
export async function notify(tx: Tx, rows: NotificationInput[]): Promise<void> {
  if (!rows.length) return;
  const now = new Date();
  await tx
    .insert(notifications)
    .values(
      rows.map((r) => {
        if (!NOTIFICATION_CHANNELS.includes(r.channel)) throw new RangeError(`channel ${r.channel}`);
        if (!NOTIFICATION_KINDS.includes(r.kind)) throw new RangeError(`kind ${r.kind}`);
        return {
          userId: r.userId,
          channel: r.channel,
          kind: r.kind,
          eventKey: cut(r.eventKey, 80),
          title: cut(r.title, 60),
          body: cut(r.body, 200),
          link: r.link ?? null,
          entity: r.entity ?? null,
          entityId: r.entityId === undefined ? null : String(r.entityId),
          payload: r.payload ?? null,
          status: r.channel === 'console' ? 'sent' : 'pending',
          sentAt: r.channel === 'console' ? now : null,
          createdAt: now,
          nextAttemptAt: now,
        };
      }),
    )
    .onConflictDoNothing();
}

/** Enabled staff of these roles placed exactly at this region code (the level a queue belongs to). */
export async function staffAt(db: DbOrTx, roles: readonly Role[], regionCode: string): Promise<number[]> {
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(and(inArray(users.role, roles as Role[]), eq(users.regionCode, regionCode), eq(users.disabled, false)));
  return rows.map((r) => r.id);
}

/** Enabled staff of a property company. */
export async function companyStaff(db: DbOrTx, companyId: number): Promise<number[]> {
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, 'company_staff'), eq(users.companyId, companyId), eq(users.disabled, false)));
  return rows.map((r) => r.id);
}

/** Staff whose jurisdiction contains this region code, of these roles (e.g. reviewers of a claim). */
export async function staffOver(db: DbOrTx, roles: readonly Role[], regionCode: string): Promise<number[]> {
  // A region code's ancestors are its 6-, 9- and 12-digit prefixes, and the city (4 digits + 00).
  const ancestors = [regionCode.slice(0, 4) + '00', regionCode.slice(0, 6), regionCode.slice(0, 9), regionCode.slice(0, 12)].filter(
    (c, i, a) => c && a.indexOf(c) === i,
  );
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(and(inArray(users.role, roles as Role[]), inArray(users.regionCode, ancestors), eq(users.disabled, false)));
  return rows.map((r) => r.id);
}
