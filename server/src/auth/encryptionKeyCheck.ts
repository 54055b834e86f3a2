import { isNotNull } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { owners } from '../db/schema';
import { createPersonalDataCipher } from '../places/personalData';
import { LEGACY_DEV_KEY } from './localSecrets';

/**
 * Start-up check that ENCRYPTION_KEY reads the personal data already stored (one owner's phone):
 * a wrong key would otherwise show up much later, as failed contact views and claims that never
 * match. Throws with what to do; passes on a database with nothing encrypted yet.
 */
export async function assertEncryptionKeyFits(db: DbOrTx, encryptionKey: string): Promise<void> {
  const [sample] = await db.select({ phoneEnc: owners.phoneEnc }).from(owners).where(isNotNull(owners.phoneEnc)).limit(1);
  if (!sample?.phoneEnc) return;
  const opens = (key: string) => {
    try {
      createPersonalDataCipher(key).decrypt(sample.phoneEnc!);
      return true;
    } catch {
      return false;
    }
  };
  if (opens(encryptionKey)) return;
  if (opens(LEGACY_DEV_KEY)) {
    throw new Error(
      `数据库中的个人信息是用旧版内置的开发密钥加密的，与当前的 ENCRYPTION_KEY 不符。继续使用这些数据：设置 ENCRYPTION_KEY=${LEGACY_DEV_KEY}；` +
        '或清空该数据库重新开始。(stored personal data is encrypted with the old built-in development key)',
    );
  }
  throw new Error('ENCRYPTION_KEY 与数据库中已加密的个人信息不符：请使用加密这些数据时的密钥。(ENCRYPTION_KEY does not decrypt the stored personal data)');
}
