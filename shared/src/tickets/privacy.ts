import { ROLES, type Role } from '../auth/roles';
import { TICKET_LEVELS, type TicketLevel } from './enums';
import { ticketActorKind } from './transitions';

/**
 * Who reads a hotline or visit caller's name (and may ask for their full phone) in full
 * (DOMAIN.md §7: "Staff views show full data only to roles that need it"): the staff handling
 * the case at its current level — they call back — and the staff member who entered it. Everyone
 * else who may see the case, the home's resident included, sees 张* and 138****5678.
 * Throws a RangeError for a role outside ROLES or a level outside TICKET_LEVELS.
 */
export function seesTicketContactInFull(role: Role, level: TicketLevel, enteredIt: boolean): boolean {
  if (!(ROLES as readonly string[]).includes(role)) throw new RangeError(`未知角色: ${role}`);
  if (!(TICKET_LEVELS as readonly string[]).includes(level)) throw new RangeError(`未知层级: ${level}`);
  if (role === 'resident') return false;
  return enteredIt || ticketActorKind(role, level, false) === 'handler';
}
