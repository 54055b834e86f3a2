import { z } from 'zod';
import { parseAreaCenti, formatAreaCenti } from './area';
import { idNumberProblem, normalizeIdNumber } from './idNumber';
import { normalizePhone, phoneKind, phoneProblem } from './phone';

export const text = (label: string, max: number) =>
  z
    .string({ error: (iss) => (iss.input === undefined || iss.input === null ? `请填写${label}` : `${label}必须是文字`) })
    .trim()
    .min(1, `${label}不能为空`)
    .max(max, `${label}不能超过${max}个字`);

export const optionalText = (label: string, max: number) =>
  z
    .string({ error: `${label}必须是文字` })
    .trim()
    .max(max, `${label}不能超过${max}个字`)
    .nullish()
    .transform((v) => (v ? v : null));

/** A positive exact area; wire value "89.50" (number input accepted), stored as a decimal string. */
export const positiveArea = (label: string) =>
  z.union([z.string(), z.number()], { error: `${label}必须是数字` }).transform((v, ctx) => {
    const centi = parseAreaCenti(v);
    if (centi === undefined) {
      ctx.addIssue({ code: 'custom', message: `${label}必须是最多两位小数的数字` });
      return z.NEVER;
    }
    if (centi <= 0) {
      ctx.addIssue({ code: 'custom', message: `${label}必须大于0` });
      return z.NEVER;
    }
    return formatAreaCenti(centi);
  });

/** Database ids are PostgreSQL `integer`s. */
export const MAX_ID = 2147483647;

/**
 * A row id as JSON sends it: a number. Nothing is coerced (true, "1", null, [] are refused, not
 * read as 1 or 0); query-string ids go through the server's strict decimal parse instead.
 */
export const intId = (label: string) =>
  // nothing chosen reads "请选择…" on the field (a blank select once said "企业必须是编号")
  z
    .number({ error: (iss) => (iss.input === undefined || iss.input === null ? `请选择${label}` : `${label}必须是编号`) })
    .int(`${label}必须是整数编号`)
    .positive(`${label}无效`)
    .max(MAX_ID, `${label}无效`);

/**
 * A latitude or longitude within ±limit degrees: a number, or a decimal string as the numeric
 * column gives it back ("40.657000"); output is a decimal string (stored exactly, never coerced
 * from true, null, [] or "").
 */
export const coordinate = (label: string, limit: number) =>
  z.union([z.number(), z.string()], { error: `${label}必须是数字` }).transform((v, ctx) => {
    const text = typeof v === 'number' ? (Number.isFinite(v) && !/e/i.test(String(v)) ? String(v) : '') : v.trim();
    if (!/^-?\d{1,3}(\.\d{1,6})?$/.test(text) || Math.abs(Number(text)) > limit) {
      ctx.addIssue({ code: 'custom', message: `${label}必须是 -${limit} 到 ${limit} 之间、最多6位小数的数字` });
      return z.NEVER;
    }
    return text;
  });

/** A resident ID number (GB 11643-1999): normalised (full-width, lower-case x, spaces), then checked against the day it is parsed. */
export const idNumberField = (label = '身份证号') =>
  z
    .string({ error: `${label}必须是文字` })
    .transform(normalizeIdNumber)
    .superRefine((v, ctx) => {
      const problem = idNumberProblem(v, new Date());
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    });

/** Years a property record can plausibly carry; others are typing errors (and year 0 is no date to PostgreSQL). */
export const DATE_YEARS = { min: 1900, max: 2100 } as const;

/** A calendar date "YYYY-MM-DD" (real day of a real month) in DATE_YEARS. */
export const isoDate = (label: string) =>
  z.iso.date({ error: `${label}必须是日期 (YYYY-MM-DD)` }).refine((d) => Number(d.slice(0, 4)) >= DATE_YEARS.min && Number(d.slice(0, 4)) <= DATE_YEARS.max, {
    message: `${label}须在${DATE_YEARS.min}–${DATE_YEARS.max}年之间`,
  });

/** A mobile only (a resident binding a home, a worker messaged by SMS): phone.ts' rule. */
export const mobilePhone = (label = '手机号') =>
  z
    .string({ error: `${label}必须是文字` })
    .trim()
    .refine((v) => phoneKind(v) === 'mobile', phoneProblem(label, false));

/** A contact phone where a landline is a real answer (a hotline caller, a company's office): stored normalised (phone.ts). */
export const contactPhone = (label = '联系电话') =>
  z
    .string({ error: `${label}必须是文字` })
    .trim()
    .refine((v) => phoneKind(v) !== undefined, phoneProblem(label, true))
    .transform(normalizePhone);

export const regionCodeField = (label = '行政区划代码') =>
  z.string({ error: `${label}必须是文字` }).regex(/^(\d{6}|\d{9}|\d{12})$/, `${label}必须是6、9或12位数字`);
