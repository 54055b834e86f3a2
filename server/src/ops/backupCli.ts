import path from 'node:path';
import { loadDatabaseTarget } from '@baotou/config';
import { DEFAULT_BACKUP_DIR, backupDatabase, restoreDatabase } from './backup';

/**
 * `npm run backup [-- <file>]` and `npm run restore -- <file>` on the database the settings name
 * (DATABASE_URL, else the embedded one in DATA_DIR). Reads only those two settings: a backup needs
 * no secret, so an operator's shell without production's keys can take one.
 */
async function main() {
  const [command, file] = process.argv.slice(2);
  const target = loadDatabaseTarget();
  if (command === 'backup') {
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const out = file ?? path.join(DEFAULT_BACKUP_DIR, `baotou-${stamp}.${target.databaseUrl ? 'dump' : 'tar.gz'}`);
    const r = await backupDatabase(target, out);
    console.log(`已备份（${r.kind}）：${r.file}，${r.bytes} 字节。加密密钥不在备份中，请另行妥善保管。`);
  } else if (command === 'restore' && file) {
    await restoreDatabase(target, file);
    console.log(`已恢复：${file} → ${target.databaseUrl ? '数据库服务器' : path.resolve(target.dataDir, 'pglite')}`);
    // The keys are not in the backup: without the original ones the platform refuses to start on this data.
    console.log('启动平台前，请提供原平台的全部加密密钥（ENCRYPTION_KEY / PERSONAL_DATA_KEYS，或把原数据目录的 secrets.json 复制到');
    console.log(`  ${path.resolve(target.dataDir, 'secrets.json')}），否则启动时会因无法解密已存储的个人信息而停止。`);
  } else {
    console.error('用法：npm run backup [-- 文件]；npm run restore -- 文件');
    process.exit(2);
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
