import { loadConfig } from '@baotou/config';
import { migrateDatabase, openDatabase } from './db/client';
import { createApp } from './app';
import { createLogger } from './observability/logger';
import { routeConsoleToLogger } from './observability/console';
import { seedDemoIfEmpty } from './seed/demo';
import { createTicketNotifier } from './tickets/notify';
import { createNotificationDispatcher } from './notifications/dispatcher';
import { definePeriodicJobs, schedulePeriodicJobs } from './jobs/periodic';
import { startJobWorkers } from './jobs/queue';
import { startAuditSealer } from './audit/chain';
import { oneAtATime } from './ops/startupLock';
import { keptSecrets, type KeptSecrets } from './auth/localSecrets';
import { assertEncryptionKeyFits } from './auth/encryptionKeyCheck';
import { backfillIdNumberHashes } from './places/owners';
import { createPersonalDataCipher } from './places/personalData';
import { startWechatPayStandIn } from './pay/standIn';
import { PAY_QUERY_JOB } from './pay/queryJob';
import { runEvery } from './jobs/queue';
import { HAZARD_SWEEP_JOB } from './supervision/inspectionsRoutes';
import { FILING_SWEEP_JOB } from './supervision/filingsRoutes';
import { filingSettingsFromEnv } from '@baotou/config';
import { SURVEY_CLOSE_JOB } from './supervision/surveysRoutes';
import { CREDIT_SWEEP_JOB } from './credit/itemsRoutes';

// Every line the process writes is one JSON object (issue 15, logs; docs/OPERATIONS.md).
const logger = createLogger();
routeConsoleToLogger(logger);

async function main() {
  const started = Date.now();
  // Secrets not set in the environment (never in production) are this installation's own, kept in the data folder.
  let kept: KeptSecrets | undefined;
  const config = loadConfig(process.env, { localSecrets: (dataDir) => (kept = keptSecrets(dataDir)) });
  if (kept) logger.info(`未设置的密钥使用本机生成并保存在 ${config.dataDir}/secrets.json 中的密钥`);
  if (kept?.legacyEncryptionKey && config.encryptionKey === kept.encryptionKey) {
    logger.warn('警告：该数据目录中的个人信息仍以旧版内置的公开开发密钥加密，仅适合演示；请删除 data/ 重新生成演示数据。');
  }
  // Outside production without a merchant key: WeChat Pay's local stand-in, with its own keys (issue 13),
  // started now so that its RSA keys are made on libuv's threads while the database opens and migrates.
  const standInStarting = config.pay.standIn ? startWechatPayStandIn({ mchId: config.pay.mchId, appId: config.pay.appId }) : undefined;
  standInStarting?.catch(() => undefined); // a failure is thrown where it is awaited, below
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    poolSize: config.database.poolSize,
    replicaUrl: config.database.replicaUrl,
    replicaPoolSize: config.database.replicaPoolSize,
    log: (message, err) => logger.error({ err }, message),
  });
  // Several servers starting at once on one database (docs/OPERATIONS.md): one migrates and seeds, the others wait.
  await oneAtATime(config.databaseUrl, async () => {
    await migrateDatabase(database);
    await assertEncryptionKeyFits(database.db, config.personalData);
    // Owners' ID-number index (issue 17 follow-up) for rows written before it existed.
    await backfillIdNumberHashes(database.db, createPersonalDataCipher(config.personalData));
    if (config.seedDemo) {
      const seeded = await seedDemoIfEmpty(database.db, {
        demoPassword: config.demoPassword,
        encryptionKey: config.encryptionKey,
        highTechZoneCode: config.highTechZoneCode,
      });
      if (seeded)
        logger.info({ compounds: seeded.compounds, households: seeded.households }, `已生成演示数据: ${seeded.compounds} 个小区, ${seeded.households} 户`);
    }
  });
  if (standInStarting) {
    const standIn = await standInStarting;
    config.pay = {
      ...config.pay,
      apiBase: standIn.baseUrl,
      merchantSerial: standIn.merchantSerial,
      merchantPrivateKey: standIn.merchantPrivateKey,
      apiV3Key: standIn.apiV3Key,
      platformPublicKey: standIn.platformPublicKey,
      platformPublicKeyId: standIn.platformPublicKeyId,
      platformCert: standIn.platformCert,
    };
    logger.info(`微信支付使用本地替身 ${standIn.baseUrl}（仅限开发演示）`);
  }
  const app = createApp({ database, config, logger, log: (err, context) => logger.error({ err, reqId: context?.requestId }, 'unhandled error') });
  // Tickets: overdue cases move up one level on a timer (DOMAIN.md §6; TICKET_ESCALATION_INTERVAL_SECONDS).
  // Notifications: WeChat messages due (new, or to retry) are sent every NOTIFY_DISPATCH_INTERVAL_SECONDS.
  // Both run as singleton jobs on the queue (issue 15; docs/OPERATIONS.md), as do exports and billing runs.
  const dispatcher = createNotificationDispatcher(database.db, config, undefined, (msg) => logger.warn(msg));
  definePeriodicJobs(database.db, config, { dispatcher, notifier: createTicketNotifier(config, dispatcher) });
  await startJobWorkers();
  schedulePeriodicJobs(config);
  // WeChat Pay orders without a notification are queried, expired ones closed (issue 13; PAY_QUERY_INTERVAL_SECONDS).
  runEvery(PAY_QUERY_JOB, config.pay.queryIntervalSeconds);
  // Hazards past their deadline are reported to the street or district (DOMAIN.md §10; HAZARD_SWEEP_SECONDS).
  runEvery(HAZARD_SWEEP_JOB, config.supervision.hazardSweepSeconds);
  // Missing or expired filings become credit items, filings complete a good one (issue 10; FILING_SWEEP_SECONDS).
  runEvery(FILING_SWEEP_JOB, filingSettingsFromEnv().sweepSeconds);
  // Surveys past their closing day are closed: results, warnings, interviews (DOMAIN.md §9; SURVEY_CLOSE_SWEEP_SECONDS).
  runEvery(SURVEY_CLOSE_JOB, config.supervisionSurveys.closeSweepSeconds);
  // Credit: rule items from tickets and party data, and stale live scores (issue 10; CREDIT_SWEEP_INTERVAL_SECONDS).
  runEvery(CREDIT_SWEEP_JOB, config.credit.sweepIntervalSeconds);
  // Audit rows are chained (SM3) a moment after they commit, existing ones on the first pass (docs/SECURITY.md).
  const stopSealer = startAuditSealer(database.db, config.audit.sealIntervalMs, (err) => logger.error({ err }, '审计日志封存失败'));
  const server = app.listen(config.port, config.host, () => {
    const url = `http://localhost:${config.port}`;
    logger.info(
      { database: database.kind, ms: Date.now() - started, admin: `${url}/admin/`, h5: `${url}/h5/`, api: `${url}/api/health` },
      `包头智慧物业管理服务平台已启动 (${database.kind}, ${Date.now() - started} ms)：管理后台 ${url}/admin/ · 小程序H5 ${url}/h5/ · 接口 ${url}/api/health`,
    );
    if (config.seedDemo) logger.info(`演示账号 city / party / d150203 / street / community / company，密码 ${config.demoPassword}`);
  });
  // A port already taken, or a crash elsewhere: one JSON line, then the process ends as Node's default would.
  server.on('error', (err) => {
    logger.fatal({ err }, '平台无法监听端口');
    process.exit(1);
  });
  let stopping = false;
  const stop = async () => {
    if (stopping) process.exit(1); // a second signal: now
    stopping = true;
    stopSealer();
    server.close();
    // The pool's end waits for every connection lent out; one a job still holds after PostgreSQL
    // dropped it (a restart, a failover) may never come back. A stop signal ends the process anyway.
    const closed = await Promise.race([
      database.close().then(
        () => true,
        (err: unknown) => {
          logger.error({ err }, '关闭数据库连接失败');
          return true;
        },
      ),
      new Promise<false>((resolve) => setTimeout(resolve, SHUTDOWN_GRACE_MS, false)),
    ]);
    if (!closed) logger.warn({ pool: database.poolStats?.() }, `数据库连接 ${SHUTDOWN_GRACE_MS / 1000} 秒内未能关闭，进程仍然退出`);
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

/** How long a stop signal waits for the database connections to close before the process ends (ms). */
const SHUTDOWN_GRACE_MS = 10_000;

process.on('uncaughtException', (err) => {
  logger.fatal({ err }, '未捕获的异常');
  process.exit(1);
});
process.on('unhandledRejection', (err) => {
  logger.fatal({ err }, '未处理的Promise拒绝');
  process.exit(1);
});

main().catch((err) => {
  logger.fatal({ err }, '平台启动失败');
  process.exit(1);
});
