import type Router from '@koa/router';
import type { Db } from '../db/client';
import { registerResource } from '../http/resource';
import { jobsResource } from './resource';

/** GET /api/jobs (console list) and GET /api/jobs/:id (a job's state and progress, polled by whoever queued it). */
export function registerJobRoutes(router: Router, db: Db): void {
  registerResource(router, db, jobsResource());
}
