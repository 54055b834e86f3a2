import { loadConfig, type Config } from '@baotou/config';

export const DEMO_PASSWORD = 'baotou2024';

/** The configuration tests run with: real PostgreSQL, dev login on, WeChat at a local stand-in. */
export function testConfig(overrides: Record<string, string> = {}): Config {
  return loadConfig({ NODE_ENV: 'test', DEMO_PASSWORD, DEV_LOGIN: '1', SEED_DEMO: '0', ...overrides });
}
