import type { TicketStatus } from './enums';

const DAY_MS = 86_400_000;

/**
 * When a resolved case is confirmed on the resident's behalf (DOMAIN.md §6: "an automatic
 * confirmation after a set number of days (default 7)"): `resolvedAt` plus `days` × 24 hours.
 * `days` is the TICKET_AUTO_CONFIRM_DAYS setting, a whole number ≥ 1; anything else throws.
 */
export function autoConfirmAt(resolvedAt: Date, days: number): Date {
  if (!Number.isSafeInteger(days) || days < 1) throw new RangeError(`自动确认天数必须是正整数: ${days}`);
  return new Date(resolvedAt.getTime() + days * DAY_MS);
}

/**
 * Is the case still waiting for its resident and past the automatic-confirmation time at `now`?
 * Only a `resolved` case waits (confirmed, closed or reopened cases never do); the moment itself
 * counts as due. Throws as autoConfirmAt for a bad `days`.
 */
export function isAutoConfirmDue(t: { status: TicketStatus; resolvedAt: Date | null }, now: Date, days: number): boolean {
  if (t.status !== 'resolved' || !t.resolvedAt) return false;
  return autoConfirmAt(t.resolvedAt, days).getTime() <= now.getTime();
}
