import { z } from 'zod';
import * as shared from '../index';
import { coordinate, intId, isoDate, text } from './fields';

/** Every zod object schema @baotou/shared exports (ticketActionSchemas is a record of them), by name. */
function exportedObjectSchemas(): [string, Record<string, z.ZodType>][] {
  const out: [string, Record<string, z.ZodType>][] = [];
  const visit = (name: string, v: unknown) => {
    const shape = (v as { shape?: Record<string, z.ZodType> } | undefined)?.shape;
    if (v instanceof z.ZodType && shape) out.push([name, shape]);
    else if (v && typeof v === 'object' && !(v instanceof z.ZodType) && !Array.isArray(v)) {
      for (const [k, inner] of Object.entries(v)) if (inner instanceof z.ZodType) visit(`${name}.${k}`, inner);
    }
  };
  for (const [name, v] of Object.entries(shared)) visit(name, v);
  return out;
}

const fields = exportedObjectSchemas().flatMap(([schema, shape]) => Object.entries(shape).map(([key, field]) => [`${schema}.${key}`, field] as const));

describe('issue 9 §7: a JSON body is never coerced — wrong types are refused, not read as 1 or 0', () => {
  test('the sweep sees the schemas (a sweep over nothing proves nothing)', () => {
    expect(fields.length).toBeGreaterThan(100);
    expect(fields.map(([n]) => n)).toEqual(
      expect.arrayContaining(['buildingSchema.compoundId', 'projectSchema.serviceLevel', 'ticketActionSchemas.confirm.rating', 'compoundSchema.lat']),
    );
  });

  test.each([true, false, null, [], {}, '', '7', ' 1 ', '0x10', '1e3'])('no field turns %j into a number', (bad) => {
    const coerced = fields.filter(([, f]) => {
      const r = f.safeParse(bad);
      return r.success && typeof r.data === 'number';
    });
    expect(coerced.map(([n]) => n)).toEqual([]);
  });

  test.each([9007199254740993, 1e308, -1e308, 2 ** 53, 0.1 + 0.2])('no field accepts %d as an unsafe or fractional integer', (huge) => {
    const accepted = fields.filter(([, f]) => {
      const r = f.safeParse(huge);
      return r.success && typeof r.data === 'number' && !Number.isSafeInteger(r.data);
    });
    expect(accepted.map(([n]) => n)).toEqual([]);
  });

  test.each(['99999-01-01', '0000-01-01', '1899-12-31', '2101-01-01', '2023-02-29', '2024-04-31', '2024-13-01', '+099999-01-01'])(
    'no date field accepts %s',
    (absurd) => {
      // A date field: accepts a plain date, refuses plain words and a bare run of digits (an account
      // number drops the dashes of 2024-02-29 and takes it as digits: not a date field).
      const dateFields = fields.filter(([, f]) => f.safeParse('2024-02-29').success && !f.safeParse('aaaa-bb-cc').success && !f.safeParse('20240229').success);
      expect(dateFields.length).toBeGreaterThan(10);
      expect(dateFields.filter(([, f]) => f.safeParse(absurd).success).map(([n]) => n)).toEqual([]);
    },
  );
});

describe('the field helpers', () => {
  test.each([
    [1, true],
    [2147483647, true],
    [2147483648, false],
    [0, false],
    [-1, false],
    [1.5, false],
    ['1', false],
    [true, false],
  ])('intId %j → %s', (v, ok) => expect(intId('小区').safeParse(v).success).toBe(ok));

  test.each([
    [undefined, '请选择小区'],
    [null, '请选择小区'],
    ['1', '小区必须是编号'],
    [1.5, '小区必须是整数编号'],
  ])('intId %j says %s', (v, message) => expect(intId('小区').safeParse(v).error?.issues[0].message).toBe(message));

  // a blank required text field (the console sends null) asks for it, not "名称必须是文字"
  test.each([
    [undefined, '请填写名称'],
    [null, '请填写名称'],
    [5, '名称必须是文字'],
    ['  ', '名称不能为空'],
  ])('text %j says %s', (v, message) => expect(text('名称', 10).safeParse(v).error?.issues[0].message).toBe(message));

  test.each([
    [40.657, '40.657'],
    ['40.657000', '40.657000'],
    [-90, '-90'],
    [90.000001, undefined],
    ['1e1', undefined],
    [1e-7, undefined],
  ])('coordinate(±90) %j → %j', (v, out) => {
    const r = coordinate('纬度', 90).safeParse(v);
    expect(r.success ? r.data : undefined).toBe(out);
  });

  test('isoDate: 1900–2100, real days only', () => {
    expect(isoDate('日期').safeParse('2024-02-29').success).toBe(true);
    expect(isoDate('日期').safeParse('1900-01-01').success).toBe(true);
    expect(isoDate('日期').safeParse('2100-12-31').success).toBe(true);
    expect(isoDate('日期').safeParse('2025-02-29').success).toBe(false);
  });
});
