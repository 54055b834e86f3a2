import { migrateDatabase, openDatabase } from '../../server/src/db/client';
import { seedDemo } from '../../server/src/seed/demo';
import { TEMPLATE_DB, databaseUrl, withAdminClient } from './pg';
import { testConfig } from './testConfig';

/** Builds the migrated, demo-seeded template database once per run; test files clone it. */
export default async function globalSetup(): Promise<void> {
  if (process.env.BT_TEMPLATE_READY === '1') return;
  await withAdminClient(async (c) => {
    await c.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DB} WITH (FORCE)`);
    await c.query(`CREATE DATABASE ${TEMPLATE_DB}`);
  });
  const config = testConfig();
  const database = await openDatabase({ databaseUrl: databaseUrl(TEMPLATE_DB), dataDir: '' });
  try {
    await migrateDatabase(database);
    await seedDemo(database.db, { demoPassword: config.demoPassword, encryptionKey: config.encryptionKey, highTechZoneCode: config.highTechZoneCode });
  } finally {
    await database.close();
  }
  process.env.BT_TEMPLATE_READY = '1';
}
