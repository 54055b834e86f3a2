import type Router from '@koa/router';
import type { Db } from '../db/client';
import { registerResource } from '../http/resource';
import { companiesResource } from './companies';
import { projectsResource } from './projects';

export function registerCompanyRoutes(router: Router, db: Db): void {
  registerResource(router, db, companiesResource());
  registerResource(router, db, projectsResource());
}
