import { z } from 'zod';
import { intId, isoDate, optionalText, text } from '../places/fields';

/**
 * Satisfaction surveys and interviews (action plan 四(九)1; DOMAIN.md §9; research §2).
 * Enum tuples used by zod, the Drizzle pgEnums and the UIs' choices; labels are what people read.
 */

/** The dimensions of the questionnaire (research §2 rule 2), each answered like the overall question. */
export const SURVEY_DIMENSIONS = ['service', 'repairs', 'cleaning', 'greening', 'security_parking', 'fire_safety', 'complaints', 'transparency'] as const;
export type SurveyDimension = (typeof SURVEY_DIMENSIONS)[number];
export const SURVEY_DIMENSION_LABELS: Record<SurveyDimension, string> = {
  service: '客户服务',
  repairs: '房屋及设施设备维修',
  cleaning: '保洁',
  greening: '绿化',
  security_parking: '秩序维护与车辆',
  fire_safety: '消防安全',
  complaints: '投诉处理',
  transparency: '信息公开与收费透明',
};

export const SATISFACTION_RATINGS = ['satisfied', 'basically_satisfied', 'dissatisfied'] as const;
export type SatisfactionRating = (typeof SATISFACTION_RATINGS)[number];
export const SATISFACTION_RATING_LABELS: Record<SatisfactionRating, string> = { satisfied: '满意', basically_satisfied: '基本满意', dissatisfied: '不满意' };

/** Whether an overall answer counts as satisfied (基本满意 counts by default, a setting: research §2 rule 3). Throws outside the enum. */
export function countsAsSatisfied(rating: SatisfactionRating, basicCounts: boolean): boolean {
  if (!SATISFACTION_RATINGS.includes(rating)) throw new RangeError(`unknown satisfaction rating: ${rating}`);
  return rating === 'satisfied' || (basicCounts && rating === 'basically_satisfied');
}

/** Who a survey covers: one project, every project of a district, or the whole city (DOMAIN.md §9). */
export const SURVEY_SCOPES = ['project', 'district', 'city'] as const;
export type SurveyScope = (typeof SURVEY_SCOPES)[number];
export const SURVEY_SCOPE_LABELS: Record<SurveyScope, string> = { project: '单个项目', district: '全区（县、旗）', city: '全市' };

export const SURVEY_STATUSES = ['open', 'closed'] as const;
export type SurveyStatus = (typeof SURVEY_STATUSES)[number];
export const SURVEY_STATUS_LABELS: Record<SurveyStatus, string> = { open: '进行中', closed: '已结束' };

/** A regular survey, or the re-survey opened from an interview after its deadline (research §2 rule 6). */
export const SURVEY_KINDS = ['regular', 'resurvey'] as const;
export type SurveyKind = (typeof SURVEY_KINDS)[number];
export const SURVEY_KIND_LABELS: Record<SurveyKind, string> = { regular: '测评', resurvey: '复测' };

/** pending: task raised by a warning; held: minutes recorded; resurveying: re-survey open; done: re-survey closed. */
export const INTERVIEW_STATUSES = ['pending', 'held', 'resurveying', 'done'] as const;
export type InterviewStatus = (typeof INTERVIEW_STATUSES)[number];
export const INTERVIEW_STATUS_LABELS: Record<InterviewStatus, string> = { pending: '待约谈', held: '已约谈', resurveying: '复测中', done: '已复测' };

/** The result of one project in a survey, as staff read it (aggregates only, never who answered what). */
export const SURVEY_VALIDITY_LABELS = { valid: '有效', insufficient: '样本不足' } as const;

const oneOf = <T extends readonly [string, ...string[]]>(label: string, values: T) => z.enum(values, { error: `${label}的取值无效` });
const rating = (label: string) => oneOf(label, SATISFACTION_RATINGS);

export const surveyCreateSchema = z
  .strictObject({
    title: text('测评名称', 100),
    scope: oneOf('测评范围', SURVEY_SCOPES),
    /** scope project: the project. */
    projectId: intId('项目')
      .nullish()
      .transform((v) => v ?? null),
    /** scope district: the district's 6-digit code (city scope: the city). */
    regionCode: z
      .string({ error: '区划必须是文字' })
      .regex(/^\d{6}$/, '请选择区（县、旗）')
      .nullish()
      .transform((v) => v ?? null),
    dimensions: z
      .array(oneOf('测评维度', SURVEY_DIMENSIONS), { error: '测评维度必须是列表' })
      .min(1, '至少选择一个测评维度')
      .max(SURVEY_DIMENSIONS.length)
      .default([...SURVEY_DIMENSIONS]),
    opensOn: isoDate('开始日期'),
    closesOn: isoDate('截止日期'),
  })
  .refine((v) => v.closesOn >= v.opensOn, { message: '截止日期不能早于开始日期', path: ['closesOn'] })
  .refine((v) => v.scope !== 'project' || v.projectId !== null, { message: '请选择项目', path: ['projectId'] })
  .refine((v) => v.scope !== 'district' || v.regionCode !== null, { message: '请选择区（县、旗）', path: ['regionCode'] });
export type SurveyCreateInput = z.infer<typeof surveyCreateSchema>;

/** A resident's answers for one home: every dimension of the survey and the overall question. */
export const surveyResponseSchema = z.strictObject({
  surveyId: intId('测评'),
  householdId: intId('房屋'),
  answers: z.partialRecord(z.enum(SURVEY_DIMENSIONS, { error: '测评维度无效' }), rating('各项评价'), { error: '各项评价必须是对象' }),
  overall: rating('总体评价'),
  comment: optionalText('意见建议', 500),
});
export type SurveyResponseInput = z.infer<typeof surveyResponseSchema>;

/** Arranging and recording an interview (约谈): time, attendees, rectification items and deadline, minutes. */
export const interviewUpdateSchema = z.strictObject({
  scheduledAt: z.iso
    .datetime({ offset: true, error: '约谈时间格式无效' })
    .nullish()
    .transform((v) => v ?? null),
  location: optionalText('约谈地点', 100),
  attendees: optionalText('参加人员', 500),
  rectificationItems: optionalText('整改事项', 2000),
  deadline: isoDate('整改期限')
    .nullish()
    .transform((v) => v ?? null),
  minutes: optionalText('约谈纪要', 5000),
});
export type InterviewUpdateInput = z.infer<typeof interviewUpdateSchema>;

/** Recording the interview as held: its minutes, rectification items and deadline are then required. */
export const interviewRecordSchema = z.strictObject({
  minutes: text('约谈纪要', 5000),
  attendees: text('参加人员', 500),
  rectificationItems: text('整改事项', 2000),
  deadline: isoDate('整改期限'),
});

/** Opening the re-survey from an interview after its deadline. */
export const resurveySchema = z
  .strictObject({ opensOn: isoDate('开始日期'), closesOn: isoDate('截止日期') })
  .refine((v) => v.closesOn >= v.opensOn, { message: '截止日期不能早于开始日期', path: ['closesOn'] });
