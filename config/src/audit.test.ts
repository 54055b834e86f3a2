import { loadConfig } from './index';

describe('audit retention (网络安全法 Art. 21: network logs kept at least six months)', () => {
  test('AUDIT_RETENTION_DAYS defaults to three years (1095 days)', () => {
    expect(loadConfig({}).audit.retentionDays).toBe(1095);
  });

  test('183 days is accepted; 182, zero, negative, fractional or non-numeric values are refused at start-up', () => {
    expect(loadConfig({ AUDIT_RETENTION_DAYS: '183' }).audit.retentionDays).toBe(183);
    for (const bad of ['182', '30', '0', '-1', '200.5', 'forever']) expect(() => loadConfig({ AUDIT_RETENTION_DAYS: bad })).toThrow(/AUDIT_RETENTION_DAYS/);
  });

  test('the sealer interval defaults to 2 s and refuses values under 100 ms', () => {
    expect(loadConfig({}).audit.sealIntervalMs).toBe(2000);
    expect(() => loadConfig({ AUDIT_SEAL_INTERVAL_MS: '10' })).toThrow(/AUDIT_SEAL_INTERVAL_MS/);
  });
});
