import { createCipheriv, createHash } from 'node:crypto';
import { createPersonalDataCipher } from './personalData';
import { legacyEncrypt, legacyHash } from '../security/testing/legacyFormat';

const K0 = 'test-key-zero-0123456789abcdef';
const K1 = 'test-key-one-0123456789abcdefgh';

describe("the platform's OpenSSL computes the commercial algorithms (standard vectors)", () => {
  test('SM4 (GB/T 32907-2016 / GM/T 0002-2012, example 1): key = plain = 0123…3210', () => {
    const key = Buffer.from('0123456789abcdeffedcba9876543210', 'hex');
    const c = createCipheriv('sm4-ecb', key, null).setAutoPadding(false);
    expect(Buffer.concat([c.update(key), c.final()]).toString('hex')).toBe('681edf34d206965e86b3e94f536e4246');
  });
  test('sibling: SM4 example 2 — 1,000,000 encryptions in a row', () => {
    const key = Buffer.from('0123456789abcdeffedcba9876543210', 'hex');
    const c = createCipheriv('sm4-ecb', key, null).setAutoPadding(false);
    let block: Buffer = key;
    for (let i = 0; i < 1_000_000; i++) block = c.update(block);
    expect(block.toString('hex')).toBe('595298c7c6fd271f0402f804c33d3f66');
  });
  test('SM3 (GB/T 32905-2016 / GM/T 0004-2012, example 1): "abc"', () => {
    expect(createHash('sm3').update('abc').digest('hex')).toBe('66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0');
  });
  test('sibling: SM3 example 2 — "abcd" × 16', () => {
    expect(createHash('sm3').update('abcd'.repeat(16)).digest('hex')).toBe('debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732');
  });
});

describe('personal data under SM4-CBC + HMAC-SM3 with key versions (issue 17; docs/SECURITY.md)', () => {
  const ring = {
    algorithm: 'sm4-cbc-hmac-sm3' as const,
    keys: [
      { id: 0, secret: K0 },
      { id: 1, secret: K1 },
    ],
    activeKeyId: 1,
  };
  const cipher = createPersonalDataCipher(ring);

  test('writes SM4 under the active key, self-described; reads it back; equal phones give different ciphertexts', () => {
    const a = cipher.encrypt('13800000000');
    expect(a).toMatch(/^v2:sm4-cbc-hmac-sm3:1:[^:]+:[^:]+:[^:]+$/);
    expect(cipher.decrypt(a)).toBe('13800000000');
    expect(cipher.encrypt('13800000000')).not.toBe(a);
    expect(cipher.isCurrent(a)).toBe(true);
    expect(cipher.decrypt(cipher.encrypt('110101199003077777'))).toBe('110101199003077777');
  });

  test('the stored form before issue 17 (AES-256-GCM under ENCRYPTION_KEY = version 0) still opens, and is not current', () => {
    const old = legacyEncrypt(K0, '13900000000');
    expect(cipher.decrypt(old)).toBe('13900000000');
    expect(cipher.isCurrent(old)).toBe(false);
  });

  test('a value altered in the database, or moved to another key version in its header, is refused (MAC)', () => {
    const v = cipher.encrypt('13800000000');
    const parts = v.split(':');
    const flipped = Buffer.from(parts[4], 'base64');
    flipped[0] ^= 1;
    expect(() => cipher.decrypt([...parts.slice(0, 4), flipped.toString('base64'), parts[5]].join(':'))).toThrow(/MAC/);
    expect(() => cipher.decrypt(['v2', 'sm4-cbc-hmac-sm3', '0', ...parts.slice(3)].join(':'))).toThrow(/MAC/);
  });

  test('a key version not in the ring is named', () => {
    const other = createPersonalDataCipher({ ...ring, keys: [...ring.keys, { id: 7, secret: 'x'.repeat(20) }], activeKeyId: 7 });
    expect(() => cipher.decrypt(other.encrypt('1'))).toThrow(/7/);
  });

  test('blind index: HMAC-SM3 under the active key; an index under an older key or the pre-issue-17 HMAC-SHA256 still matches', () => {
    const phone = '13800000000';
    expect(cipher.hash(phone)).toMatch(/^[0-9a-f]{64}$/);
    expect(cipher.hash(` ${phone} `)).toBe(cipher.hash(phone));
    const underKey0 = createPersonalDataCipher({ ...ring, activeKeyId: 0 }).hash(phone);
    expect(underKey0).not.toBe(cipher.hash(phone));
    for (const stored of [cipher.hash(phone), underKey0, legacyHash(K0, phone)]) expect(cipher.matches(stored, phone)).toBe(true);
    expect(cipher.matches(cipher.hash('13800000001'), phone)).toBe(false);
    expect(cipher.matches(null, phone)).toBe(false);
    expect(cipher.hashCandidates(phone)[0]).toBe(cipher.hash(phone));
  });

  test('sibling: the algorithm is a setting — AES-256-GCM may be named, and SM4 reads what it wrote', () => {
    const aes = createPersonalDataCipher({ ...ring, algorithm: 'aes-256-gcm' });
    const v = aes.encrypt('13700000000');
    expect(v).toMatch(/^v2:aes-256-gcm:1:/);
    expect(cipher.decrypt(v)).toBe('13700000000');
    expect(cipher.isCurrent(v)).toBe(false);
  });

  test('an active key outside the ring is refused at once', () => {
    expect(() => createPersonalDataCipher({ ...ring, activeKeyId: 5 })).toThrow(/PERSONAL_DATA_ACTIVE_KEY/);
  });
});
