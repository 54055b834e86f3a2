import { createCipheriv, createHash, createHmac, randomBytes } from 'node:crypto';

// Test fixtures only: what the code before issue 17 stored, so tests can prove such rows still open and rotate.

/** The stored format before issue 17 (AES-256-GCM, HMAC-SHA256 index), written here as the old code did. */
export function legacyEncrypt(secret: string, plain: string): string {
  const key = createHash('sha256').update(`enc:${secret}`).digest();
  const iv = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
  return Buffer.concat([iv, c.getAuthTag(), body]).toString('base64');
}
export function legacyHash(secret: string, plain: string): string {
  return createHmac('sha256', createHash('sha256').update(`mac:${secret}`).digest())
    .update(plain.trim())
    .digest('hex');
}
