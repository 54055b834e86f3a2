// Platform operators: `npx tsx server/src/audit/purgeCli.ts` (DATABASE_URL / DATA_DIR as the server's)
// removes audit rows older than AUDIT_RETENTION_DAYS. Schedule it (cron) as the installation needs.
import { loadConfig } from '@baotou/config';
import { openDatabase } from '../db/client';
import { purgeExpiredAudit } from './purge';

async function main() {
  const config = loadConfig();
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    const n = await purgeExpiredAudit(database.db, config.audit.retentionDays);
    console.log(`已清理超过保存期限（${config.audit.retentionDays}天）的审计日志 ${n} 条`);
  } finally {
    await database.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
