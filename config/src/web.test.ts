import { loadConfig } from './index';

describe('web settings (issue 17: CORS only for configured origins)', () => {
  test('CORS_ORIGINS is empty by default; HSTS a year', () => {
    expect(loadConfig({}).web).toEqual({ corsOrigins: [], hstsMaxAgeSeconds: 31_536_000, metricsToken: null });
    expect(loadConfig({ CORS_ORIGINS: '' }).web.corsOrigins).toEqual([]);
  });

  test('a comma-separated list of origins, spaces around commas ignored', () => {
    expect(loadConfig({ CORS_ORIGINS: 'https://a.example.gov.cn, http://127.0.0.1:5173' }).web.corsOrigins).toEqual([
      'https://a.example.gov.cn',
      'http://127.0.0.1:5173',
    ]);
  });

  test('a wildcard, a path, a trailing slash or another scheme is refused at start-up', () => {
    for (const bad of [
      '*',
      'https://a.example.gov.cn/',
      'https://a.example.gov.cn/admin',
      'a.example.gov.cn',
      'ftp://a.example.gov.cn',
      'https://ok.example,*',
    ]) {
      expect(() => loadConfig({ CORS_ORIGINS: bad })).toThrow(/CORS_ORIGINS/);
    }
  });
});

describe('METRICS_TOKEN (issue 15: metrics for the local network, or with this token)', () => {
  test('absent by default; a long URL-safe token is taken; a short or odd one refuses to start', () => {
    const token = 'a'.repeat(32);
    expect(loadConfig({ METRICS_TOKEN: token }).web.metricsToken).toBe(token);
    for (const bad of ['short', 'x'.repeat(31), `${'a'.repeat(32)} b`, `${'a'.repeat(32)}\n`])
      expect(() => loadConfig({ METRICS_TOKEN: bad })).toThrow(/METRICS_TOKEN/);
  });
});
