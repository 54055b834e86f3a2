import { CODE_FIELD, sharedCodeLabel } from './codeLabels';

// Issue 16 §3: an export writes enum labels, not codes, even where a list gave no label map.
test.each([
  ['in_progress', '处理中'],
  ['first_deposit', '首次交存'],
  ['BT0001', undefined],
  ['绿都家园', undefined],
  ['toString', undefined],
])('%s reads %s', (code, label) => {
  expect(sharedCodeLabel(code)).toBe(label);
});

test('only code-holding fields are labelled, never free text', () => {
  for (const f of ['status', 'kind', 'scopeType', 'level', 'payer']) expect(CODE_FIELD.test(f)).toBe(true);
  for (const f of ['username', 'name', 'memo', 'reference', 'code', 'address']) expect(CODE_FIELD.test(f)).toBe(false);
});
