import type { SQL } from 'drizzle-orm';
import type { AuditAction } from '@baotou/shared';
import type { Actor } from '../auth/actor';
import type { DbOrTx } from '../db/client';
import { auditLogs } from '../db/schema';
import { insertRowAsJson } from '../db/jsonInsert';
import type { RequestOrigin } from './origin';

export interface AuditEntry {
  /** One of shared's AUDIT_ACTIONS: every action a person reads in the audit log has a Chinese label. */
  action: AuditAction;
  entity: string;
  entityId: string | number;
  before?: unknown;
  after?: unknown;
  regionCode?: string | null;
  /** With no actor (a failed sign-in): the name the request gave, e.g. the username tried. Cut to 40. */
  actorName?: string;
  /** The request's address and User-Agent when the actor does not carry them (no actor, or one built at sign-in): requestOrigin(ctx). */
  origin?: RequestOrigin;
}

/**
 * Written in the same transaction as the change it records. The row is chained into the
 * tamper-evident audit chain afterwards by the sealer (chain.ts); nothing here waits for it.
 * Address and User-Agent come from entry.origin, else from the actor (authenticate sets them).
 */
export async function writeAudit(tx: DbOrTx, actor: Actor | null, entry: AuditEntry): Promise<void> {
  await tx.execute(auditInsert(actor, entry));
}

/**
 * writeAudit's INSERT, not yet run: for a statement that writes the audit row with others (a CTE), so
 * it costs no round trip of its own. The row travels as one JSON parameter (insertRowAsJson).
 */
export function auditInsert(actor: Actor | null, entry: AuditEntry): SQL {
  return insertRowAsJson(auditLogs, auditRow(actor, entry));
}

/**
 * The audit_logs row writeAudit inserts (camelCase keys; before/after redacted, texts cut to their
 * columns), for a fixed statement that inserts rows given as JSON (jsonb_to_recordset).
 */
export function auditRow(actor: Actor | null, entry: AuditEntry) {
  const origin = entry.origin ?? actor ?? {};
  return {
    actorId: actor?.id ?? null,
    actorName: (entry.actorName ?? actor?.name ?? '系统').slice(0, 40),
    action: entry.action,
    entity: entry.entity,
    entityId: String(entry.entityId).slice(0, 40),
    before: entry.before === undefined ? null : redact(entry.before),
    after: entry.after === undefined ? null : redact(entry.after),
    regionCode: entry.regionCode ?? actor?.regionCode ?? null,
    ip: origin.ip?.slice(0, 45) ?? null,
    userAgent: origin.userAgent?.slice(0, 200) ?? null,
  };
}

/** Secrets and ciphertexts never reach the audit log. */
function redact(value: unknown): unknown {
  if (!value || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    if (/passwordHash|password|Enc$|Hash$/.test(k)) continue;
    out[k] = v;
  }
  return out;
}
