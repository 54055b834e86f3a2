import { auditChanges, auditChangesText } from './changes';

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
