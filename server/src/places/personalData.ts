import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes } from 'node:crypto';

/**
 * Phones and ID numbers are stored encrypted (AES-256-GCM), with an HMAC beside the phone where
 * only matching is needed (DOMAIN.md §7, PIPL Art. 51).
 */
export function createPersonalDataCipher(secret: string) {
  const key = createHash('sha256').update(`enc:${secret}`).digest();
  const macKey = createHash('sha256').update(`mac:${secret}`).digest();
  return {
    encrypt(plain: string): string {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
    },
    decrypt(stored: string): string {
      const raw = Buffer.from(stored, 'base64');
      const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
      decipher.setAuthTag(raw.subarray(12, 28));
      return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
    },
    /** Deterministic, keyed: equal phones give equal hashes, and the hash alone reveals nothing. */
    hash(plain: string): string {
      return createHmac('sha256', macKey).update(plain.trim()).digest('hex');
    },
  };
}
export type PersonalDataCipher = ReturnType<typeof createPersonalDataCipher>;
