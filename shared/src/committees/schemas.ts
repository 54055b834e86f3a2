import { z } from 'zod';
import { intId, isoDate, mobilePhone, text } from '../places/fields';
import { COMMITTEE_KINDS, COMMITTEE_STATUSES, CROSS_APPOINTMENTS, MEMBER_ROLES } from './enums';

export const committeeSchema = z
  .strictObject({
    compoundId: intId('小区'),
    kind: z.enum(COMMITTEE_KINDS, { error: '组织类型不在可选范围内' }),
    status: z.enum(COMMITTEE_STATUSES, { error: '状态不在可选范围内' }).default('preparing'),
    electedAt: isoDate('选举日期').nullish(),
    termStart: isoDate('任期开始').nullish(),
    termEnd: isoDate('任期结束').nullish(),
    filedAt: isoDate('备案日期').nullish(),
  })
  .refine((c) => !c.termStart || !c.termEnd || c.termEnd > c.termStart, { message: '任期结束须晚于任期开始', path: ['termEnd'] })
  .refine((c) => !c.termStart || !c.termEnd || c.termEnd <= `${Number(c.termStart.slice(0, 4)) + 5}${c.termStart.slice(4)}`, {
    message: '业主委员会任期不超过5年',
    path: ['termEnd'],
  })
  .refine((c) => c.status !== 'in_office' || c.kind === 'preparatory' || (!!c.electedAt && !!c.termStart && !!c.termEnd), {
    message: '在任的委员会须填写选举日期和任期',
    path: ['status'],
  });

export const committeeMemberSchema = z.strictObject({
  committeeId: intId('委员会'),
  ownerId: intId('业主').nullish(),
  name: text('姓名', 40),
  phone: mobilePhone().nullish(),
  role: z.enum(MEMBER_ROLES, { error: '职务不在可选范围内' }),
  partyMember: z.boolean({ error: '是否党员必须是是/否' }).default(false),
  crossAppointment: z.enum(CROSS_APPOINTMENTS, { error: '交叉任职不在可选范围内' }).default('none'),
  termStart: isoDate('任期开始').nullish(),
  termEnd: isoDate('任期结束').nullish(),
});
