import { loadConfig } from '@baotou/config';
import { openDatabase, migrateDatabase } from '../db/client';
import { keptSecrets } from '../auth/localSecrets';
import { writeAudit } from '../audit/audit';
import { createPersonalDataCipher } from '../places/personalData';
import { rotatePersonalData, rotationProgress } from './rotation';

/**
 * `npm run rotate-keys`: re-encrypts every personal-data value under PERSONAL_DATA_ALGORITHM and the
 * active key (docs/SECURITY.md), with the settings the server uses (environment, else
 * DATA_DIR/secrets.json). Safe to run while servers serve and to run again; prints progress.
 */
async function main() {
  const config = loadConfig(process.env, { localSecrets: keptSecrets });
  const cipher = createPersonalDataCipher(config.personalData);
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await migrateDatabase(database);
    const before = await rotationProgress(database.db, cipher);
    console.log(`个人信息加密轮换：目标 ${cipher.algorithm}，密钥版本 ${cipher.activeKeyId}，待处理 ${before.remaining} 项`);
    await database.db.transaction((tx) =>
      writeAudit(tx, null, { action: 'rotate_keys_started', entity: 'security', entityId: 'personal-data', after: before }),
    );
    let shown = 0;
    const result = await rotatePersonalData(database.db, cipher, {
      onBatch: (r) => {
        if (r.rotated - shown >= 1000) console.log(`  已重新加密 ${(shown = r.rotated)} 项`);
      },
    });
    const after = await rotationProgress(database.db, cipher);
    await database.db.transaction((tx) =>
      writeAudit(tx, null, {
        action: 'rotate_keys_finished',
        entity: 'security',
        entityId: 'personal-data',
        after: { rotated: result.rotated, raced: result.raced, failed: result.failed.length },
      }),
    );
    console.log(`完成：重新加密 ${result.rotated} 项，并发改写跳过 ${result.raced} 项，失败 ${result.failed.length} 项，剩余 ${after.remaining} 项`);
    for (const f of result.failed) console.log(`  未处理 ${f.table}.${f.column} #${f.id}: ${f.reason}`);
    if (after.remaining > 0) process.exitCode = 1;
  } finally {
    await database.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
