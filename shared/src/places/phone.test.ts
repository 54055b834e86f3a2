import { normalizePhone, phoneKind } from './phone';
import { contactPhone, mobilePhone } from './fields';

// DOMAIN.md §7 / issue 16 §1: a hotline caller may answer with a landline; a home binding needs a mobile.
describe('phoneKind', () => {
  test.each([
    ['13800001234', 'mobile'],
    [' 19912345678 ', 'mobile'],
    ['0472-5267086', 'landline'],
    ['0472 5267086', 'landline'],
    ['04725267086', 'landline'],
    ['010-62345678', 'landline'],
    ['5267086', 'landline'],
    ['12800001234', undefined],
    ['1380000123', undefined],
    ['0472-0267086', undefined],
    ['0472--5267086', undefined],
    ['472-5267086', undefined],
    ['0472-526708', undefined],
    ['+86 13800001234', undefined],
    ['', undefined],
    ['1380000\u00001234', undefined],
  ])('%j → %s', (raw, kind) => expect(phoneKind(raw)).toBe(kind));
});

describe('normalizePhone', () => {
  test.each([
    ['13800001234', '13800001234'],
    ['0472 5267086', '0472-5267086'],
    ['04725267086', '0472-5267086'],
    ['5267086', '5267086'],
  ])('%j → %j', (raw, out) => expect(normalizePhone(raw)).toBe(out));
  test('throws on a non-number', () => expect(() => normalizePhone('abc')).toThrow());
});

describe('the zod fields', () => {
  test('contactPhone accepts a landline and stores it normalised', () => {
    expect(contactPhone('联系电话').parse('04725267086')).toBe('0472-5267086');
    expect(contactPhone('联系电话').parse('13800001234')).toBe('13800001234');
  });
  test('contactPhone refuses garbage in Chinese', () => {
    const r = contactPhone('联系电话').safeParse('0472-52');
    expect(r.success).toBe(false);
    expect(r.error?.issues[0].message).toBe('联系电话须为11位手机号或固定电话（如 0472-5267086）');
  });
  test('mobilePhone still refuses a landline (binding a home)', () => {
    const r = mobilePhone().safeParse('0472-5267086');
    expect(r.success).toBe(false);
    expect(r.error?.issues[0].message).toBe('手机号必须是11位手机号');
  });
  test.each([1, null, true])('contactPhone refuses %j', (bad) => expect(contactPhone('联系电话').safeParse(bad).success).toBe(false));
});
