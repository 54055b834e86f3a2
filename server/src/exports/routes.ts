import fs from 'node:fs';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { finished } from 'node:stream/promises';
import type Router from '@koa/router';
import type { Context } from 'koa';
import { and, eq } from 'drizzle-orm';
import type { Config } from '@baotou/config';
import { EXPORT_SHEET_NAMES, SERVER_EXPORT_RESOURCES, STAFF_ROLES, exportFileNameFor, type ServerExportResource } from '@baotou/shared';
import type { Actor } from '../auth/actor';
import { requireActor } from '../auth/middleware';
import { writeAudit } from '../audit/audit';
import type { Db } from '../db/client';
import { readDb, readSnapshot } from '../db/replica';
import { jobRuns } from '../db/schema';
import { AppError, notFound } from '../http/errors';
import { compileListQuery, registeredResources, type ResourceDef } from '../http/resource';
import { defineJob, enqueueJob } from '../jobs/queue';
import { countListRows, parseExportRequest, recordExport, writeListXlsx, type ExportRequest } from './xlsx';

export const EXPORT_JOB = 'exports.xlsx';
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

interface ExportJobData extends ExportRequest {
  actor: Pick<Actor, 'id' | 'name' | 'role' | 'regionCode' | 'companyId'>;
}

/** What a finished export job returns (its job's `result`). */
export interface ExportJobResult {
  rowCount: number;
  fileName: string;
  downloadUrl: string;
  expiresAt: string;
}

function attachment(ctx: Context, fileName: string) {
  ctx.set('Content-Type', XLSX_TYPE);
  ctx.set('Content-Disposition', `attachment; filename="export.xlsx"; filename*=UTF-8''${encodeURIComponent(fileName)}`);
  ctx.set('Cache-Control', 'no-store');
}

/**
 * Server-side .xlsx exports (issue 15): `GET /api/<resource>.xlsx?sort=&filter=&purpose=` for the
 * lists in shared's EXPORT_COLUMNS. Staff only; the list's own scope, filter, sort and masking.
 * Up to EXPORT_JOB_THRESHOLD_ROWS rows: the file streams back (200). More: a background job
 * (`exports.xlsx`) writes it to EXPORT_DIR and the answer is 202 {jobId, rowCount}; GET
 * /api/jobs/:id shows progress and, when done, result.downloadUrl — `GET /api/exports/:jobId/file`,
 * for the account that asked only, audited, for EXPORT_FILE_TTL_HOURS. Either way the export's audit
 * row is committed on the primary first, and the rows are read from one REPEATABLE READ READ ONLY
 * snapshot of the replica when DATABASE_REPLICA_URL is set (readSnapshot), else of the primary.
 * 400 BAD_QUERY / BAD_FILTER / VALIDATION_FAILED (purpose), 403 ROLE_FORBIDDEN, 404 EXPORT_EXPIRED (file past its lifetime).
 */
export function registerExportRoutes(router: Router, db: Db, config: Config): void {
  const defOf = (resource: ServerExportResource): ResourceDef => {
    const def = registeredResources(router).get(resource);
    if (!def) throw notFound('导出');
    return def;
  };
  const fileOf = (jobId: string) => path.join(path.resolve(config.exports.dir), `${jobId}.xlsx`);

  defineJob<ExportJobData>(
    EXPORT_JOB,
    async (data, ctx) => {
      const def = defOf(data.resource);
      fs.mkdirSync(path.resolve(config.exports.dir), { recursive: true });
      const file = fileOf(ctx.jobId);
      // Written under a temporary name: a run killed mid-way leaves no file that looks finished, and a retry starts afresh.
      const part = `${file}.part`;
      const out = fs.createWriteStream(part);
      const done = finished(out);
      let rowCount: number;
      try {
        const actor = data.actor as Actor;
        // As the streamed export: the audit row committed on the primary first, then the rows from one snapshot of the replica.
        const total = await countListRows(readDb(db), def, actor, data);
        await db.transaction((tx) => recordExport(tx, actor, data, total));
        rowCount = await readSnapshot(db, (tx) =>
          writeListXlsx(tx, def, actor, data, out, { sheetName: EXPORT_SHEET_NAMES[data.resource], progress: ctx.progress, total }),
        );
        await done;
      } catch (err) {
        out.destroy();
        fs.rmSync(part, { force: true });
        throw err;
      }
      fs.renameSync(part, file);
      const result: ExportJobResult = {
        rowCount,
        fileName: exportFileNameFor(data.resource, new Date()),
        downloadUrl: `/api/exports/${ctx.jobId}/file`,
        expiresAt: new Date(Date.now() + config.exports.fileTtlHours * 3600_000).toISOString(),
      };
      return result;
    },
    { title: '数据导出', retryLimit: 2 },
  );

  for (const resource of SERVER_EXPORT_RESOURCES) {
    router.get(`/api/${resource}.xlsx`, async (ctx) => {
      const actor = requireActor(ctx, STAFF_ROLES);
      const def = defOf(resource);
      const request = parseExportRequest(resource, ctx.query);
      compileListQuery(def, actor, request.query); // a refused query is refused before anything starts
      const total = await countListRows(readDb(db), def, actor, request);
      if (total > config.exports.jobThresholdRows) {
        const who = { id: actor.id, name: actor.name, role: actor.role, regionCode: actor.regionCode, companyId: actor.companyId };
        const { jobId } = await enqueueJob<ExportJobData>(EXPORT_JOB, { ...request, actor: who }, actor);
        ctx.status = 202;
        ctx.body = { jobId, rowCount: total };
        return;
      }
      // Who exported what is committed on the primary before the first byte leaves; the rows are
      // then read from one consistent snapshot of the replica (the primary without one), streamed as read.
      await db.transaction((tx) => recordExport(tx, actor, request, total));
      const body = new PassThrough();
      attachment(ctx, exportFileNameFor(resource, new Date()));
      ctx.set('X-Row-Count', String(total));
      ctx.body = body;
      void readSnapshot(db, (tx) => writeListXlsx(tx, def, actor, request, body, { sheetName: EXPORT_SHEET_NAMES[resource], total })).catch((err) =>
        body.destroy(err),
      );
    });
  }

  router.get('/api/exports/:jobId/file', async (ctx) => {
    const actor = requireActor(ctx, STAFF_ROLES);
    if (!/^[0-9a-f-]{36}$/.test(ctx.params.jobId)) throw notFound('导出文件');
    const [job] = await db
      .select()
      .from(jobRuns)
      .where(and(eq(jobRuns.id, ctx.params.jobId), eq(jobRuns.name, EXPORT_JOB), eq(jobRuns.state, 'completed')));
    // Only the account that asked for the export downloads it (the file carries its purpose).
    if (!job || job.actorId !== actor.id) throw notFound('导出文件');
    const result = job.result as ExportJobResult;
    const file = fileOf(job.id);
    if (new Date(result.expiresAt).getTime() < Date.now() || !fs.existsSync(file)) {
      fs.rmSync(file, { force: true });
      throw new AppError('EXPORT_EXPIRED', 404, '导出文件已过期，请重新导出');
    }
    await db.transaction((tx) =>
      writeAudit(tx, actor, { action: 'download_export', entity: 'jobs', entityId: job.id, after: { fileName: result.fileName, rowCount: result.rowCount } }),
    );
    attachment(ctx, result.fileName);
    ctx.body = fs.createReadStream(file);
  });
}

/** Deletes export files past EXPORT_FILE_TTL_HOURS (a periodic job). Returns how many went. */
export function removeExpiredExports(config: Config, now = Date.now()): number {
  const dir = path.resolve(config.exports.dir);
  if (!fs.existsSync(dir)) return 0;
  let removed = 0;
  for (const name of fs.readdirSync(dir)) {
    const file = path.join(dir, name);
    if (now - fs.statSync(file).mtimeMs > config.exports.fileTtlHours * 3600_000) {
      fs.rmSync(file, { force: true });
      removed++;
    }
  }
  return removed;
}
