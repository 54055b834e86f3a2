import { z } from 'zod';
import { intId, isoDate, mobilePhone, optionalText, text } from '../places/fields';
import { CROSS_APPOINTMENT_KINDS, PARTY_GENDERS, PARTY_MEMBER_ROLES, PARTY_ORG_SETTINGS, PARTY_ORG_TYPES, RED_PROJECT_RESULTS } from './enums';
import { partyMemberProblems, partyOrgProblems, type PartyProblems } from './rules';

const choice = <T extends readonly [string, ...string[]]>(label: string, values: T) => z.enum(values, { error: `${label}不在可选范围内` });
const today = () => new Date().toISOString().slice(0, 10);
const count = (label: string) =>
  z
    .number({ error: `${label}必须是数字` })
    .int(`${label}必须是整数`)
    .min(0, `${label}不能为负`)
    .max(1000000, `${label}过大`);

function addProblems(problems: PartyProblems, ctx: z.RefinementCtx) {
  for (const [path, message] of Object.entries(problems)) ctx.addIssue({ code: 'custom', message, path: [path] });
}

export const partyOrgSchema = z
  .strictObject({
    type: choice('组织类型', PARTY_ORG_TYPES),
    setting: choice('所在领域', PARTY_ORG_SETTINGS),
    name: text('组织名称', 100),
    parentId: intId('上级组织').nullish(),
    secretaryName: optionalText('书记姓名', 40),
    foundedOn: isoDate('成立日期'),
    memberCount: count('党员人数'),
    companyId: intId('所在企业').nullish(),
    compoundId: intId('所在小区').nullish(),
    regionCode: z
      .string({ error: '所在地区必须是文字' })
      .regex(/^(\d{6}|\d{9}|\d{12})$/, '所在地区必须是6、9或12位行政区划代码')
      .nullish(),
  })
  .superRefine((o, ctx) => addProblems(partyOrgProblems(o, today()), ctx));

export const partyMemberSchema = z
  .strictObject({
    name: text('姓名', 40),
    gender: choice('性别', PARTY_GENDERS),
    joinedOn: isoDate('入党日期'),
    orgId: intId('所在党组织'),
    role: choice('身份', PARTY_MEMBER_ROLES),
    employerCompanyId: intId('工作单位').nullish(),
    compoundId: intId('所在小区').nullish(),
    /** Community workers: their community (12 digits); for others the stored value is derived and ignored. */
    regionCode: z
      .string({ error: '社区代码必须是文字' })
      .regex(/^(\d{6}|\d{9}|\d{12})$/, '社区代码必须是12位数字')
      .nullish(),
    phone: mobilePhone().nullish(),
  })
  .superRefine((m, ctx) => addProblems(partyMemberProblems(m, today()), ctx));

export const crossAppointmentSchema = z
  .strictObject({
    memberId: intId('党员'),
    kind: choice('任职类型', CROSS_APPOINTMENT_KINDS),
    communityCode: z.string({ error: '社区代码必须是文字' }).regex(/^\d{12}$/, '社区代码必须是12位数字'),
    compoundId: intId('小区').nullish(),
    startDate: isoDate('开始日期'),
    endDate: isoDate('结束日期').nullish(),
  })
  .superRefine((a, ctx) => {
    if (a.endDate && a.endDate < a.startDate) ctx.addIssue({ code: 'custom', message: '结束日期不能早于开始日期', path: ['endDate'] });
    if (a.kind === 'owners_committee_part_time' && !a.compoundId)
      ctx.addIssue({ code: 'custom', message: '兼任业委会成员须填写业委会所在小区', path: ['compoundId'] });
  });

export const redProjectSchema = z.strictObject({
  compoundId: intId('小区'),
  designation: text('示范称号', 60),
  year: z.number({ error: '年度必须是数字' }).int('年度必须是整数').min(2000, '年度无效').max(2100, '年度无效'),
  result: choice('考核结果', RED_PROJECT_RESULTS).default('pending'),
});

export const PARTY_IMPORT_KINDS = ['orgs', 'members', 'cross_appointments'] as const;
export type PartyImportKind = (typeof PARTY_IMPORT_KINDS)[number];
export const PARTY_IMPORT_KIND_LABELS: Record<PartyImportKind, string> = { orgs: '党组织', members: '党员', cross_appointments: '交叉任职' };
export const partyImportCommitSchema = z.strictObject({ confirmValidOnly: z.boolean({ error: '确认标记必须是是/否' }).default(false) });
export const partyStatsQuerySchema = z.strictObject({
  groupBy: z.enum(['district', 'street'], { error: '分组方式只能是 district 或 street' }).default('district'),
});
