import { and, eq, sql, type SQL } from 'drizzle-orm';
import { regionLevel } from '@baotou/shared';
import type { Actor } from '../auth/actor';
import type { DbOrTx } from '../db/client';
import { forbidden } from '../http/errors';
import { companyServes } from '../jurisdiction/scope';
import { tickets } from '../db/schema';

/**
 * Who sees which tickets (DOMAIN.md §6, §7): a resident their own; company staff their company's
 * repairs; bureau staff every case in their jurisdiction (they act only at their own level).
 * Party-building staff have no part in cases. A jurisdiction is an equality on the community,
 * street or district code column, so the queue indexes serve it.
 */
export function ticketRegionCondition(regionCode: string | undefined): SQL {
  switch (regionCode && regionLevel(regionCode)) {
    case 'city':
      return sql`true`;
    case 'district':
      return eq(tickets.districtCode, regionCode!);
    case 'street':
      return eq(tickets.streetCode, regionCode!);
    case 'community':
      return eq(tickets.regionCode, regionCode!);
    default:
      return sql`false`;
  }
}

export const TICKET_BUREAU_ROLES = ['city_admin', 'district_staff', 'street_staff', 'community_staff'] as const;
const isTicketBureau = (actor: Actor) => (TICKET_BUREAU_ROLES as readonly string[]).includes(actor.role) && !!actor.regionCode;

export function ticketReadScope(actor: Actor): SQL | 'deny' {
  if (actor.role === 'resident') return eq(tickets.residentId, actor.id);
  // 'repair' as a literal, as the company queue index's predicate: a parameter there would keep a
  // prepared statement's generic plan off that index.
  if (actor.role === 'company_staff') return actor.companyId ? and(sql`${tickets.kind} = 'repair'`, eq(tickets.companyId, actor.companyId))! : 'deny';
  if (isTicketBureau(actor)) return ticketRegionCondition(actor.regionCode);
  return 'deny';
}

export interface TicketPlace {
  residentId: number | null;
  kind: string;
  companyId: number | null;
  regionCode: string;
}

/** The same rule for one loaded row. */
export function ticketVisible(actor: Actor, t: TicketPlace): boolean {
  if (actor.role === 'resident') return t.residentId === actor.id;
  if (actor.role === 'company_staff') return !!actor.companyId && t.kind === 'repair' && t.companyId === actor.companyId;
  if (!isTicketBureau(actor)) return false;
  return regionLevel(actor.regionCode!) === 'city' || t.regionCode.startsWith(actor.regionCode!);
}

/**
 * A company acts on a case only while its contract covers the compound today (servedCompoundIds).
 * Its own past cases stay readable (they are the record of its work, ratings and disputes), but a
 * company whose contract ended — or has not begun — changes nothing: 403 CONTRACT_NOT_CURRENT.
 */
export async function refuseUnlessServing(db: DbOrTx, actor: Actor, t: { compoundId: number }): Promise<void> {
  if (actor.role !== 'company_staff') return;
  if (!(await companyServes(db, actor.companyId, t.compoundId)))
    throw forbidden('CONTRACT_NOT_CURRENT', '贵公司对该小区的物业服务合同不在有效期内，不能办理该工单');
}

/** Staff who may enter a case for a resident (hotline, visit): bureau staff, within their jurisdiction. */
export function mayEnterForResident(actor: Actor): boolean {
  return isTicketBureau(actor);
}

export function isStaffInBureau(actor: Actor): boolean {
  return isTicketBureau(actor);
}
