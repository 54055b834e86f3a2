import type Router from '@koa/router';
import { renovationAcceptSchema, renovationContractSchema, renovationProgressSchema, renovationVoteSchema } from '@baotou/shared';
import { z } from 'zod';
import type { Db } from '../db/client';
import { requireActor } from '../auth/middleware';
import { getPresented, registerResource } from '../http/resource';
import { notFound } from '../http/errors';
import { renovationsResource, stepRenovation } from './renovations';

const STEPS = {
  'link-vote': ['link_vote', renovationVoteSchema],
  contract: ['contract', renovationContractSchema],
  'start-works': ['start_works', z.strictObject({})],
  progress: ['progress', renovationProgressSchema],
  accept: ['accept', renovationAcceptSchema],
} as const;

/** Renovation projects and their steps: `POST /api/renovations/:id/{link-vote,contract,start-works,progress,accept}`. */
export function registerRenovationRoutes(router: Router, db: Db): void {
  const def = renovationsResource();
  for (const [path, [step, schema]] of Object.entries(STEPS)) {
    router.post(`/api/renovations/:id/${path}`, async (ctx) => {
      const actor = requireActor(ctx);
      if (!/^\d{1,10}$/.test(ctx.params.id) || Number(ctx.params.id) > 2147483647) throw notFound('改造项目');
      const id = Number(ctx.params.id);
      const body = (schema as z.ZodType).parse(ctx.request.body ?? {}) as Record<string, unknown>;
      if (!(await getPresented(db, def, actor, id))) throw notFound('改造项目');
      await stepRenovation(db, actor, id, step, body);
      ctx.body = await getPresented(db, def, actor, id);
    });
  }
  registerResource(router, db, def);
}
