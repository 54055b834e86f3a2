import { loadConfig } from './index';

const base = { NODE_ENV: 'test', JWT_SECRET: 'j'.repeat(20), FUND_PAYMENT_SECRET: 'f'.repeat(20) };

describe('personal-data keyring settings (issue 17; docs/SECURITY.md)', () => {
  test('SM4 by default; ENCRYPTION_KEY is version 0 and active while it is the only key', () => {
    const c = loadConfig({ ...base, ENCRYPTION_KEY: 'e'.repeat(20) });
    expect(c.personalData).toEqual({ algorithm: 'sm4-cbc-hmac-sm3', keys: [{ id: 0, secret: 'e'.repeat(20) }], activeKeyId: 0 });
  });

  test('PERSONAL_DATA_KEYS adds versions; the highest is active unless PERSONAL_DATA_ACTIVE_KEY names another', () => {
    const env = { ...base, ENCRYPTION_KEY: 'e'.repeat(20), PERSONAL_DATA_KEYS: `1:${'a'.repeat(16)}, 2:${'b'.repeat(16)}` };
    expect(loadConfig(env).personalData.activeKeyId).toBe(2);
    expect(loadConfig({ ...env, PERSONAL_DATA_ACTIVE_KEY: '1' }).personalData.activeKeyId).toBe(1);
    expect(loadConfig({ ...env, PERSONAL_DATA_ALGORITHM: 'aes-256-gcm' }).personalData.algorithm).toBe('aes-256-gcm');
  });

  test.each([
    ['a short secret', { PERSONAL_DATA_KEYS: '1:short' }, /PERSONAL_DATA_KEYS/],
    ['version 0 (reserved for ENCRYPTION_KEY)', { PERSONAL_DATA_KEYS: `0:${'a'.repeat(16)}` }, /PERSONAL_DATA_KEYS/],
    ['a repeated version', { PERSONAL_DATA_KEYS: `1:${'a'.repeat(16)},1:${'b'.repeat(16)}` }, /重复/],
    ['an active key not in the ring', { PERSONAL_DATA_ACTIVE_KEY: '3' }, /PERSONAL_DATA_ACTIVE_KEY/],
    ['an algorithm outside the list', { PERSONAL_DATA_ALGORITHM: 'des' }, /PERSONAL_DATA_ALGORITHM/],
  ])('refused: %s', (_name, extra, message) => {
    expect(() => loadConfig({ ...base, ENCRYPTION_KEY: 'e'.repeat(20), ...extra })).toThrow(message);
  });

  test('production needs a personal-data key from the environment; PERSONAL_DATA_KEYS alone will do', () => {
    const prod = { ...base, NODE_ENV: 'production' };
    expect(() => loadConfig(prod)).toThrow(/PERSONAL_DATA_KEYS/);
    const c = loadConfig({ ...prod, PERSONAL_DATA_KEYS: `3:${'a'.repeat(16)}` });
    expect(c.personalData.keys.map((k) => k.id)).toEqual([3]);
  });

  test('outside production, extra versions may come from the installation’s secrets.json', () => {
    const c = loadConfig(
      { NODE_ENV: 'development' },
      {
        localSecrets: () => ({
          jwtSecret: 'j'.repeat(20),
          encryptionKey: 'e'.repeat(20),
          fundPaymentSecret: 'f'.repeat(20),
          personalDataKeys: `1:${'k'.repeat(16)}`,
        }),
      },
    );
    expect(c.personalData.keys.map((k) => k.id)).toEqual([0, 1]);
    expect(c.personalData.activeKeyId).toBe(1);
  });
});
