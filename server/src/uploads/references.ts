import { and, eq, inArray, isNull } from 'drizzle-orm';
import { UPLOAD_MIME_TYPES, canonicalUploadUrl, uploadIdOf, uploadUrl } from '@baotou/shared';
import type { Actor } from '../auth/actor';
import type { DbOrTx } from '../db/client';
import { ballots, uploads } from '../db/schema';
import { badRequest, conflict } from '../http/errors';

/** Files a user may attach to a ticket: their own, not yet used by a ticket (else 400 BAD_UPLOAD on `field`). Marks them as used by `ticketId`. */
export async function attachUploads(tx: DbOrTx, actor: Actor, ids: number[], ticketId: number, field: string): Promise<void> {
  if (!ids.length) return;
  const found = await tx
    .select({ id: uploads.id })
    .from(uploads)
    .where(and(inArray(uploads.id, ids), eq(uploads.ownerId, actor.id), isNull(uploads.ticketId)))
    .for('update');
  if (found.length !== ids.length) throw badRequest('BAD_UPLOAD', '照片无效：只能使用自己刚上传的文件', { [field]: '照片无效或已被使用' });
  await tx.update(uploads).set({ ticketId }).where(inArray(uploads.id, ids));
}

/**
 * A disclosure or ballot may reference only uploads its author uploaded (else 400 BAD_UPLOAD):
 * otherwise attaching someone's file would publish it. `carried` are URLs already on the record
 * being edited or corrected (a fellow member's attachment may stay on a corrected version).
 * Outside https links are not uploads: allowed only where `allowLinks` (disclosures may link a
 * public document; a ballot's scan must be held by the platform).
 */
export async function assertOwnUploads(
  db: DbOrTx,
  actor: Actor,
  refs: { url: string; field: string }[],
  opts: { message: string; carried?: readonly string[]; allowLinks?: boolean },
): Promise<void> {
  const keep = new Set((opts.carried ?? []).map(canonicalUploadUrl));
  const wanted = new Map<number, string>();
  for (const r of refs) {
    if ((opts.allowLinks && /^https:\/\//.test(r.url)) || keep.has(canonicalUploadUrl(r.url))) continue;
    const id = uploadIdOf(r.url);
    if (!id) throw badRequest('BAD_UPLOAD', opts.message, { [r.field]: '请上传文件' });
    if (!wanted.has(id)) wanted.set(id, r.field);
  }
  if (!wanted.size) return;
  const own = await db
    .select({ id: uploads.id })
    .from(uploads)
    .where(and(inArray(uploads.id, [...wanted.keys()]), eq(uploads.ownerId, actor.id)));
  const found = new Set(own.map((o) => o.id));
  for (const [id, field] of wanted) {
    if (!found.has(id)) throw badRequest('BAD_UPLOAD', opts.message, { [field]: '只能使用本人上传的文件' });
  }
}

/** What a ballot's scan may be: the upload's sniffed type (shared sniffUploadMime), an image or a PDF — any upload type. */
const SCAN_TYPES: readonly string[] = UPLOAD_MIME_TYPES;

/**
 * A paper or door ballot's scan is one paper: an upload the entering user made (else 400 BAD_UPLOAD),
 * an image or PDF (else 400 BAD_UPLOAD), used by no ticket and no other ballot (else 409
 * SCAN_ALREADY_USED) — like a ticket's photos, fresh and unused (issue 9 §5). The upload row is
 * locked FOR UPDATE to the end of the transaction, so parallel ballots naming one scan queue on it
 * and each later one sees the ballot the first stored. Returns the canonical URL to store.
 */
export async function claimBallotScan(tx: DbOrTx, actor: Actor, url: string): Promise<string> {
  const id = uploadIdOf(url);
  const bad = (why: string) => badRequest('BAD_UPLOAD', '扫描件无效：只能使用本人上传的文件', { scanUrl: why });
  if (!id) throw bad('请上传文件');
  const [u] = await tx
    .select({ mime: uploads.mime, ticketId: uploads.ticketId })
    .from(uploads)
    .where(and(eq(uploads.id, id), eq(uploads.ownerId, actor.id)))
    .for('update');
  if (!u) throw bad('只能使用本人上传的文件');
  if (!SCAN_TYPES.includes(u.mime)) throw bad('扫描件须为图片或PDF文件');
  const canonical = uploadUrl(id);
  const [used] = await tx.select({ id: ballots.id }).from(ballots).where(eq(ballots.scanUrl, canonical)).limit(1);
  if (u.ticketId || used) throw conflict('SCAN_ALREADY_USED', '该扫描件已被其他选票或工单使用，每张选票须上传各自的扫描件');
  return canonical;
}
