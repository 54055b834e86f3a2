import type Router from '@koa/router';
import type { Config } from '@baotou/config';
import type { Db } from '../db/client';
import { registerResource } from '../http/resource';
import { registerSurveyActions } from './surveyActions';
import { renewalSurveysResource } from './surveys';
import { registerRenewalFigures } from './progress';
import { registerCompoundSummary } from './compoundSummary';

/** The survey half of old-compound renewal (issue 11): surveys, classification, progress, map, coverage. */
export function registerRenewalSurveyRoutes(router: Router, db: Db, config: Config): void {
  // before the resource: its PUT is the versioned save
  registerSurveyActions(router, db, config);
  registerResource(router, db, renewalSurveysResource());
  registerRenewalFigures(router, db, config);
  registerCompoundSummary(router, db);
}
