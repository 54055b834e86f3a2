import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import type Router from '@koa/router';
import type { Context } from 'koa';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Config } from '@baotou/config';
import type { Db, DbOrTx } from '../db/client';
import { uploads } from '../db/schema';
import { AppError, badRequest, notFound } from '../http/errors';
import { requireActor } from '../auth/middleware';
import type { Actor } from '../auth/actor';
import { writeAudit } from '../audit/audit';
import { mayReadUpload } from './uploadAccess';

/** The types accepted, told by their first bytes, never by a name or a header. */
export function sniffMime(buf: Buffer): 'image/jpeg' | 'image/png' | 'image/webp' | 'application/pdf' | undefined {
  if (buf.length >= 3 && buf[0] === 0xff && buf[1] === 0xd8 && buf[2] === 0xff) return 'image/jpeg';
  if (buf.length >= 8 && buf.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (buf.length >= 12 && buf.toString('latin1', 0, 4) === 'RIFF' && buf.toString('latin1', 8, 12) === 'WEBP') return 'image/webp';
  if (buf.length >= 5 && buf.toString('latin1', 0, 5) === '%PDF-') return 'application/pdf';
  return undefined;
}

/**
 * Reads the request body up to `limit` bytes. Past it, the rest is drained (up to a hard cap,
 * after which the connection is dropped) so the client still reads our 400.
 */
async function readBody(ctx: Context, limit: number): Promise<{ body: Buffer; tooLarge: boolean }> {
  const chunks: Buffer[] = [];
  let total = 0;
  const hardCap = limit * 4 + 1024 * 1024;
  for await (const chunk of ctx.req as AsyncIterable<Buffer>) {
    total += chunk.length;
    if (total > hardCap) {
      ctx.req.destroy();
      break;
    }
    if (total <= limit) chunks.push(chunk);
  }
  return { body: Buffer.concat(chunks), tooLarge: total > limit };
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

export function registerUploadRoutes(router: Router, db: Db, config: Config): void {
  const { uploadDir, maxUploadBytes } = config.tickets;
  const maxMb = Math.floor(maxUploadBytes / 1024 / 1024);

  router.post('/api/uploads', async (ctx) => {
    const actor = requireActor(ctx);
    const type = ctx.get('content-type');
    const multipart = /^multipart\/form-data/i.test(type);
    // multipart framing adds a few hundred bytes around the file
    const { body, tooLarge } = await readBody(ctx, maxUploadBytes + (multipart ? 16 * 1024 : 0));
    const file = multipart ? firstFilePart(body, type) : body;
    if (tooLarge || (file && file.length > maxUploadBytes)) throw badRequest('FILE_TOO_LARGE', `文件不能超过${maxMb}MB`);
    if (!file || file.length === 0) throw badRequest('FILE_MISSING', '请选择要上传的文件');
    const mime = sniffMime(file);
    if (!mime) throw badRequest('UNSUPPORTED_FILE_TYPE', '只能上传JPEG、PNG、WebP图片或PDF文件');
    const sha256 = createHash('sha256').update(file).digest('hex');
    const rel = path.join(sha256.slice(0, 2), sha256);
    const abs = path.resolve(uploadDir, rel);
    if (!fs.existsSync(abs)) {
      await fs.promises.mkdir(path.dirname(abs), { recursive: true });
      const tmp = `${abs}.${process.pid}.${Date.now()}.tmp`;
      await fs.promises.writeFile(tmp, file);
      await fs.promises.rename(tmp, abs);
    }
    const row = await db.transaction(async (tx) => {
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
