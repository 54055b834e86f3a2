import { loadConfig } from '@baotou/config';
import { createApp } from '../../server/src/app';
import { openDatabase } from '../../server/src/db/client';

/** Our platform as `npm start` runs it, on PostgreSQL, in its own process. */
process.on('SIGINT', () => process.exit(0));
(async () => {
  // Production settings, but the bench signs in a demo account with its password only: the second
  // factor production requires by default (issue 17) is sign-in's cost, not the lists' being measured.
  const config = loadConfig({ ...process.env, NODE_ENV: 'production', TOTP_REQUIRED: 'off', JWT_SECRET: 'bench-secret-0123456789abcdef', ENCRYPTION_KEY: 'bench-key-0123456789abcdef', FUND_PAYMENT_SECRET: 'bench-payment-secret-0123456789' });
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: '', poolSize: 10 });
  createApp({ database, config, log: () => undefined }).listen(config.port, '127.0.0.1', () => process.send?.('ready'));
})();
