import { creditItemCreateSchema, filingCreateSchema } from '@baotou/shared';
import { formFieldErrors, zodFields, zodValidate } from './schemaValidation';

// The console's form checks are shared's schemaFieldErrors (the API's own rules), keyed by the form's field.
const filing = {
  projectId: 1,
  kind: 'contract',
  documentNo: 'HT-2026-01',
  validFrom: '2026-01-01',
  validUntil: '2026-12-31',
  documents: [{ name: '合同.pdf', url: '/api/uploads/1' }],
  note: null,
};

test('a body the schema accepts has no errors', () => {
  expect(formFieldErrors(filingCreateSchema, filing)).toEqual({});
});

test('a cross-field rule lands on its field (有效期止 not before 有效期起)', () => {
  expect(formFieldErrors(filingCreateSchema, { ...filing, validUntil: '2025-12-31' })).toEqual({ validUntil: '有效期止不能早于有效期起' });
});

test('an issue inside a list lands on the list field, not on documents.0.name', () => {
  const errors = formFieldErrors(filingCreateSchema, { ...filing, documents: [{ name: '', url: '/api/uploads/1' }] });
  expect(Object.keys(errors)).toEqual(['documents']);
  expect(errors.documents).toMatch(/文件名称/);
});

test('zodFields answers one field of the whole form; zodValidate all of them', () => {
  const check = zodFields(filingCreateSchema, (v) => v);
  const bad = { ...filing, validUntil: '2025-12-31' };
  expect(check('validUntil')(bad.validUntil, bad)).toBe('有效期止不能早于有效期起');
  expect(check('documentNo')(bad.documentNo, bad)).toBeUndefined();
  expect(zodValidate(filingCreateSchema, (v) => v)(bad)).toEqual({ validUntil: '有效期止不能早于有效期起' });
});

test("rename puts a body field's message on the form's field (pointsTenths → points)", () => {
  const errors = zodValidate(creditItemCreateSchema, (v) => ({ ...v, pointsTenths: 'x' }), { pointsTenths: 'points' })({});
  expect(errors.points).toBeTruthy();
  expect(errors.pointsTenths).toBeUndefined();
});
