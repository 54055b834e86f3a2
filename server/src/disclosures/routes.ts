import type Router from '@koa/router';
import { disclosureSchema, flagAnswerSchema, flagSchema, revokeSchema } from '@baotou/shared';
import type { Db } from '../db/client';
import { requireActor } from '../auth/middleware';
import { getPresented, registerResource } from '../http/resource';
import { disclosuresResource, flagsResource } from './resources';
import { disclosureService } from './service';
import { routeId } from '../http/routeId';

const idParam = (raw: string) => routeId(raw, '公开事项');

export function registerDisclosureRoutes(router: Router, db: Db): void {
  const service = disclosureService(db);
  const def = disclosuresResource();
  const flags = flagsResource();
  const show = (ctx: { state: { actor: never } }, id: number) => getPresented(db, def, ctx.state.actor, id);
  const authors = ['resident', 'city_admin', 'district_staff', 'street_staff'] as const;

  router.post('/api/disclosures', async (ctx) => {
    const actor = requireActor(ctx, authors);
    const id = await service.create(actor, disclosureSchema.parse(ctx.request.body));
    ctx.status = 201;
    ctx.body = await show(ctx, id);
  });
  router.put('/api/disclosures/:id', async (ctx) => {
    const actor = requireActor(ctx, authors);
    const body = { ...(ctx.request.body as object) } as Record<string, unknown>;
    for (const k of [
      'id',
      'compoundName',
      'regionCode',
      'committeeId',
      'status',
      'version',
      'correctsId',
      'supersededById',
      'current',
      'publishedAt',
      'flagCount',
      'createdAt',
    ])
      delete body[k];
    const id = await service.update(actor, idParam(ctx.params.id), disclosureSchema.parse(body));
    ctx.body = await show(ctx, id);
  });
  router.delete('/api/disclosures/:id', async (ctx) => {
    const actor = requireActor(ctx, authors);
    ctx.body = await service.remove(actor, idParam(ctx.params.id));
  });
  router.post('/api/disclosures/:id/publish', async (ctx) => {
    const actor = requireActor(ctx, authors);
    ctx.body = await show(ctx, await service.publish(actor, idParam(ctx.params.id)));
  });
  router.post('/api/disclosures/:id/correct', async (ctx) => {
    const actor = requireActor(ctx, ['resident']);
    ctx.status = 201;
    ctx.body = await show(ctx, await service.correct(actor, idParam(ctx.params.id), disclosureSchema.parse(ctx.request.body)));
  });
  router.post('/api/disclosures/:id/revoke', async (ctx) => {
    const actor = requireActor(ctx, ['city_admin', 'district_staff', 'street_staff']);
    const { reason } = revokeSchema.parse(ctx.request.body);
    ctx.status = 201;
    ctx.body = await show(ctx, await service.revoke(actor, idParam(ctx.params.id), reason));
  });
  registerResource(router, db, def);

  router.post('/api/disclosure-flags', async (ctx) => {
    const actor = requireActor(ctx, ['resident']);
    const id = await service.flag(actor, flagSchema.parse(ctx.request.body));
    ctx.status = 201;
    ctx.body = await getPresented(db, flags, actor, id);
  });
  router.post('/api/disclosure-flags/:id/answer', async (ctx) => {
    const actor = requireActor(ctx);
    const { answer } = flagAnswerSchema.parse(ctx.request.body);
    const id = await service.answerFlag(actor, idParam(ctx.params.id), answer);
    ctx.body = (await getPresented(db, flags, actor, id)) ?? { id, status: 'answered' };
  });
  registerResource(router, db, flags);
}
