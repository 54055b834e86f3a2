import { auditChanges, auditChangesText } from './changes';
import { AUDIT_LOG_EXPORT_COLUMNS } from '../exports/auditLogColumns';
import { exportCell } from '../exports/cells';
import { auditEntityLabel, auditEntityLabels } from './labels';

// Issue 16 §3: an audit row's before/after read as field-by-field differences with Chinese names.
const names = { name: '小区名称', status: '状态', reviewedAt: '审核时间', disabled: '停用' };

test('both sides: only the changed fields, Chinese names, Beijing time, 是/否', () => {
  const before = { name: '绿都家园', status: 'pending', reviewedAt: null, disabled: false };
  const after = { name: '绿都家园', status: 'verified', reviewedAt: '2026-12-07T15:18:06.334Z', disabled: true };
  expect(auditChanges(before, after, names, 'household-claims')).toEqual([
    { field: 'status', label: '状态', before: '待审核', after: '已认证', changed: true },
    { field: 'reviewedAt', label: '审核时间', before: '—', after: '2026-12-07 23:18:06', changed: true },
    { field: 'disabled', label: '停用', before: '否', after: '是', changed: true },
  ]);
});

test('a creation lists every field; an unknown field keeps its own name', () => {
  expect(auditChangesText(null, { name: '新小区', extra: [1, 2] }, names)).toBe('小区名称：新小区；extra：1、2');
  expect(auditChangesText({ name: 'A' }, { name: 'B' }, names)).toBe('小区名称：A → B');
  expect(auditChanges(null, null, names)).toEqual([]);
});

test('codes without an entity-specific map read as the first shared label; free text stays as is', () => {
  expect(auditChangesText(null, { status: 'in_progress', note: '王大明' }, { status: '状态', note: '备注' })).toBe('状态：处理中；备注：王大明');
  expect(auditChangesText(null, { at: '2026-12-07 15:18:06+00' }, {})).toBe('at：2026-12-07 23:18:06');
});

// Issue 15 "Export anything": the audit log's export writes what the console's table and show page read.
describe('the audit log export columns', () => {
  const cell = (field: string, row: Record<string, unknown>) => {
    const c = AUDIT_LOG_EXPORT_COLUMNS.find((x) => x.field === field)!;
    return exportCell(c, row[field], undefined, row);
  };

  test('headers are the console table’s (操作人, 操作, 对象类型, 变更内容, …)', () => {
    expect(AUDIT_LOG_EXPORT_COLUMNS.map((c) => c.header)).toEqual([
      'ID',
      '时间',
      '操作人ID',
      '操作人',
      '来源地址',
      '客户端',
      '操作',
      '对象类型',
      '对象ID',
      '所属区划',
      '变更内容',
      '审计链序号',
    ]);
  });

  test('action by entity, entity by name, time to the second in Beijing time, changes in words', () => {
    const row = {
      action: 'accept',
      entity: 'fund-applications',
      at: new Date('2026-12-07T15:18:06.334Z'),
      before: { status: 'submitted' },
      after: { status: 'accepted' },
    };
    expect(cell('action', row)).toBe('竣工验收');
    expect(cell('action', { ...row, entity: 'tickets' })).toBe('受理');
    expect(cell('action', { ...row, action: 'no_such_action' })).toBe('no_such_action');
    expect(cell('entity', row)).toBe('维修资金使用申请');
    expect(cell('at', row)).toBe('2026-12-07 23:18:06');
    expect(cell('changes', row)).toMatch(/^状态：.+ → .+$/);
    expect(cell('changes', row)).not.toMatch(/submitted|accepted/);
  });

  test('every exported list and the other audited entities have a Chinese name; an unnamed one reads as its code', () => {
    for (const entity of ['compounds', 'sign-in', 'security', 'ballots', 'uploads', 'party-imports', 'audit-logs', 'fee-reminders', 'kpi-report'])
      expect([entity, auditEntityLabel(entity)]).toEqual([entity, expect.stringMatching(/^[^a-z]+$/)]);
    expect(auditEntityLabel('compounds')).toBe('小区');
    expect(auditEntityLabel('no-such-thing')).toBe('no-such-thing');
    expect(Object.values(auditEntityLabels()).every((n) => n.length > 0)).toBe(true);
  });
});
