import { z } from 'zod';
import { intId, isoDate, mobilePhone, optionalText, text } from '../places/fields';
import { STAFF_IMPORT_KINDS, STAFF_POSTS, TRAINING_KINDS } from './workforceEnums';

const choice = <T extends readonly [string, ...string[]]>(label: string, values: T) => z.enum(values, { error: `${label}不在可选范围内` });
/** Beijing's calendar day: hire and training dates are Beijing days. */
export const beijingToday = (now: Date = new Date()) => new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);

/** Most tenths of an hour one person can train in one day (24 h): DOMAIN.md §13, issue 12 "hours > 24 a day". */
export const MAX_TRAINING_TENTHS_PER_DAY = 240;
/** Certificates flagged when they expire within this many days (issue 12). */
export const CERTIFICATE_WARNING_DAYS = 60;
export const MAX_CERTIFICATES = 10;

export const certificateSchema = z.strictObject({
  name: text('证书名称', 60),
  number: text('证书编号', 40),
  expiresOn: isoDate('证书有效期'),
});
export type Certificate = z.infer<typeof certificateSchema>;

/**
 * A staff member as a company enters them. `specialist` defaults from the post (isSpecialistPost);
 * `phone` is personal data (stored encrypted, masked outside the company).
 */
export const staffSchema = z
  .strictObject({
    staffNo: text('工号', 30),
    name: text('姓名', 40),
    post: choice('岗位', STAFF_POSTS),
    specialist: z.boolean({ error: '是否专业岗位必须是“是”或“否”' }).nullish(),
    projectId: intId('所在项目').nullish(),
    hiredOn: isoDate('入职日期'),
    leftOn: isoDate('离职日期').nullish(),
    phone: mobilePhone().nullish(),
    certificates: z.array(certificateSchema, { error: '证书必须是列表' }).max(MAX_CERTIFICATES, `证书最多${MAX_CERTIFICATES}项`).nullish(),
  })
  .superRefine((s, ctx) => {
    const today = beijingToday();
    if (s.hiredOn > today) ctx.addIssue({ code: 'custom', path: ['hiredOn'], message: '入职日期不能晚于今天' });
    if (s.leftOn && s.leftOn < s.hiredOn) ctx.addIssue({ code: 'custom', path: ['leftOn'], message: '离职日期不能早于入职日期' });
  });
export type StaffInput = z.infer<typeof staffSchema>;

/** Hours in tenths of an hour: 1 (0.1 h) to 240 (24 h). */
export const hoursTenths = (label = '学时') =>
  z
    .number({ error: `${label}必须是数字` })
    .int(`${label}以0.1小时为单位，须为整数个0.1小时`)
    .min(1, `${label}必须大于0`)
    .max(MAX_TRAINING_TENTHS_PER_DAY, `${label}一天不能超过24小时`);

/** A training record: one day, one course. Hours are tenths of an hour (hoursTenths: 35 = 3.5 h). */
export const trainingSchema = z
  .strictObject({
    staffId: intId('员工'),
    kind: choice('培训类型', TRAINING_KINDS),
    course: text('课程', 100),
    provider: text('培训机构', 100),
    hoursTenths: hoursTenths(),
    trainedOn: isoDate('培训日期'),
    certificateNo: optionalText('培训证书编号', 40),
    evidence: optionalText('佐证材料', 300),
  })
  .superRefine((t, ctx) => {
    if (t.trainedOn > beijingToday()) ctx.addIssue({ code: 'custom', path: ['trainedOn'], message: '培训日期不能晚于今天' });
  });
export type TrainingInput = z.infer<typeof trainingSchema>;

export const staffImportCommitSchema = z.strictObject({
  confirmValidOnly: z.boolean({ error: 'confirmValidOnly必须是true或false' }).optional().default(false),
});
export const staffImportKindSchema = choice('导入类型', STAFF_IMPORT_KINDS);

export const TRAINING_RATE_GROUPS = ['company', 'district', 'city'] as const;
export type TrainingRateGroup = (typeof TRAINING_RATE_GROUPS)[number];
export const trainingRatesQuerySchema = z.strictObject({
  year: z
    .string({ error: '年份必须是数字' })
    .regex(/^\d{4}$/, '年份必须是4位数字')
    .transform(Number)
    .refine((y) => y >= 2000 && y <= 2100, '年份须在2000–2100年之间'),
  groupBy: choice('分组方式', TRAINING_RATE_GROUPS).optional().default('district'),
});
