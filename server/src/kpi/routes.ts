import type Router from '@koa/router';
import type { Config } from '@baotou/config';
import type { Db } from '../db/client';
import { readDb } from '../db/replica';
import { requireActor } from '../auth/middleware';
import { registerResource } from '../http/resource';
import { badRequest } from '../http/errors';
import { writeAudit } from '../audit/audit';
import { cachedKpiJson } from './cache';
import { computeKpi } from './figures';
import { KPI_READERS, parseKpiQuery } from './query';
import { readKpiReport } from './reportData';
import { kpiReportPdf, kpiReportXlsx, reportFileName } from './reportFiles';
import { kpiTargetsResource } from './targetsResource';

/** Issue 14: the seven yearly targets — targets as data, the figures by region and as at a date. */
export function registerKpiRoutes(router: Router, db: Db, config: Config): void {
  router.get('/api/kpi', async (ctx) => {
    const actor = requireActor(ctx, KPI_READERS);
    const q = parseKpiQuery(actor, ctx.query);
    const json = await cachedKpiJson(db, q, config.kpi.cacheSeconds, (targets) => computeKpi(readDb(db), q, config, targets));
    ctx.type = 'application/json';
    ctx.body = json;
  });
  // The yearly assessment report (五(三)): a district's own, or the city's; another district's is a 403.
  router.get('/api/kpi/report', async (ctx) => {
    const actor = requireActor(ctx, KPI_READERS);
    const format = ctx.query.format ?? 'pdf';
    if (format !== 'pdf' && format !== 'xlsx') throw badRequest('BAD_QUERY', 'format 只能是 pdf 或 xlsx', { format: '格式无效' });
    const q = parseKpiQuery(actor, ctx.query);
    const report = await readKpiReport(readDb(db), q, config);
    const body = format === 'pdf' ? await kpiReportPdf(report, config.pdf.cjkFontPath) : await kpiReportXlsx(report);
    await writeAudit(db, actor, {
      action: 'download_report',
      entity: 'kpi-report',
      entityId: `${q.scopeCode}-${q.year}`,
      after: { format, asOf: q.asOf },
      regionCode: q.scopeCode,
    });
    ctx.type = format === 'pdf' ? 'application/pdf' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    ctx.set(
      'Content-Disposition',
      `attachment; filename="kpi-report-${q.scopeCode}-${q.year}.${format}"; filename*=UTF-8''${encodeURIComponent(reportFileName(report, format))}`,
    );
    ctx.body = body;
  });
  registerResource(router, db, kpiTargetsResource());
}
