import type Router from '@koa/router';
import type { Context } from 'koa';
import type { Config } from '@baotou/config';
import { subsidyBatchSchema } from '@baotou/shared';
import type { Db } from '../db/client';
import { requireActor } from '../auth/middleware';
import { getPresented, registerResource } from '../http/resource';
import { notFound } from '../http/errors';
import { draftSubsidyBatch, stepSubsidyBatch, subsidyBatchesResource, subsidyBatchWorkbook, subsidyLinesResource, subsidyUsagesResource } from './subsidy';
import { routeId } from '../http/routeId';

const idParam = (raw: string) => routeId(raw, '补贴批次');

/** Subsidy batches (draft, approve, pay, export), their read-only lines, and the companies' usage records. */
export function registerSubsidyRoutes(router: Router, db: Db, config: Config): void {
  const batches = subsidyBatchesResource();
  const visible = async (ctx: Context, id: number) => {
    const actor = requireActor(ctx);
    const row = await getPresented(db, batches, actor, id);
    if (!row) throw notFound('补贴批次');
    return { actor, row };
  };
  router.post('/api/subsidy-batches', async (ctx) => {
    const actor = requireActor(ctx, ['district_staff', 'city_admin']);
    const id = await draftSubsidyBatch(db, config.quasiSubsidy, actor, subsidyBatchSchema.parse(ctx.request.body));
    ctx.status = 201;
    ctx.body = await getPresented(db, batches, actor, id);
  });
  for (const action of ['approve', 'pay'] as const) {
    router.post(`/api/subsidy-batches/:id/${action}`, async (ctx) => {
      const { actor } = await visible(ctx, idParam(ctx.params.id));
      await stepSubsidyBatch(db, actor, idParam(ctx.params.id), action);
      ctx.body = await getPresented(db, batches, actor, idParam(ctx.params.id));
    });
  }
  router.get('/api/subsidy-batches/:id/export.xlsx', async (ctx) => {
    const { row } = await visible(ctx, idParam(ctx.params.id));
    const name = `${row.districtName ?? row.regionCode}${row.year}年度准物业补贴.xlsx`;
    ctx.type = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    ctx.set('Content-Disposition', `attachment; filename="subsidy-batch-${row.id}.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`);
    ctx.body = await subsidyBatchWorkbook(db, row.id as number);
  });
  registerResource(router, db, batches);
  registerResource(router, db, subsidyLinesResource());
  registerResource(router, db, subsidyUsagesResource());
}
