import { loadConfig } from '@baotou/config';
import { createApp } from '../../server/src/app';
import { openDatabase } from '../../server/src/db/client';
import { countQueries, printRequestCosts, requestCosts } from './requestCosts';

/** Our platform as `npm start` runs it, on PostgreSQL, in its own process. */
const costs = process.env.BENCH_REQUEST_COSTS === '1';
const stop = () => {
  if (costs) printRequestCosts();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
(async () => {
  if (costs) countQueries();
  // Production settings, but the bench signs in a demo account with its password only: the second
  // factor production requires by default (issue 17) is sign-in's cost, not the lists' being measured.
  const config = loadConfig({
    ...process.env,
    NODE_ENV: 'production',
    TOTP_REQUIRED: 'off',
    JWT_SECRET: 'bench-secret-0123456789abcdef',
    ENCRYPTION_KEY: 'bench-key-0123456789abcdef',
    FUND_PAYMENT_SECRET: 'bench-payment-secret-0123456789',
  });
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: '', poolSize: 10 });
  const app = createApp({ database, config, log: () => undefined });
  if (costs) app.middleware.unshift(requestCosts);
  app.listen(config.port, '127.0.0.1', () => process.send?.('ready'));
})();
