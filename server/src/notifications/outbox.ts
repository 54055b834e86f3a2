import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
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
    .values(rows.map((r) => ({ userId: r.userId, ...outboxValues(r, now) })))
    .onConflictDoNothing();
}

/** A notification as its outbox row (lengths cut to the columns'; console rows are delivered by being written). */
function outboxValues(r: Omit<NotificationInput, 'userId'>, now: Date) {
  if (!NOTIFICATION_CHANNELS.includes(r.channel)) throw new RangeError(`channel ${r.channel}`);
  if (!NOTIFICATION_KINDS.includes(r.kind)) throw new RangeError(`kind ${r.kind}`);
  return {
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
}

/**
 * notify for whichever users `where` (a condition on the users table) finds, as ONE statement
 * (INSERT … SELECT, no read first): each message of `messages` goes to every user found — a WeChat
 * one only to those who linked WeChat, as the dispatcher would skip the others. Run it in the
 * event's transaction, alone or as a CTE of a larger statement; undefined when there is nothing to write.
 */
export function notifyUsersSql(messages: Omit<NotificationInput, 'userId'>[], where: SQL, now = new Date()): SQL | undefined {
  if (!messages.length) return undefined;
  const selects = messages.map((m) => {
    const v = outboxValues(m, now);
    return sql`SELECT ${users.id}, ${v.channel}::varchar, ${v.kind}::varchar, ${v.eventKey}::varchar, ${v.title}::varchar, ${v.body}::varchar,
      ${v.link}::varchar, ${v.entity}::varchar, ${v.entityId}::varchar, ${v.payload === null ? null : JSON.stringify(v.payload)}::jsonb, ${v.status}::varchar,
      ${v.sentAt?.toISOString() ?? null}::timestamptz, ${now.toISOString()}::timestamptz, ${now.toISOString()}::timestamptz
      FROM ${users} WHERE ${where}${m.channel === 'wechat' ? sql` AND ${users.openid} IS NOT NULL` : sql``}`;
  });
  return sql`INSERT INTO ${notifications} (user_id, channel, kind, event_key, title, body, link, entity, entity_id, payload, status, sent_at, created_at, next_attempt_at)
    ${sql.join(selects, sql` UNION ALL `)}
    ON CONFLICT DO NOTHING`;
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
