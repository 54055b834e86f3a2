import { loadConfig } from './index';

// Issue 9 §3: no built-in secret. The old source had one (anyone could forge tokens with it).
const OLD_BUILT_IN = ['dev-only-secret-change-me-0000', 'dev-only-payment-secret-0000'];

describe('secrets outside production', () => {
  test('unset: random, never a built-in value, and different on each load without a keeper', () => {
    const a = loadConfig({});
    const b = loadConfig({});
    for (const c of [a, b]) {
      for (const s of [c.jwtSecret, c.encryptionKey, c.fund.paymentSecret]) {
        expect(s.length).toBeGreaterThanOrEqual(32);
        expect(OLD_BUILT_IN).not.toContain(s);
      }
    }
    expect(a.jwtSecret).not.toBe(b.jwtSecret);
    expect(a.encryptionKey).not.toBe(b.encryptionKey);
  });

  test("unset: the installation's kept secrets, asked for with its data folder", () => {
    const asked: string[] = [];
    const kept = {
      jwtSecret: 'kept-jwt-secret-0123456789abcdef',
      encryptionKey: 'kept-encryption-key-0123456789ab',
      fundPaymentSecret: 'kept-payment-secret-0123456789ab',
    };
    const c = loadConfig({ DATA_DIR: '/srv/bt' }, { localSecrets: (dir) => (asked.push(dir), kept) });
    expect(asked).toEqual(['/srv/bt']);
    expect([c.jwtSecret, c.encryptionKey, c.fund.paymentSecret]).toEqual([kept.jwtSecret, kept.encryptionKey, kept.fundPaymentSecret]);
  });

  test('sibling: set in the environment wins over kept ones; all set, the keeper is not asked', () => {
    const kept = {
      jwtSecret: 'kept-jwt-secret-0123456789abcdef',
      encryptionKey: 'kept-encryption-key-0123456789ab',
      fundPaymentSecret: 'kept-payment-secret-0123456789ab',
    };
    const partly = loadConfig({ JWT_SECRET: 'env-jwt-secret-0123456789' }, { localSecrets: () => kept });
    expect(partly.jwtSecret).toBe('env-jwt-secret-0123456789');
    expect(partly.encryptionKey).toBe(kept.encryptionKey);
    const keeper = jest.fn(() => kept);
    loadConfig(
      { JWT_SECRET: 'env-jwt-secret-0123456789', ENCRYPTION_KEY: 'env-encryption-key-012345', FUND_PAYMENT_SECRET: 'env-payment-secret-012345' },
      { localSecrets: keeper },
    );
    expect(keeper).not.toHaveBeenCalled();
  });

  test('production still requires them from the environment (no keeper is asked)', () => {
    const keeper = jest.fn();
    expect(() => loadConfig({ NODE_ENV: 'production' }, { localSecrets: keeper })).toThrow(/JWT_SECRET/);
    expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'a-production-secret-0123456789', ENCRYPTION_KEY: 'a-production-key-0123456789' })).toThrow(
      /FUND_PAYMENT_SECRET/,
    );
    expect(keeper).not.toHaveBeenCalled();
  });
});
