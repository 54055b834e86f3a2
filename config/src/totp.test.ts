import { loadConfig } from './index';

const PRODUCTION = { NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32), ENCRYPTION_KEY: 'y'.repeat(32), FUND_PAYMENT_SECRET: 'z'.repeat(32) };

describe('second-factor settings (issue 17: on by default in production, off for the demo accounts)', () => {
  test('production: required for every staff role by default, no demo exemption', () => {
    expect(loadConfig(PRODUCTION).totp).toEqual({ required: true, requiredRoles: 'all', exemptDemoAccounts: false, issuer: '包头智慧物业', windowSteps: 1 });
  });

  test('outside production: not enforced by default; demo accounts exempt when it is', () => {
    expect(loadConfig({ NODE_ENV: 'development' }).totp).toMatchObject({ required: false, exemptDemoAccounts: true });
    expect(loadConfig({ NODE_ENV: 'test', TOTP_REQUIRED: 'on' }).totp).toMatchObject({ required: true, exemptDemoAccounts: true });
  });

  test('production may narrow the roles or (documented risk) switch it off, never exempt demo accounts', () => {
    expect(loadConfig({ ...PRODUCTION, TOTP_REQUIRED_ROLES: 'company_staff', TOTP_REQUIRED: 'off' }).totp).toMatchObject({
      required: false,
      requiredRoles: 'company_staff',
      exemptDemoAccounts: false,
    });
  });

  test('a window beyond two steps is refused at start-up', () => {
    expect(() => loadConfig({ TOTP_WINDOW_STEPS: '3' })).toThrow(/TOTP_WINDOW_STEPS/);
  });
});
