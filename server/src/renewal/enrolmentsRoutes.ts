import type Router from '@koa/router';
import type { Db } from '../db/client';
import { registerResource } from '../http/resource';
import { quasiEnrolmentsResource, quasiStandardItemsResource } from './enrolments';
import { quasiAssessmentsResource } from './assessments';

/** Quasi-property management: the "三个有" checklist, enrolments and yearly assessments (ra-data-simple-rest). */
export function registerEnrolmentRoutes(router: Router, db: Db): void {
  registerResource(router, db, quasiStandardItemsResource());
  registerResource(router, db, quasiEnrolmentsResource());
  registerResource(router, db, quasiAssessmentsResource());
}
