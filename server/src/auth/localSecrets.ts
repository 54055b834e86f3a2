import fs from 'node:fs';
import path from 'node:path';
import { randomSecrets, type LocalSecrets } from '@baotou/config';

/**
 * The key an embedded database was encrypted with before installations kept their own secrets
 * (it was built into the source, so data under it is as good as unencrypted).
 */
export const LEGACY_DEV_KEY = 'dev-only-secret-change-me-0000';

export interface KeptSecrets extends LocalSecrets {
  /** True when an older data folder's personal data is still under LEGACY_DEV_KEY. */
  legacyEncryptionKey?: boolean;
}

const FILE = 'secrets.json';

function isSecret(v: unknown): v is string {
  return typeof v === 'string' && v.length >= 16;
}

/**
 * An installation's own secrets, kept in `<dataDir>/secrets.json` (mode 0600; data/ is not in the
 * repository): created at random on the first start, read on every later one, so no two
 * installations share one. A data folder whose embedded database predates this file keeps the
 * encryption key its personal data was stored under (LEGACY_DEV_KEY), marked so the server warns;
 * its JWT secret is new all the same (old tokens simply end). Throws when the file is unreadable.
 */
export function keptSecrets(dataDir: string): KeptSecrets {
  const file = path.resolve(dataDir, FILE);
  let kept: Partial<KeptSecrets> = {};
  if (fs.existsSync(file)) {
    try {
      kept = JSON.parse(fs.readFileSync(file, 'utf8'));
    } catch (err) {
      throw new Error(`无法读取 ${file}（${(err as Error).message}）：请修复或删除该文件 (secrets file unreadable)`, { cause: err });
    }
    if (isSecret(kept.jwtSecret) && isSecret(kept.encryptionKey) && isSecret(kept.fundPaymentSecret)) return kept as KeptSecrets;
    if (kept.encryptionKey !== undefined && !isSecret(kept.encryptionKey)) {
      throw new Error(`${file} 中的 encryptionKey 无效：它加密着已存储的个人信息，不能自动替换 (invalid encryptionKey)`);
    }
  }
  const fresh = randomSecrets();
  const legacy = !kept.encryptionKey && fs.existsSync(path.resolve(dataDir, 'pglite'));
  const secrets: KeptSecrets = {
    jwtSecret: isSecret(kept.jwtSecret) ? kept.jwtSecret : fresh.jwtSecret,
    encryptionKey: kept.encryptionKey ?? (legacy ? LEGACY_DEV_KEY : fresh.encryptionKey),
    fundPaymentSecret: isSecret(kept.fundPaymentSecret) ? kept.fundPaymentSecret : fresh.fundPaymentSecret,
    ...(legacy || kept.legacyEncryptionKey ? { legacyEncryptionKey: true } : {}),
    // key versions added by hand for a rotation (docs/SECURITY.md) are kept as they are
    ...(kept.personalDataKeys ? { personalDataKeys: kept.personalDataKeys } : {}),
  };
  fs.mkdirSync(path.dirname(file), { recursive: true });
  // Written whole to a temporary file first, so a reader never sees half a file; a new file is
  // linked into place only if still absent, so of two servers starting at once both keep the first's.
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(secrets, null, 2) + '\n', { mode: 0o600 });
  try {
    if (Object.keys(kept).length) fs.renameSync(tmp, file);
    else {
      fs.linkSync(tmp, file);
      fs.unlinkSync(tmp);
    }
  } catch (err) {
    fs.rmSync(tmp, { force: true });
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return keptSecrets(dataDir);
    throw err;
  }
  return secrets;
}
