import {
  EXPORT_PURPOSE_KINDS,
  PERSONAL_DATA_EXPORTS,
  exportAuditSchema,
  exportCarriesPersonalData,
  exportPurposeKindLabels,
  exportPurposeText,
} from './exports';

describe('DOMAIN.md §7 / PIPL Art. 6: exports of personal data name their purpose', () => {
  test.each([
    ['owners', true],
    ['households', true],
    ['household-claims', true],
    ['tickets', true],
    ['party-members', true],
    ['users', true],
    ['audit-logs', true],
    ['compounds', false],
    ['regions', false],
    ['fund-accounts', false],
    ['votes', false],
    ['committee-formation', false],
    ['toString', false],
  ])('%s carries personal data: %s', (resource, expected) => {
    expect(exportCarriesPersonalData(resource)).toBe(expected);
  });

  test('every purpose kind has a Chinese label', () => {
    expect(Object.keys(exportPurposeKindLabels).sort()).toEqual([...EXPORT_PURPOSE_KINDS].sort());
  });

  test.each([
    [{ kind: 'statistics', detail: '2024年度报表' }, '统计分析：2024年度报表'],
    [{ kind: 'other', detail: '  上级检查调阅  ' }, '其他：上级检查调阅'],
  ])('purpose %j reads %s', (purpose, text) => {
    expect(exportPurposeText(purpose)).toBe(text);
  });

  test.each(['', 'toString', 'STATISTICS', 'audit'])('a purpose kind outside the enum (%j) throws', (kind) => {
    expect(() => exportPurposeText({ kind, detail: '说明' })).toThrow(/unknown export purpose/);
  });

  const valid = { resource: 'households', filter: { compoundId: 1 }, rowCount: 25, purpose: { kind: 'verification', detail: '核对业主信息' } };
  test('a complete request parses; filter defaults to {}', () => {
    expect(exportAuditSchema.parse(valid)).toEqual(valid);
    const { filter: _f, ...noFilter } = valid;
    expect(exportAuditSchema.parse(noFilter).filter).toEqual({});
  });

  test.each<[string, Record<string, unknown>, string]>([
    ['no purpose', { purpose: undefined }, 'purpose'],
    ['a purpose without its words', { purpose: { kind: 'statistics' } }, 'purpose.detail'],
    ['a one-character purpose', { purpose: { kind: 'statistics', detail: ' 看 ' } }, 'purpose.detail'],
    ['a purpose kind outside the list', { purpose: { kind: 'curiosity', detail: '随便看看' } }, 'purpose.kind'],
    ['a fractional row count', { rowCount: 2.5 }, 'rowCount'],
    ['a row count as text', { rowCount: '25' }, 'rowCount'],
    ['a negative row count', { rowCount: -1 }, 'rowCount'],
    ['a filter that is a list', { filter: [1] }, 'filter'],
    ['a resource name with a slash', { resource: '../users' }, 'resource'],
  ])('%s is refused', (_what, change, path) => {
    const r = exportAuditSchema.safeParse({ ...valid, ...change });
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.path.join('.'))).toContain(path);
  });

  test('the list is of distinct resource names', () => {
    expect(new Set(PERSONAL_DATA_EXPORTS).size).toBe(PERSONAL_DATA_EXPORTS.length);
  });
});
