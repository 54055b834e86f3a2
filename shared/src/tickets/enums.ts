/** Enum tuples for tickets (DOMAIN.md §6): used by zod, by the Drizzle pgEnums and by the UIs' choices. */
export const TICKET_KINDS = ['repair', 'complaint', 'dispute'] as const;
export type TicketKind = (typeof TICKET_KINDS)[number];

/** What a complaint is against. */
export const COMPLAINT_TARGETS = ['company', 'committee'] as const;
export type ComplaintTarget = (typeof COMPLAINT_TARGETS)[number];

/**
 * Handling levels, lowest first. Repairs start with the property company (a compound with no
 * service contract starts at the community); complaints and disputes are mediated at the community,
 * street or district (action plan 四(七): 社区调解简单纠纷、街道调解复杂纠纷、旗县区调解重大疑难纠纷).
 */
export const TICKET_LEVELS = ['company', 'community', 'street', 'district'] as const;
export type TicketLevel = (typeof TICKET_LEVELS)[number];

export const TICKET_STATUSES = ['submitted', 'accepted', 'dispatched', 'in_progress', 'resolved', 'confirmed', 'closed'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

/** Statuses with work still to do: these count against a time limit and sit in the queues. */
export const OPEN_STATUSES = ['submitted', 'accepted', 'dispatched', 'in_progress'] as const satisfies readonly TicketStatus[];

export const TICKET_CHANNELS = ['mini', 'hotline', 'visit'] as const;

/**
 * What a resident filing in the mini-program shares with the staff handling the case (DOMAIN.md §7:
 * only what the duty needs, and the resident decides): taken from their verified claim on the home.
 */
export const TICKET_CONTACT_SHARES = ['name_phone', 'phone', 'none'] as const;
export type TicketContactShare = (typeof TICKET_CONTACT_SHARES)[number];
export const TICKET_CONTACT_SHARE_LABELS: Record<TicketContactShare, string> = {
  name_phone: '姓名和电话',
  phone: '仅电话',
  none: '不提供（在工单中沟通）',
};
export type TicketChannel = (typeof TICKET_CHANNELS)[number];

export const TICKET_ACTIONS = ['accept', 'dispatch', 'start', 'resolve', 'confirm', 'reject', 'escalate', 'answer', 'close'] as const;
export type TicketAction = (typeof TICKET_ACTIONS)[number];

/** Categories per kind; each category belongs to exactly one kind. */
export const TICKET_CATEGORIES = {
  repair: ['plumbing', 'electrical', 'elevator', 'door_window', 'roof_wall', 'heating', 'public_facility', 'other_repair'],
  complaint: ['service_quality', 'fees', 'sanitation', 'security', 'greening', 'committee_conduct', 'other_complaint'],
  dispute: ['neighbor', 'property_service', 'parking', 'renovation', 'common_area', 'other_dispute'],
} as const;
export type TicketCategory = (typeof TICKET_CATEGORIES)[TicketKind][number];
export const ALL_TICKET_CATEGORIES = [...TICKET_CATEGORIES.repair, ...TICKET_CATEGORIES.complaint, ...TICKET_CATEGORIES.dispute] as const;

export function categoryKind(category: string): TicketKind | undefined {
  return TICKET_KINDS.find((k) => (TICKET_CATEGORIES[k] as readonly string[]).includes(category));
}

/** Rating tags a resident may pick with a 1–5 rating. */
export const RATING_TAGS = ['fast', 'polite', 'professional', 'clean', 'slow', 'unresolved', 'rude'] as const;
export type RatingTag = (typeof RATING_TAGS)[number];

export const TICKET_KIND_LABELS: Record<TicketKind, string> = { repair: '报修', complaint: '投诉', dispute: '纠纷' };
export const COMPLAINT_TARGET_LABELS: Record<ComplaintTarget, string> = { company: '物业服务企业', committee: '业主委员会' };
export const TICKET_LEVEL_LABELS: Record<TicketLevel, string> = { company: '物业企业', community: '社区', street: '街道', district: '旗县区' };
export const TICKET_STATUS_LABELS: Record<TicketStatus, string> = {
  submitted: '待受理',
  accepted: '已受理',
  dispatched: '已派工',
  in_progress: '处理中',
  // One lifecycle for staff, residents and statistics (lifecycle.ts; DOMAIN.md §6): 办理完成 → 待评价 → 已评价待办结 → 已办结.
  resolved: '待评价',
  // Confirmed by the resident with a rating, or automatically after the set days (no rating); staff then answer and close.
  confirmed: '已评价待办结',
  closed: '已办结',
};
export const TICKET_CHANNEL_LABELS: Record<TicketChannel, string> = { mini: '小程序', hotline: '5267086热线', visit: '来访' };
export const TICKET_ACTION_LABELS: Record<TicketAction | 'create', string> = {
  create: '提交',
  accept: '受理',
  dispatch: '派工',
  start: '开始处理',
  // Not 办结: a resolved case is closed (已办结) only after the resident's confirmation.
  resolve: '办理完成',
  confirm: '确认评价',
  reject: '不满意退回',
  escalate: '升级',
  answer: '答复',
  close: '结案',
};
export const TICKET_CATEGORY_LABELS: Record<TicketCategory, string> = {
  plumbing: '给排水',
  electrical: '电气照明',
  elevator: '电梯',
  door_window: '门窗门禁',
  roof_wall: '屋面外墙渗漏',
  heating: '供暖',
  public_facility: '公共设施',
  other_repair: '其他维修',
  service_quality: '服务质量',
  fees: '收费问题',
  sanitation: '环境卫生',
  security: '秩序安全',
  greening: '绿化养护',
  committee_conduct: '业委会履职',
  other_complaint: '其他投诉',
  neighbor: '邻里纠纷',
  property_service: '物业服务纠纷',
  parking: '停车纠纷',
  renovation: '装修纠纷',
  common_area: '共有部分纠纷',
  other_dispute: '其他纠纷',
};
export const RATING_TAG_LABELS: Record<RatingTag, string> = {
  fast: '响应及时',
  polite: '态度好',
  professional: '专业',
  clean: '现场整洁',
  slow: '太慢',
  unresolved: '问题未解决',
  rude: '态度差',
};
