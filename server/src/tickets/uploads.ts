import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import type Router from '@koa/router';
import type { Context } from 'koa';
import { and, eq, gt, inArray, isNull, sql } from 'drizzle-orm';
import type { Config } from '@baotou/config';
import type { Db, DbOrTx } from '../db/client';
import { uploads } from '../db/schema';
import { AppError, badRequest, notFound } from '../http/errors';
import { requireActor } from '../auth/middleware';
import type { Actor } from '../auth/actor';
import { writeAudit } from '../audit/audit';
import { mayReadUpload } from './uploadAccess';

/** Advisory-lock namespace of the per-user upload quota (the second key is the user id). */
const UPLOAD_QUOTA_LOCK = 0x75706c64; // 'upld'

/** The types accepted, told by their first bytes, never by a name or a header. */
export function sniffMime(buf: Buffer): 'image/jpeg' | 'image/png' | 'image/webp' | 'application/pdf' | undefined {
  if (buf.length >= 3 && buf[0] === 0xff && buf[1] === 0xd8 && buf[2] === 0xff) return 'image/jpeg';
  if (buf.length >= 8 && buf.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (buf.length >= 12 && buf.toString('latin1', 0, 4) === 'RIFF' && buf.toString('latin1', 8, 12) === 'WEBP') return 'image/webp';
  if (buf.length >= 5 && buf.toString('latin1', 0, 5) === '%PDF-') return 'application/pdf';
  return undefined;
}

/**
 * Reads the request body up to `limit` bytes; undefined when it is larger. A larger body is not
 * read into memory and its connection is not dropped: the caller answers 413 at once and Node
 * discards the rest of the body after the response, so the client reads our answer.
 */
async function readBody(ctx: Context, limit: number): Promise<Buffer | undefined> {
  const declared = Number(ctx.get('content-length') || 0);
  if (declared > limit) return undefined;
  const req = ctx.req;
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let total = 0;
    const done = () => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
    };
    const onData = (chunk: Buffer) => {
      total += chunk.length;
      if (total <= limit) return void chunks.push(chunk);
      done();
      req.resume(); // keep reading, into nothing
      resolve(undefined);
    };
    const onEnd = () => {
      done();
      resolve(Buffer.concat(chunks));
    };
    const onError = (err: Error) => {
      done();
      reject(err);
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
  });
}

/** The first file part of a multipart/form-data body (Taro.uploadFile and browsers send one). */
export function firstFilePart(body: Buffer, contentType: string): Buffer | undefined {
  const m = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
  if (!m) return undefined;
  const delimiter = Buffer.from(`--${m[1] ?? m[2]}`);
  let pos = body.indexOf(delimiter);
  while (pos >= 0) {
    const headerStart = pos + delimiter.length + 2; // CRLF after the delimiter
    const headerEnd = body.indexOf('\r\n\r\n', headerStart);
    if (headerEnd < 0) return undefined;
    const headers = body.toString('utf8', headerStart, headerEnd);
    const next = body.indexOf(Buffer.concat([Buffer.from('\r\n'), delimiter]), headerEnd + 4);
    if (next < 0) return undefined;
    if (/filename=/i.test(headers)) return body.subarray(headerEnd + 4, next);
    pos = next + 2;
  }
  return undefined;
}

/** Files a user may attach: their own, not yet used by a ticket. Marks them as used by `ticketId`. */
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

/** Content-addressed: the same bytes are stored once, whoever uploads them. */
async function storeFile(abs: string, file: Buffer): Promise<void> {
  if (fs.existsSync(abs)) return;
  await fs.promises.mkdir(path.dirname(abs), { recursive: true });
  const tmp = `${abs}.${process.pid}.${Date.now()}.tmp`;
  await fs.promises.writeFile(tmp, file);
  await fs.promises.rename(tmp, abs);
}

/**
 * One user's uploads in any 24 hours stay within the quota (settings UPLOAD_QUOTA_BYTES_PER_DAY,
 * UPLOAD_QUOTA_FILES_PER_DAY). Counted under a per-user lock held to the end of the transaction,
 * so parallel uploads cannot each see room for themselves. Throws 429 UPLOAD_QUOTA_EXCEEDED.
 */
export async function assertWithinQuota(tx: DbOrTx, ownerId: number, size: number, quota: { bytesPerDay: number; filesPerDay: number }): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${UPLOAD_QUOTA_LOCK}, ${ownerId})`);
  const [used] = await tx
    .select({ bytes: sql<string>`coalesce(sum(${uploads.size}), 0)`, files: sql<number>`count(*)::int` })
    .from(uploads)
    .where(and(eq(uploads.ownerId, ownerId), gt(uploads.createdAt, sql`now() - interval '1 day'`)));
  const mb = (n: number) => Math.floor(n / 1024 / 1024);
  if (used.files + 1 > quota.filesPerDay || Number(used.bytes) + size > quota.bytesPerDay) {
    throw new AppError('UPLOAD_QUOTA_EXCEEDED', 429, `24小时内最多上传${quota.filesPerDay}个文件、共${mb(quota.bytesPerDay)}MB，请稍后再试`);
  }
}

export function registerUploadRoutes(router: Router, db: Db, config: Config): void {
  const { uploadDir, maxUploadBytes, uploadQuota } = config.tickets;
  const maxMb = Math.floor(maxUploadBytes / 1024 / 1024);

  router.post('/api/uploads', async (ctx) => {
    const actor = requireActor(ctx);
    const type = ctx.get('content-type');
    const multipart = /^multipart\/form-data/i.test(type);
    // multipart framing adds a few hundred bytes around the file
    const body = await readBody(ctx, maxUploadBytes + (multipart ? 16 * 1024 : 0));
    const file = body && (multipart ? firstFilePart(body, type) : body);
    if (!body || (file && file.length > maxUploadBytes)) throw new AppError('FILE_TOO_LARGE', 413, `文件不能超过${maxMb}MB`);
    if (!file || file.length === 0) throw badRequest('FILE_MISSING', '请选择要上传的文件');
    const mime = sniffMime(file);
    if (!mime) throw badRequest('UNSUPPORTED_FILE_TYPE', '只能上传JPEG、PNG、WebP图片或PDF文件');
    const sha256 = createHash('sha256').update(file).digest('hex');
    const rel = path.join(sha256.slice(0, 2), sha256);
    const row = await db.transaction(async (tx) => {
      await assertWithinQuota(tx, actor.id, file.length, uploadQuota);
      await storeFile(path.resolve(uploadDir, rel), file);
      const [u] = await tx.insert(uploads).values({ ownerId: actor.id, sha256, mime, size: file.length, path: rel }).returning();
      await writeAudit(tx, actor, { action: 'upload', entity: 'uploads', entityId: u.id, after: { mime, size: file.length, sha256 } });
      return u;
    });
    ctx.status = 201;
    ctx.body = { id: row.id, mime: row.mime, size: row.size, sha256: row.sha256, url: `/api/uploads/${row.id}` };
  });

  // Served to whoever mayReadUpload allows (uploader, ticket, disclosure, ballot scan); to anyone else it does not exist.
  router.get('/api/uploads/:id', async (ctx) => {
    const actor = requireActor(ctx);
    const id = Number(ctx.params.id);
    if (!Number.isSafeInteger(id) || id <= 0 || id > 2147483647) throw notFound('文件');
    const [u] = await db.select().from(uploads).where(eq(uploads.id, id));
    if (!u) throw notFound('文件');
    const grant = await mayReadUpload(db, actor, u);
    if (!grant) throw notFound('文件');
    // A ballot scan shows an owner's choice: each view by someone other than its uploader is audited (DOMAIN.md §7).
    if (grant.via === 'ballot') {
      await writeAudit(db, actor, { action: 'view_personal', entity: 'ballots', entityId: grant.ballotId, after: { uploadId: u.id }, regionCode: grant.regionCode });
    }
    const abs = path.resolve(uploadDir, u.path);
    if (!fs.existsSync(abs)) throw new AppError('FILE_GONE', 404, '文件已不存在');
    ctx.set('Content-Type', u.mime);
    ctx.set('Content-Length', String(u.size));
    ctx.set('X-Content-Type-Options', 'nosniff');
    ctx.set('Cache-Control', 'private, max-age=86400');
    // Who may read a file depends on who asks: a browser must not hand one account's copy to the next.
    ctx.set('Vary', 'Authorization');
    ctx.set('Content-Disposition', `${u.mime === 'application/pdf' ? 'attachment' : 'inline'}; filename="upload-${u.id}${u.mime === 'application/pdf' ? '.pdf' : ''}"`);
    ctx.body = fs.createReadStream(abs);
  });
}
