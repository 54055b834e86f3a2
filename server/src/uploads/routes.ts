import { createHash } from 'node:crypto';
import type Router from '@koa/router';
import { eq } from 'drizzle-orm';
import { UNSUPPORTED_FILE_TYPE_MESSAGE, sniffUploadMime, uploadExtension, uploadUrl } from '@baotou/shared';
import type { Config } from '@baotou/config';
import type { Db } from '../db/client';
import { uploads } from '../db/schema';
import { AppError, badRequest, notFound } from '../http/errors';
import { requireActor } from '../auth/middleware';
import { writeAudit } from '../audit/audit';
import { mayReadUpload } from './access';
import { assertWithinQuota } from './quota';
import { receiveUpload } from './receive';
import { folderStorage, type UploadStorage } from './storage';
import { lockStorageKey } from './orphans';

/** The storage key of some bytes: content-addressed, so the same bytes are stored once, whoever uploads them. */
const keyOf = (sha256: string) => `${sha256.slice(0, 2)}/${sha256}`;

/**
 * `POST /api/uploads` and `GET /api/uploads/:id` (docs/API.md "Uploads"). The row is written in the
 * database and the bytes in `storage` (the UPLOAD_DIR folder by default), so any server process
 * sharing both serves an upload another received.
 */
export function registerUploadRoutes(router: Router, db: Db, config: Config, storage: UploadStorage = folderStorage(config.uploads.dir)): void {
  const { maxBytes: maxUploadBytes, quota: uploadQuota } = config.uploads;

  router.post('/api/uploads', async (ctx) => {
    const actor = requireActor(ctx);
    const file = await receiveUpload(ctx, maxUploadBytes);
    const mime = sniffUploadMime(file);
    if (!mime) throw badRequest('UNSUPPORTED_FILE_TYPE', UNSUPPORTED_FILE_TYPE_MESSAGE, { file: UNSUPPORTED_FILE_TYPE_MESSAGE });
    const sha256 = createHash('sha256').update(file).digest('hex');
    const key = keyOf(sha256);
    const row = await db.transaction(async (tx) => {
      await assertWithinQuota(tx, actor.id, file.length, uploadQuota);
      // Stored before the row commits: a row never points at missing bytes (a rolled-back row leaves
      // bytes that the same content would reuse).
      await lockStorageKey(tx, key);
      await storage.put(key, file);
      const [u] = await tx.insert(uploads).values({ ownerId: actor.id, sha256, mime, size: file.length, path: key }).returning();
      await writeAudit(tx, actor, { action: 'upload', entity: 'uploads', entityId: u.id, after: { mime, size: file.length, sha256 } });
      return u;
    });
    ctx.status = 201;
    ctx.body = { id: row.id, mime: row.mime, size: row.size, sha256: row.sha256, url: uploadUrl(row.id) };
  });

  // Served to whoever mayReadUpload allows (uploader, ticket, disclosure, ballot scan, …); to anyone else it does not exist.
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
      await writeAudit(db, actor, {
        action: 'view_personal',
        entity: 'ballots',
        entityId: grant.ballotId,
        after: { uploadId: u.id },
        regionCode: grant.regionCode,
      });
    }
    const body = await storage.get(u.path);
    if (!body) throw new AppError('FILE_GONE', 404, '文件已不存在');
    ctx.set('Content-Type', u.mime);
    ctx.set('Content-Length', String(u.size));
    ctx.set('X-Content-Type-Options', 'nosniff');
    ctx.set('Cache-Control', 'private, max-age=86400');
    // Who may read a file depends on who asks: a browser must not hand one account's copy to the next.
    ctx.set('Vary', 'Authorization');
    const pdf = u.mime === 'application/pdf';
    ctx.set('Content-Disposition', `${pdf ? 'attachment' : 'inline'}; filename="upload-${u.id}${pdf ? `.${uploadExtension(u.mime)}` : ''}"`);
    ctx.body = body;
  });
}
