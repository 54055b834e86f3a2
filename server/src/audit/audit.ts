import type { Actor } from '../auth/actor';
import type { DbOrTx } from '../db/client';
import { auditLogs } from '../db/schema';

export interface AuditEntry {
  action: string;
  entity: string;
  entityId: string | number;
  before?: unknown;
  after?: unknown;
  regionCode?: string | null;
}

/** Written in the same transaction as the change it records. */
export async function writeAudit(tx: DbOrTx, actor: Actor | null, entry: AuditEntry): Promise<void> {
  await tx.insert(auditLogs).values({
    actorId: actor?.id ?? null,
    actorName: actor?.name ?? '系统',
    action: entry.action,
    entity: entry.entity,
    entityId: String(entry.entityId),
    before: entry.before === undefined ? null : redact(entry.before),
    after: entry.after === undefined ? null : redact(entry.after),
    regionCode: entry.regionCode ?? actor?.regionCode ?? null,
  });
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
