import { z } from 'zod';

/** Algorithms personal data may be written with (docs/SECURITY.md). SM4 is the default (GB/T 39786). */
export const PERSONAL_DATA_ALGORITHMS = ['sm4-cbc-hmac-sm3', 'aes-256-gcm'] as const;
export type PersonalDataAlgorithm = (typeof PERSONAL_DATA_ALGORITHMS)[number];

/** The keyring for personal data at rest: every version that may still be stored, and the one written now. */
export interface PersonalDataSettings {
  algorithm: PersonalDataAlgorithm;
  /** Version 0 is ENCRYPTION_KEY (the key before issue 17); others come from PERSONAL_DATA_KEYS. */
  keys: { id: number; secret: string }[];
  activeKeyId: number;
}

export const personalDataEnvSchema = {
  PERSONAL_DATA_ALGORITHM: z.enum(PERSONAL_DATA_ALGORITHMS).default('sm4-cbc-hmac-sm3'),
  /** `1:<secret>,2:<secret>` — versions ≥ 1, secrets ≥ 16 characters, no commas or colons. */
  PERSONAL_DATA_KEYS: z.string().optional(),
  PERSONAL_DATA_ACTIVE_KEY: z.coerce.number().int().min(0).optional(),
};

/** Parses `1:<secret>,2:<secret>`. Throws (with the setting's name) on a malformed or repeated entry. */
export function parseKeyList(text: string | undefined): { id: number; secret: string }[] {
  if (!text) return [];
  const out: { id: number; secret: string }[] = [];
  for (const entry of text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const m = /^(\d+):([^:,\s]{16,})$/.exec(entry);
    if (!m || Number(m[1]) < 1) throw new Error('PERSONAL_DATA_KEYS 格式应为 “1:<至少16位密钥>,2:<密钥>”，版本号从 1 起 (malformed PERSONAL_DATA_KEYS)');
    if (out.some((k) => k.id === Number(m[1]))) throw new Error(`PERSONAL_DATA_KEYS 中的版本 ${m[1]} 重复 (repeated key version)`);
    out.push({ id: Number(m[1]), secret: m[2] });
  }
  return out;
}

/**
 * The keyring from ENCRYPTION_KEY (version 0) and PERSONAL_DATA_KEYS; the active key defaults to the
 * highest version. Throws when the ring is empty or the active key is not in it.
 */
export function personalDataSettings(
  e: { PERSONAL_DATA_ALGORITHM: PersonalDataAlgorithm; PERSONAL_DATA_KEYS?: string; PERSONAL_DATA_ACTIVE_KEY?: number },
  encryptionKey: string | undefined,
  localKeys: string | undefined,
): PersonalDataSettings {
  const keys = [...(encryptionKey ? [{ id: 0, secret: encryptionKey }] : []), ...parseKeyList(e.PERSONAL_DATA_KEYS ?? localKeys)];
  if (!keys.length) throw new Error('需要设置 ENCRYPTION_KEY 或 PERSONAL_DATA_KEYS (no personal-data key)');
  const activeKeyId = e.PERSONAL_DATA_ACTIVE_KEY ?? Math.max(...keys.map((k) => k.id));
  if (!keys.some((k) => k.id === activeKeyId)) throw new Error(`PERSONAL_DATA_ACTIVE_KEY=${activeKeyId} 不在密钥环中 (active key not in the ring)`);
  return { algorithm: e.PERSONAL_DATA_ALGORITHM, keys, activeKeyId };
}
