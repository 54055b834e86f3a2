import { loadConfig, type Config } from '@baotou/config';

export const DEMO_PASSWORD = 'baotou2024';

/** Fixed, so the template database (seeded in globalSetup) and every test process agree. */
const TEST_SECRETS = {
  JWT_SECRET: 'test-only-jwt-secret-0123456789abcdef',
  ENCRYPTION_KEY: 'test-only-encryption-key-0123456789abcdef',
  FUND_PAYMENT_SECRET: 'test-only-payment-secret-0123456789abcdef',
};

/** The configuration tests run with: real PostgreSQL, dev login on, WeChat at a local stand-in. */
export function testConfig(overrides: Record<string, string> = {}): Config {
  return loadConfig({ NODE_ENV: 'test', DEMO_PASSWORD, DEV_LOGIN: '1', SEED_DEMO: '0', ...TEST_SECRETS, ...overrides });
}
