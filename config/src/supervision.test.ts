import { loadConfig } from './index';

describe('supervision settings (DOMAIN.md §10: hazard deadlines are settings, 7 days / 24 h by default)', () => {
  test('defaults, each with its source document', () => {
    const s = loadConfig({}).supervision;
    expect(s).toMatchObject({ hazardGeneralHours: 168, hazardMajorHours: 24, hazardSweepSeconds: 300 });
    expect(s.sources.hazardGeneralHours).toMatch(/61号/);
  });

  test('set from the environment; a bad number is refused at start-up', () => {
    expect(loadConfig({ HAZARD_GENERAL_HOURS: '72' }).supervision.hazardGeneralHours).toBe(72);
    expect(() => loadConfig({ HAZARD_MAJOR_HOURS: '0' })).toThrow(/HAZARD_MAJOR_HOURS/);
    expect(() => loadConfig({ HAZARD_GENERAL_HOURS: '1.5' })).toThrow(/HAZARD_GENERAL_HOURS/);
  });
});
