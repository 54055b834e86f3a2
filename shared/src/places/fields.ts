import { z } from 'zod';
import { parseAreaCenti, formatAreaCenti } from './area';

export const text = (label: string, max: number) =>
  z
    .string({ error: `${label}必须是文字` })
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

export const intId = (label: string) =>
  z.coerce.number({ error: `${label}必须是编号` }).int(`${label}必须是整数编号`).positive(`${label}无效`);

export const isoDate = (label: string) =>
  z.iso.date({ error: `${label}必须是日期 (YYYY-MM-DD)` });

export const mobilePhone = (label = '手机号') =>
  z
    .string({ error: `${label}必须是文字` })
    .trim()
    .regex(/^1[3-9]\d{9}$/, `${label}必须是11位手机号`);

export const regionCodeField = (label = '行政区划代码') =>
  z.string({ error: `${label}必须是文字` }).regex(/^(\d{6}|\d{9}|\d{12})$/, `${label}必须是6、9或12位数字`);
