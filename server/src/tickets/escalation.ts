import { and, asc, eq, lt, ne, sql } from 'drizzle-orm';
import { DEFAULT_TIME_LIMITS, type Config } from '@baotou/config';
import { currentDueAt, deadlinesFrom, nextLevel, shouldEscalate, TICKET_LEVEL_LABELS, type TimeLimitTable } from '@baotou/shared';
import type { Db } from '../db/client';
import { OPEN_TICKET_SQL, tickets, type TicketRow } from '../db/schema';
import { writeAudit } from '../audit/audit';
import type { TicketNotifier } from './notify';
import { addEvent } from './service';
import { autoConfirmResolved } from './autoConfirm';

export interface EscalationDeps {
  timeLimits?: TimeLimitTable;
  notifier?: TicketNotifier;
  /** Tickets moved per run; the next run takes the rest. */
  batch?: number;
}

/**
 * DOMAIN.md §6: a case that overruns its time limit moves up one level. Takes the clock as an
 * argument so tests drive it. Each case moves in its own short transaction (rows locked with SKIP
 * LOCKED, so a staff action in progress is not waited on) with its timeline event and audit row;
 * the level above is notified after commit.
 */
export async function escalateOverdue(db: Db, now: Date, deps: EscalationDeps = {}): Promise<{ id: number; from: string; to: string }[]> {
  const limits = deps.timeLimits ?? DEFAULT_TIME_LIMITS;
  const due = await db
    .select({ id: tickets.id })
    .from(tickets)
    .where(and(sql.raw(OPEN_TICKET_SQL), lt(tickets.dueAt, now), ne(tickets.level, 'district')))
    .orderBy(asc(tickets.dueAt))
    .limit(deps.batch ?? 500);
  const moved: { id: number; from: string; to: string }[] = [];
  for (const { id } of due) {
    const row = await db.transaction(async (tx) => {
      const [t] = await tx.select().from(tickets).where(eq(tickets.id, id)).for('update', { skipLocked: true });
      if (!t || !shouldEscalate(t, now)) return undefined;
      const level = nextLevel(t.level)!;
      const d = deadlinesFrom(limits, t.kind, t.category, level, now);
      const [after] = await tx
        .update(tickets)
        .set({
          level,
          status: 'submitted',
          levelEnteredAt: now,
          responseDueAt: d.responseDueAt,
          resolveDueAt: d.resolveDueAt,
          dueAt: currentDueAt('submitted', d),
          overran: true,
          escalationCount: t.escalationCount + 1,
          acceptDepartment: null,
          acceptPersonName: null,
          acceptPersonId: null,
          acceptedAt: null,
          updatedAt: now,
        })
        .where(eq(tickets.id, id))
        .returning();
      const note = `超过${t.status === 'submitted' ? '受理' : '办理'}时限，自动升级至${TICKET_LEVEL_LABELS[level]}`;
      await addEvent(tx, null, {
        ticketId: id,
        action: 'escalate',
        from: t,
        to: after,
        note,
        payload: { overdueSince: t.dueAt.toISOString(), automatic: true },
        at: now,
      });
      await writeAudit(tx, null, {
        action: 'escalate',
        entity: 'tickets',
        entityId: id,
        before: { level: t.level, status: t.status, dueAt: t.dueAt },
        after: { level, status: 'submitted', dueAt: after.dueAt },
        regionCode: t.regionCode,
      });
      await deps.notifier?.step(tx, after, `超时，已升级至${TICKET_LEVEL_LABELS[after.level]}`, now);
      await deps.notifier?.level(tx, after as TicketRow, after.level, '超时升级', now);
      return { before: t, after };
    });
    if (!row) continue;
    moved.push({ id, from: row.before.level, to: row.after.level });
    deps.notifier?.kick();
  }
  return moved;
}

/**
 * One run of the scheduler at `now`: overdue cases move up (DOMAIN.md §6), then resolved cases
 * whose resident has not answered within TICKET_AUTO_CONFIRM_DAYS are confirmed. Both steps are
 * idempotent, so a run may be replayed with the same clock.
 */
export async function runTicketScheduler(db: Db, config: Config, now: Date, notifier?: TicketNotifier) {
  const moved = await escalateOverdue(db, now, { timeLimits: config.tickets.timeLimits, notifier });
  const confirmed = await autoConfirmResolved(db, now, { days: config.tickets.autoConfirmDays, notifier });
  return { moved, confirmed };
}

/** Runs runTicketScheduler every `escalationIntervalSeconds`, one run at a time; the timer never holds the process open. */
export function startEscalationScheduler(db: Db, config: Config, notifier: TicketNotifier, log: (msg: string) => void = console.log): () => void {
  let running = false;
  const timer = setInterval(async () => {
    if (running) return;
    running = true;
    try {
      const { moved, confirmed } = await runTicketScheduler(db, config, new Date(), notifier);
      if (moved.length) log(`工单超时升级 ${moved.length} 件`);
      if (confirmed.length) log(`工单超期自动确认 ${confirmed.length} 件`);
    } catch (err) {
      log(`工单超时升级失败: ${(err as Error).message}`);
    } finally {
      running = false;
    }
  }, config.tickets.escalationIntervalSeconds * 1000);
  timer.unref();
  return () => clearInterval(timer);
}
