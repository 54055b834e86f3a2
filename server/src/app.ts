import path from 'node:path';
import Koa from 'koa';
import Router from '@koa/router';
import { bodyParser } from '@koa/bodyparser';
import { sql } from 'drizzle-orm';
import type { Config } from '@baotou/config';
import type { Database } from './db/client';
import { errorMiddleware } from './http/errors';
import { requireCleanInput } from './http/input';
import { serveBuilt } from './http/static';
import { rememberRouteMatches } from './http/routeMatchCache';
import { corsForConfiguredOrigins, securityHeaders } from './http/securityHeaders';
import { authenticate } from './auth/middleware';
import { secondFactorPolicy } from './auth/totp';
import { createTokenService } from './auth/tokens';
import { createSessionChecker } from './auth/sessions';
import { registerAuthRoutes } from './auth/routes';
import { usersResource } from './auth/users';
import { registerResource } from './http/resource';
import { registerAuditRoutes } from './audit/routes';
import { registerExportAuditRoute } from './audit/exports';
import { registerPlaceRoutes } from './places/routes';
import { registerCompanyRoutes } from './companies/routes';
import { registerCommitteeRoutes } from './committees/routes';
import { registerDisclosureRoutes } from './disclosures/routes';
import { registerVoteRoutes } from './votes/routes';
import { registerFundRoutes } from './fund/routes';
import { registerFeesRoutes } from './fees/routes';
import { registerPayRoutes } from './pay/routes';
import { createPersonalDataCipher } from './places/personalData';
import { registerTicketRoutes } from './tickets/routes';
import { createTicketNotifier } from './tickets/notify';
import { createNotificationDispatcher } from './notifications/dispatcher';
import { registerNotificationRoutes } from './notifications/routes';
import { registerHomeRoutes } from './home/routes';
import { registerPartyRoutes } from './party/routes';
import { registerWorkforceRoutes } from './quality/workforceRoutes';
import { registerSecurityRoutes } from './security/routes';
import { registerQualityLevelRoutes } from './quality/levelsRoutes';
import { registerMergeRoutes } from './renewal/mergeRoutes';
import { registerRenewalSurveyRoutes } from './renewal/surveyRoutes';
import { registerEnrolmentRoutes } from './renewal/enrolmentsRoutes';
import { registerSubsidyRoutes } from './renewal/subsidyRoutes';
import { registerRenovationRoutes } from './renewal/renovationsRoutes';
import type { Logger } from 'pino';
import { requestId } from './observability/requestId';
import { registerPoolGauges } from './observability/pools';
import { registerJobGauges } from './observability/jobGauges';
import { createMetrics, metricsEndpoint, type PlatformMetrics } from './observability/metrics';
import { accessLog } from './observability/logger';
import { registerCreditItemRoutes } from './credit/itemsRoutes';
import { registerKpiRoutes } from './kpi/routes';
import { registerBlacklistRoutes } from './credit/blacklistRoutes';
import { registerFilingRoutes } from './supervision/filingsRoutes';
import { registerSurveyRoutes } from './supervision/surveysRoutes';
import { attachJobQueue } from './jobs/queue';
import { registerJobRoutes } from './jobs/routes';
import { registerExportRoutes } from './exports/routes';
import { registerInspectionRoutes } from './supervision/inspectionsRoutes';

const REPO_ROOT = path.resolve(__dirname, '../..');

export interface AppDeps {
  database: Database;
  config: Config;
  log?: (err: unknown, context?: { requestId?: string }) => void;
  /** Structured access log (one JSON line per API request); none in tests. */
  logger?: Logger;
  /** Prometheus metrics; one registry per app when not given. */
  metrics?: PlatformMetrics;
}

/** Builds the whole platform as a Koa app, without listening, so tests mount it in-process. */
export function createApp({ database, config, log, logger, metrics = createMetrics() }: AppDeps): Koa {
  const { db } = database;
  const tokens = createTokenService(config.jwtSecret, config.jwtTtlSeconds, config.signIn.staffIdleSeconds);
  const sessions = createSessionChecker(db, config.sessionCheckCacheMs);
  const cipher = createPersonalDataCipher(config.personalData);
  const router = new Router();
  // Background jobs (issue 15): enqueueJob sends to this database's pg-boss queue; started on first use.
  attachJobQueue(database, config, log);

  router.get('/api/health', async (ctx) => {
    await db.execute(sql`select 1`);
    ctx.body = { status: 'ok', database: database.kind };
  });
  registerAuthRoutes(router, db, config, tokens, sessions, cipher);
  registerPlaceRoutes(router, db, config, cipher);
  registerCompanyRoutes(router, db);
  registerCommitteeRoutes(router, db, cipher);
  registerDisclosureRoutes(router, db);
  registerVoteRoutes(router, db, config);
  registerFundRoutes(router, db, config);
  registerFeesRoutes(router, db, config);
  registerPayRoutes(router, db, config);
  // Notifications are written in each event's transaction; this dispatcher sends the WeChat ones after commit.
  const dispatcher = createNotificationDispatcher(db, config, undefined, log ? (m) => log(new Error(m)) : undefined);
  registerTicketRoutes(router, db, config, cipher, createTicketNotifier(config, dispatcher));
  registerNotificationRoutes(router, db, config, dispatcher);
  registerHomeRoutes(router, db);
  registerPartyRoutes(router, db, cipher);
  registerWorkforceRoutes(router, db, config, cipher);
  registerSecurityRoutes(router, db, cipher);
  registerQualityLevelRoutes(router, db);
  registerMergeRoutes(router, db, config);
  registerRenewalSurveyRoutes(router, db, config);
  registerEnrolmentRoutes(router, db);
  registerSubsidyRoutes(router, db, config);
  registerRenovationRoutes(router, db);
  registerCreditItemRoutes(router, db, config);
  registerKpiRoutes(router, db, config);
  registerBlacklistRoutes(router, db);
  registerFilingRoutes(router, db);
  registerSurveyRoutes(router, db, config);
  registerInspectionRoutes(router, db, config);
  registerResource(router, db, usersResource(sessions, config.signIn));
  registerAuditRoutes(router, db);
  registerExportAuditRoute(router, db);
  registerJobRoutes(router, db);
  registerExportRoutes(router, db, config);

  const app = new Koa();
  // X-Forwarded-For decides ctx.ip (sign-in throttling, audit addresses) only behind a proxy that sets it.
  app.proxy = config.signIn.trustProxy;
  // The entry our proxy appended (the last), never one the client wrote before it (docs/OPERATIONS.md).
  app.maxIpsCount = 1;
  app.use(requestId());
  app.use(metrics.middleware);
  if (logger) app.use(accessLog(logger));
  app.use(securityHeaders(config.web));
  app.use(errorMiddleware(log));
  registerPoolGauges(metrics, database);
  registerJobGauges(metrics, db);
  app.use(metricsEndpoint(metrics, config.web.metricsToken));
  app.use(corsForConfiguredOrigins(config.web));
  app.use(serveBuilt('/admin', config.adminDist ?? path.join(REPO_ROOT, 'admin/dist')));
  app.use(serveBuilt('/h5', config.miniH5Dist ?? path.join(REPO_ROOT, 'mini/dist-h5')));
  app.use(async (ctx, next) => {
    if (ctx.path === '/') return ctx.redirect('/admin/');
    await next();
  });
  const input = requireCleanInput();
  app.use(input.media);
  app.use(bodyParser({ enableTypes: ['json'], jsonLimit: '1mb', encoding: 'utf-8' }));
  app.use(input.values);
  app.use(authenticate(tokens, sessions, secondFactorPolicy(config.totp)));
  rememberRouteMatches(router);
  app.use(router.routes());
  app.use(router.allowedMethods());
  return app;
}
