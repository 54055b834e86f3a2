import { asc, desc, isNotNull, and, notLike } from 'drizzle-orm';
import type { PersonalDataSettings } from '@baotou/config';
import type { DbOrTx } from '../db/client';
import { owners } from '../db/schema';
import { createPersonalDataCipher } from '../places/personalData';
import { LEGACY_DEV_KEY } from './localSecrets';

/**
 * Start-up check that the keyring (ENCRYPTION_KEY as version 0, PERSONAL_DATA_KEYS) reads the
 * personal data already stored: the oldest and newest owner phones and one in the pre-issue-17
 * format. A wrong or missing key would otherwise show up much later, as failed contact views and
 * claims that never match. Throws with what to do; passes on a database with nothing encrypted yet.
 */
export async function assertEncryptionKeyFits(db: DbOrTx, keys: PersonalDataSettings | string): Promise<void> {
  const pick = (where: ReturnType<typeof and>, order: typeof asc) =>
    db.select({ phoneEnc: owners.phoneEnc }).from(owners).where(where).orderBy(order(owners.id)).limit(1);
  const stored = isNotNull(owners.phoneEnc);
  const samples = (await Promise.all([pick(and(stored), asc), pick(and(stored), desc), pick(and(stored, notLike(owners.phoneEnc, 'v2:%')), asc)]))
    .flat()
    .map((r) => r.phoneEnc!);
  if (!samples.length) return;
  const opens = (ring: PersonalDataSettings | string) => {
    try {
      const cipher = createPersonalDataCipher(ring);
      for (const s of samples) cipher.decrypt(s);
      return true;
    } catch {
      return false;
    }
  };
  if (opens(keys)) return;
  if (opens(LEGACY_DEV_KEY)) {
    throw new Error(
      `数据库中的个人信息是用旧版内置的开发密钥加密的，与当前的 ENCRYPTION_KEY 不符。继续使用这些数据：设置 ENCRYPTION_KEY=${LEGACY_DEV_KEY}；` +
        '或清空该数据库重新开始。(stored personal data is encrypted with the old built-in development key)',
    );
  }
  throw new Error(
    'ENCRYPTION_KEY / PERSONAL_DATA_KEYS 不能解密数据库中已加密的个人信息：请提供加密这些数据时的全部密钥版本（轮换完成前旧版本不能移除）。(the personal-data keyring does not decrypt the stored personal data)',
  );
}
