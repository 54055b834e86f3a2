import { z } from 'zod';
import { intId, optionalText, text } from '../places/fields';
import { BALLOT_CHANNELS, BALLOT_CHOICES, VOTE_KINDS, VOTE_MATTERS, VOTE_SCOPES } from './enums';

export const voteSchema = z
  .strictObject({
    compoundId: intId('小区'),
    title: text('表决事项', 100),
    description: optionalText('说明', 5000),
    matter: z.enum(VOTE_MATTERS, { error: '表决事项类别不在可选范围内' }),
    kind: z.enum(VOTE_KINDS, { error: '类型不在可选范围内' }).default('vote'),
    scopeType: z.enum(VOTE_SCOPES, { error: '表决范围不在可选范围内' }).default('compound'),
    scopeIds: z.array(intId('范围'), { error: '范围必须是列表' }).max(500, '范围最多500项').default([]),
    opensAt: z.iso.datetime({ offset: true, error: '开始时间格式无效' }).nullish(),
    closesAt: z.iso.datetime({ offset: true, error: '截止时间格式无效' }),
  })
  .refine((v) => v.scopeType === 'compound' || v.scopeIds.length > 0, { message: '请选择表决范围内的楼栋或单元', path: ['scopeIds'] })
  .refine((v) => !v.opensAt || v.closesAt > v.opensAt, { message: '截止时间须晚于开始时间', path: ['closesAt'] });

/** The street's finding on a ballot conflict (issue 9 §5). */
export const ballotConflictReviewSchema = z.strictObject({
  note: text('核查意见', 500),
});

export const ballotSchema = z.strictObject({
  householdId: intId('房屋'),
  choice: z.enum(BALLOT_CHOICES, { error: '请选择同意、反对或弃权' }),
  channel: z.enum(BALLOT_CHANNELS, { error: '投票方式不在可选范围内' }).default('online'),
  scanUrl: z
    .string()
    .max(500)
    .regex(/^(\/api\/uploads\/\d+|https:\/\/\S+)$/, '扫描件地址无效')
    .nullish(),
});
