import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { PERSONAL_DATA_ALGORITHMS, type PersonalDataAlgorithm, type PersonalDataSettings } from '@baotou/config';

export { PERSONAL_DATA_ALGORITHMS, type PersonalDataAlgorithm, type PersonalDataSettings };

/**
 * Phones and ID numbers are stored encrypted, with a keyed blind index beside the phone where only
 * matching is needed (DOMAIN.md §7, PIPL Art. 51; docs/SECURITY.md).
 *
 * Stored form (self-describing, so any version decrypts and a rotation knows what to redo):
 *   `v2:sm4-cbc-hmac-sm3:<keyId>:<iv b64>:<ciphertext b64>:<mac b64>`  SM4-CBC (GB/T 32907), PKCS#7
 *       padding, then HMAC-SM3 (GB/T 32905) over header‖iv‖ciphertext (encrypt-then-MAC; the header
 *       names algorithm and key, so neither can be swapped).
 *   `v2:aes-256-gcm:<keyId>:<iv b64>:<ciphertext b64>:<tag b64>`      AES-256-GCM, header as AAD.
 *   `<base64 of iv‖tag‖ciphertext>` (no prefix)                        the format before issue 17:
 *       AES-256-GCM under key version 0 (ENCRYPTION_KEY); read only.
 * Blind index: HMAC-SM3 (hex, 64 chars) under the active key; AES schemes keep HMAC-SHA256 (the
 * pre-issue-17 index). An index does not say its key, so matching tries every key in the ring
 * (`hashCandidates`): a lookup never misses a row that a rotation has not reached yet.
 */
export function createPersonalDataCipher(settings: PersonalDataSettings | string) {
  const ring: PersonalDataSettings =
    typeof settings === 'string' ? { algorithm: 'sm4-cbc-hmac-sm3', keys: [{ id: 0, secret: settings }], activeKeyId: 0 } : settings;
  const secrets = new Map(ring.keys.map((k) => [k.id, k.secret]));
  if (!secrets.has(ring.activeKeyId)) throw new Error(`PERSONAL_DATA_ACTIVE_KEY ${ring.activeKeyId} 不在密钥环中 (active key not in PERSONAL_DATA_KEYS)`);
  const schemes = new Map<string, Scheme>();
  function scheme(algorithm: PersonalDataAlgorithm, keyId: number): Scheme {
    const name = `${algorithm}:${keyId}`;
    let s = schemes.get(name);
    if (!s) {
      const secret = secrets.get(keyId);
      if (secret === undefined)
        throw new Error(`个人信息使用的密钥版本 ${keyId} 不在密钥环中 (key version ${keyId} is not in PERSONAL_DATA_KEYS / ENCRYPTION_KEY)`);
      s = algorithm === 'sm4-cbc-hmac-sm3' ? sm4Scheme(secret, keyId) : aesScheme(secret, keyId);
      schemes.set(name, s);
    }
    return s;
  }
  const active = () => scheme(ring.algorithm, ring.activeKeyId);
  const activeTag = `v2:${ring.algorithm}:${ring.activeKeyId}:`;
  /** The index of a value under every key in the ring (active first): match a stored index against all. */
  function hashCandidates(plain: string): string[] {
    const out = [active().index(plain.trim())];
    for (const { id } of ring.keys) {
      for (const algorithm of PERSONAL_DATA_ALGORITHMS) {
        const v = scheme(algorithm, id).index(plain.trim());
        if (!out.includes(v)) out.push(v);
      }
    }
    return out;
  }

  return {
    algorithm: ring.algorithm,
    activeKeyId: ring.activeKeyId,
    /** The prefix every value written now carries; a stored value without it awaits rotation. */
    activeTag,
    /** Encrypts under the active algorithm and key. */
    encrypt(plain: string): string {
      return active().encrypt(plain);
    },
    /** Decrypts any known version. Throws when the key is not in the ring or the value was altered. */
    decrypt(stored: string): string {
      if (!stored.startsWith('v2:')) return scheme('aes-256-gcm', 0).decryptLegacy(stored);
      const [, algorithm, keyId, ...parts] = stored.split(':');
      if (!(PERSONAL_DATA_ALGORITHMS as readonly string[]).includes(algorithm) || !/^\d+$/.test(keyId) || parts.length !== 3) {
        throw new Error('无法识别的个人信息密文格式 (unknown personal-data ciphertext format)');
      }
      return scheme(algorithm as PersonalDataAlgorithm, Number(keyId)).decrypt(`v2:${algorithm}:${keyId}`, parts as [string, string, string]);
    },
    /** Whether a stored value is already under the active algorithm and key. */
    isCurrent(stored: string): boolean {
      return stored.startsWith(activeTag);
    },
    /** Blind index under the active key: equal phones give equal values, and the value alone reveals nothing. */
    hash(plain: string): string {
      return active().index(plain.trim());
    },
    /** The index of a value under every key in the ring (active first): match a stored index against all. */
    hashCandidates,
    /** Whether a stored blind index is the index of `plain` under any key in the ring. */
    matches(storedIndex: string | null | undefined, plain: string): boolean {
      return !!storedIndex && hashCandidates(plain).includes(storedIndex);
    },
  };
}
export type PersonalDataCipher = ReturnType<typeof createPersonalDataCipher>;

interface Scheme {
  encrypt(plain: string): string;
  decrypt(header: string, parts: [string, string, string]): string;
  decryptLegacy(stored: string): string;
  index(plain: string): string;
}

const b64 = (b: Buffer) => b.toString('base64');
const unb64 = (s: string) => Buffer.from(s, 'base64');

/** Sub-keys are derived from a key version's secret with HMAC-SM3 as the PRF, one label per use. */
function derive(secret: string, label: string): Buffer {
  return createHmac('sm3', secret).update(`baotou personal-data v2 ${label}`).digest();
}

function sm4Scheme(secret: string, keyId: number): Scheme {
  const encKey = derive(secret, 'sm4 enc').subarray(0, 16);
  const macKey = derive(secret, 'hmac-sm3 mac');
  const indexKey = derive(secret, 'hmac-sm3 index');
  const header = `v2:sm4-cbc-hmac-sm3:${keyId}`;
  const mac = (h: string, iv: Buffer, ct: Buffer) => createHmac('sm3', macKey).update(h).update(iv).update(ct).digest();
  return {
    encrypt(plain) {
      const iv = randomBytes(16);
      const cipher = createCipheriv('sm4-cbc', encKey, iv);
      const ct = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return `${header}:${b64(iv)}:${b64(ct)}:${b64(mac(header, iv, ct))}`;
    },
    decrypt(h, [ivText, ctText, macText]) {
      const iv = unb64(ivText);
      const ct = unb64(ctText);
      const expected = mac(h, iv, ct);
      const given = unb64(macText);
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw new Error('个人信息密文校验失败 (personal-data MAC mismatch)');
      const decipher = createDecipheriv('sm4-cbc', encKey, iv);
      return Buffer.concat([decipher.update(ct), decipher.final()]).toString('utf8');
    },
    decryptLegacy() {
      throw new Error('unreachable: the unprefixed format is AES-256-GCM');
    },
    index(plain) {
      return createHmac('sm3', indexKey).update(plain).digest('hex');
    },
  };
}

/** AES-256-GCM with the key derivation used before issue 17, so rows stored then still open. */
function aesScheme(secret: string, keyId: number): Scheme {
  const key = createHash('sha256').update(`enc:${secret}`).digest();
  const macKey = createHash('sha256').update(`mac:${secret}`).digest();
  const header = `v2:aes-256-gcm:${keyId}`;
  const open = (iv: Buffer, tag: Buffer, ct: Buffer, aad?: string) => {
    const decipher = createDecipheriv('aes-256-gcm', key, iv);
    if (aad) decipher.setAAD(Buffer.from(aad));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(ct), decipher.final()]).toString('utf8');
  };
  return {
    encrypt(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      cipher.setAAD(Buffer.from(header));
      const ct = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return `${header}:${b64(iv)}:${b64(ct)}:${b64(cipher.getAuthTag())}`;
    },
    decrypt(h, [iv, ct, tag]) {
      return open(unb64(iv), unb64(tag), unb64(ct), h);
    },
    decryptLegacy(stored) {
      const raw = unb64(stored);
      return open(raw.subarray(0, 12), raw.subarray(12, 28), raw.subarray(28));
    },
    index(plain) {
      return createHmac('sha256', macKey).update(plain).digest('hex');
    },
  };
}
