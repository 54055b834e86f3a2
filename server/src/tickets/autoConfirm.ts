import { and, asc, eq, lte, sql } from 'drizzle-orm';
import { autoConfirmAt, checkTransition, isAutoConfirmDue } from '@baotou/shared';
import type { Db } from '../db/client';
import { tickets } from '../db/schema';
import { writeAudit } from '../audit/audit';
import type { TicketNotifier } from './notify';
import { addEvent } from './service';

export interface AutoConfirmDeps {
  /** TICKET_AUTO_CONFIRM_DAYS. */
  days: number;
  notifier?: TicketNotifier;
  /** Cases confirmed per run; the next run takes the rest. */
  batch?: number;
}

/**
 * DOMAIN.md §6: a resolved case that its resident has neither confirmed nor rejected within
 * `days` is confirmed on their behalf — with no rating (ratings are the resident's alone), flagged
 * `autoConfirmed`, so staff may then close it. Takes the clock as an argument so tests drive it.
 * Each case changes in its own short transaction under its row lock (SKIP LOCKED: a resident
 * confirming or rejecting right now wins, and the next run sees their answer), with its timeline
 * event and audit row. Idempotent: a case is due only while still `resolved`, re-checked under
 * the lock, so a replayed run confirms nothing twice.
 */
export async function autoConfirmResolved(db: Db, now: Date, deps: AutoConfirmDeps): Promise<{ id: number }[]> {
  // resolvedAt + days ≤ now ⇔ resolvedAt ≤ now − days (autoConfirmAt also refuses a bad setting)
  const cutoff = new Date(2 * now.getTime() - autoConfirmAt(now, deps.days).getTime());
  const due = await db
    .select({ id: tickets.id })
    .from(tickets)
    .where(and(sql`status = 'resolved'`, lte(tickets.resolvedAt, cutoff)))
    .orderBy(asc(tickets.resolvedAt))
    .limit(deps.batch ?? 500);
  const confirmed: { id: number }[] = [];
  for (const { id } of due) {
    const after = await db.transaction(async (tx) => {
      const [t] = await tx.select().from(tickets).where(eq(tickets.id, id)).for('update', { skipLocked: true });
      if (!t || !isAutoConfirmDue(t, now, deps.days) || !checkTransition('confirm', t, 'system').ok) return undefined;
      const [row] = await tx
        .update(tickets)
        .set({ status: 'confirmed', confirmedAt: now, autoConfirmed: true, updatedAt: now })
        .where(eq(tickets.id, id))
        .returning();
      const note = `居民${deps.days}日内未评价，系统自动确认`;
      await addEvent(tx, null, {
        ticketId: id,
        action: 'confirm',
        from: t,
        to: row,
        note,
        payload: { automatic: true, resolvedAt: t.resolvedAt?.toISOString() },
        at: now,
      });
      await writeAudit(tx, null, {
        action: 'confirm',
        entity: 'tickets',
        entityId: id,
        before: { status: t.status, confirmedAt: null },
        after: { status: row.status, confirmedAt: row.confirmedAt, autoConfirmed: true },
        regionCode: t.regionCode,
      });
      await deps.notifier?.step(tx, row, '超期未评价，已自动确认', now);
      return row;
    });
    if (!after) continue;
    confirmed.push({ id });
    deps.notifier?.kick();
  }
  return confirmed;
}
