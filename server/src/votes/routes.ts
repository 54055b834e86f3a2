import type Router from '@koa/router';
import { ballotSchema, voteSchema } from '@baotou/shared';
import type { Config } from '@baotou/config';
import type { Db } from '../db/client';
import { requireActor } from '../auth/middleware';
import { getPresented, registerResource } from '../http/resource';
import { badRequest } from '../http/errors';
import { votesResource } from './resource';
import { ballotConflictsResource, registerBallotConflictReview } from './conflicts';
import { voteService } from './service';
import { routeId } from '../http/routeId';

const idParam = (raw: string) => routeId(raw, '表决');
const RUNNERS = ['resident', 'city_admin', 'district_staff', 'street_staff'] as const;

export function registerVoteRoutes(router: Router, db: Db, config: Config): void {
  const service = voteService(db, config.votes);
  const def = votesResource();

  router.post('/api/votes', async (ctx) => {
    const actor = requireActor(ctx, RUNNERS);
    const body = { ...(ctx.request.body as Record<string, unknown>) };
    const openNow = body.status === 'open';
    if (body.status !== undefined && body.status !== 'open' && body.status !== 'draft')
      throw badRequest('VALIDATION_FAILED', '新建表决的状态只能是草稿或立即开始', { status: '状态无效' });
    delete body.status;
    const id = await service.create(actor, voteSchema.parse(body), openNow);
    ctx.status = 201;
    ctx.body = await getPresented(db, def, actor, id);
  });
  router.post('/api/votes/:id/open', async (ctx) => {
    const actor = requireActor(ctx, RUNNERS);
    ctx.body = await getPresented(db, def, actor, await service.open(actor, idParam(ctx.params.id)));
  });
  router.post('/api/votes/:id/close', async (ctx) => {
    const actor = requireActor(ctx, RUNNERS);
    ctx.body = await service.close(actor, idParam(ctx.params.id));
  });
  router.post('/api/votes/:id/ballots', async (ctx) => {
    const actor = requireActor(ctx, ['resident']);
    ctx.status = 201;
    ctx.body = await service.cast(actor, idParam(ctx.params.id), ballotSchema.parse(ctx.request.body));
  });
  router.get('/api/votes/:id/result', async (ctx) => {
    ctx.body = await service.result(requireActor(ctx), idParam(ctx.params.id));
  });
  router.get('/api/votes/:id/receipts/:receipt', async (ctx) => {
    ctx.body = await service.receipt(requireActor(ctx), idParam(ctx.params.id), String(ctx.params.receipt).toUpperCase().slice(0, 16));
  });
  router.get('/api/votes/:id/my-ballots', async (ctx) => {
    ctx.body = await service.myBallots(requireActor(ctx, ['resident']), idParam(ctx.params.id));
  });
  registerResource(router, db, def);
  registerBallotConflictReview(router, db);
  registerResource(router, db, ballotConflictsResource());
}
