// Labels and choices for tickets, from @baotou/shared so every front end says the same thing.
import {
  COMPLAINT_TARGET_LABELS,
  RATING_TAG_LABELS,
  STATS_GROUP_LABELS,
  TICKET_ACTION_LABELS,
  TICKET_CATEGORIES,
  TICKET_CATEGORY_LABELS,
  TICKET_CHANNEL_LABELS,
  TICKET_KIND_LABELS,
  TICKET_LEVEL_LABELS,
  TICKET_STATUS_LABELS,
  TICKET_PHASE_LABELS,
  type TicketKind,
} from '@baotou/shared';

export type Choice = { id: string; name: string };
const toChoices = (labels: Record<string, string>): Choice[] => Object.entries(labels).map(([id, name]) => ({ id, name }));

export const kindChoices = toChoices(TICKET_KIND_LABELS);
export const levelChoices = toChoices(TICKET_LEVEL_LABELS);
export const statusChoices = toChoices(TICKET_STATUS_LABELS);
export const phaseChoices = toChoices(TICKET_PHASE_LABELS);
export const channelChoices = toChoices(TICKET_CHANNEL_LABELS);
export const againstChoices = toChoices(COMPLAINT_TARGET_LABELS);
export const categoryChoices = toChoices(TICKET_CATEGORY_LABELS);
export const groupChoices = toChoices(STATS_GROUP_LABELS);
export const categoryChoicesFor = (kind?: string): Choice[] =>
  kind && kind in TICKET_CATEGORIES
    ? (TICKET_CATEGORIES[kind as TicketKind] as readonly string[]).map((id) => ({ id, name: (TICKET_CATEGORY_LABELS as Record<string, string>)[id] }))
    : categoryChoices;

export const actionLabels: Record<string, string> = TICKET_ACTION_LABELS;
export const ratingTagLabels: Record<string, string> = RATING_TAG_LABELS;

/** Field names in Chinese (lists, show page, export). */
export const F: Record<string, string> = {
  id: '工单号',
  kind: '类型',
  category: '类别',
  against: '投诉对象',
  compoundName: '小区',
  compoundId: '小区',
  householdLabel: '房屋',
  householdId: '房屋',
  description: '问题描述',
  preferredTime: '期望上门时间',
  channel: '来源',
  contactName: '联系人',
  contactPhone: '联系电话',
  level: '处理层级',
  status: '状态',
  companyName: '物业企业',
  acceptDepartment: '受理部门',
  acceptPersonName: '受理人员',
  acceptedAt: '受理时间',
  resolveDueAt: '办理时限',
  dueAt: '当前时限',
  timeLeft: '剩余时间',
  result: '受理结果',
  workerName: '维修人员',
  workerPhone: '维修人员电话',
  rating: '评分',
  ratingTags: '评价标签',
  answer: '书面答复',
  escalationCount: '升级次数',
  rejectedOnce: '已退回',
  createdAt: '提交时间',
  confirmedAt: '确认时间',
  closedAt: '办结时间',
};
