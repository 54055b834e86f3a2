import { creditSettingsFromEnv, DEFAULT_CREDIT_RULES } from './credit';

describe('credit settings (DOMAIN.md §5: every number a setting with its source)', () => {
  test('defaults: 5 working days of publicity, 20 to answer, 1 year, caps 80/40, +5 for an upgrade', () => {
    const s = creditSettingsFromEnv({});
    expect(s).toMatchObject({ publicityWorkingDays: 5, objectionAnswerWorkingDays: 20, validityYears: 1, baseCapTenths: 800, goodCapTenths: 400 });
    expect(s.rules.project_upgraded.pointsTenths).toBe(50);
    for (const r of Object.values(s.rules)) expect(r.source.length).toBeGreaterThan(0);
    for (const t of Object.values(s.itemTypes)) expect(t.category === 'bad' ? t.maxTenths <= 0 : t.minTenths >= 0).toBe(true);
  });
  test('a rule override keeps the sign and names its source', () => {
    const s = creditSettingsFromEnv({ CREDIT_RULE_POINTS: JSON.stringify({ hazard_overdue: { pointsTenths: -50, source: '包头市文件' } }) });
    expect(s.rules.hazard_overdue).toEqual({ pointsTenths: -50, source: '包头市文件' });
    expect(s.rules.ticket_overdue).toEqual(DEFAULT_CREDIT_RULES.ticket_overdue);
    expect(() => creditSettingsFromEnv({ CREDIT_RULE_POINTS: JSON.stringify({ hazard_overdue: { pointsTenths: 50 } }) })).toThrow(/符号/);
    expect(() => creditSettingsFromEnv({ CREDIT_RULE_POINTS: JSON.stringify({ made_up: { pointsTenths: 5 } }) })).toThrow(/未知规则/);
    expect(() => creditSettingsFromEnv({ CREDIT_RULE_POINTS: '{' })).toThrow(/JSON/);
  });
  test('item types can be added; a range of the wrong sign is refused', () => {
    const s = creditSettingsFromEnv({
      CREDIT_ITEM_TYPES: JSON.stringify({ volunteer: { label: '志愿服务', category: 'good', minTenths: 5, maxTenths: 20, source: '本地' } }),
    });
    expect(s.itemTypes.volunteer.label).toBe('志愿服务');
    expect(s.itemTypes.penalty).toBeDefined();
    expect(() =>
      creditSettingsFromEnv({ CREDIT_ITEM_TYPES: JSON.stringify({ x1: { label: 'x', category: 'bad', minTenths: -5, maxTenths: 5, source: 's' } }) }),
    ).toThrow(/CREDIT_ITEM_TYPES/);
    expect(() => creditSettingsFromEnv({ CREDIT_PUBLICITY_WORKING_DAYS: '-1' })).toThrow();
  });
});
