import { and, eq, inArray, type SQL } from 'drizzle-orm';
import type { Config } from '@baotou/config';
import {
  clipWechatValue as clip,
  LEVEL_HANDLER_ROLES,
  TICKET_CATEGORY_LABELS,
  TICKET_KIND_LABELS,
  TICKET_LEVEL_LABELS,
  TICKET_STATUS_LABELS,
  type Role,
  type TicketCategory,
  type TicketKind,
  type TicketLevel,
  type TicketStatus,
} from '@baotou/shared';
import type { Tx } from '../db/client';
import { users } from '../db/schema';
import { notifyUsersSql } from '../notifications/outbox';
import type { NotificationDispatcher } from '../notifications/dispatcher';

export interface NotifiedTicket {
  id: number;
  kind: TicketKind;
  category: TicketCategory;
  status: TicketStatus;
  level: TicketLevel;
  residentId: number | null;
  companyId: number | null;
  regionCode: string;
  streetCode: string;
  districtCode: string;
}

/** Status labels longer than a WeChat phrase (≤ 5 characters), said short rather than clipped. */
const PHRASE: Partial<Record<TicketStatus, string>> = { confirmed: '已确认' };

const pad = (n: number) => String(n).padStart(2, '0');
function beijingTime(d: Date): string {
  const b = new Date(d.getTime() + 8 * 3600_000);
  return `${b.getUTCFullYear()}-${pad(b.getUTCMonth() + 1)}-${pad(b.getUTCDate())} ${pad(b.getUTCHours())}:${pad(b.getUTCMinutes())}`;
}

/** One event of a ticket: its state after the step and the step's time (the row is locked, so this is unique). */
const eventKey = (t: NotifiedTicket, at: Date) => `ticket:${t.id}:${t.status}:${t.level}:${at.getTime()}`;

/**
 * Ticket notifications (issue 16 §4) through the outbox: `step` and `level` write the rows in the
 * step's own transaction (`stepSql` / `levelSql`: the same writes as statements, for a step that folds
 * them into one statement with its event and audit row); `kick` asks the dispatcher to send the WeChat ones once it has committed.
 * Residents get a subscribe message (订阅消息) at each step of their case; staff of the level a case
 * reaches see it in the console's notification list (and, if they linked WeChat, on WeChat too).
 */
export function createTicketNotifier(config: Config, dispatcher?: NotificationDispatcher) {
  function message(t: NotifiedTicket, note: string, at: Date) {
    return {
      template_id: config.tickets.wechatTemplateId,
      page: `packages/tickets/detail/index?id=${t.id}`,
      data: {
        character_string1: { value: `T${t.id}` },
        thing2: { value: clip(`${TICKET_KIND_LABELS[t.kind]}·${TICKET_CATEGORY_LABELS[t.category]}`, 20) },
        phrase3: { value: PHRASE[t.status] ?? clip(TICKET_STATUS_LABELS[t.status], 5) },
        time4: { value: beijingTime(at) },
        thing5: { value: clip(note, 20) },
      },
    };
  }

  /** Enabled staff handling a level's queue for this ticket (a condition on users); undefined when nobody does (a company level with no company). */
  function staffOfLevel(t: NotifiedTicket, level: TicketLevel): SQL | undefined {
    const base = eq(users.disabled, false);
    if (level === 'company') return t.companyId ? and(base, eq(users.role, 'company_staff'), eq(users.companyId, t.companyId)) : undefined;
    const code = level === 'community' ? t.regionCode : level === 'street' ? t.streetCode : t.districtCode;
    const roles = LEVEL_HANDLER_ROLES[level].filter((r) => r !== 'city_admin') as Role[];
    return and(base, inArray(users.role, roles), eq(users.regionCode, code));
  }

  /** The resident's message for a step of their case (WeChat, if they linked it): one INSERT … SELECT, or undefined. */
  function stepSql(t: NotifiedTicket, note: string, at: Date): SQL | undefined {
    if (!t.residentId) return undefined;
    return notifyUsersSql(
      [
        {
          channel: 'wechat',
          kind: 'ticket_progress',
          eventKey: eventKey(t, at),
          title: `工单T${t.id}${TICKET_STATUS_LABELS[t.status]}`,
          body: note,
          link: `packages/tickets/detail/index?id=${t.id}`,
          entity: 'tickets',
          entityId: t.id,
          payload: message(t, note, at),
        },
      ],
      eq(users.id, t.residentId),
    );
  }

  /** The level's staff: the console's list, and WeChat for those who linked it. One INSERT … SELECT, or undefined. */
  function levelSql(t: NotifiedTicket, level: TicketLevel, note: string, at: Date): SQL | undefined {
    const where = staffOfLevel(t, level);
    if (!where) return undefined;
    const title = `${TICKET_LEVEL_LABELS[level]}待受理工单T${t.id}`;
    const body = `${note}：${TICKET_KIND_LABELS[t.kind]}·${TICKET_CATEGORY_LABELS[t.category]}`;
    const common = { kind: 'ticket_queue' as const, eventKey: eventKey(t, at), title, body, entity: 'tickets', entityId: t.id };
    return notifyUsersSql(
      [
        { ...common, channel: 'console', link: `/tickets/${t.id}/show` },
        { ...common, channel: 'wechat', payload: message(t, `${TICKET_LEVEL_LABELS[level]}待受理: ${note}`, at) },
      ],
      where,
    );
  }

  return {
    stepSql,
    levelSql,
    /** The resident hears of each step of their case (a WeChat subscribe message). */
    async step(tx: Tx, t: NotifiedTicket, note: string, at: Date): Promise<void> {
      const q = stepSql(t, note, at);
      if (q) await tx.execute(q);
    },
    /** Staff at the level a case has reached: the console's list, and WeChat for those who linked it. */
    async level(tx: Tx, t: NotifiedTicket, level: TicketLevel, note: string, at: Date): Promise<void> {
      const q = levelSql(t, level, note, at);
      if (q) await tx.execute(q);
    },
    /** After the step commits: send what it wrote. */
    kick(): void {
      dispatcher?.kick();
    },
    /** Resolves when the messages kicked so far are sent (tests, shutdown). */
    async settled(): Promise<void> {
      await dispatcher?.settled();
    },
  };
}
export type TicketNotifier = ReturnType<typeof createTicketNotifier>;
