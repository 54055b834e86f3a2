// The labels of shared/src/tickets/enums.ts, kept here so the subpackage does not pull zod in.
export const KIND_LABEL: Record<string, string> = { repair: '报修', complaint: '投诉', dispute: '纠纷' };
export const CATEGORIES: Record<string, [string, string][]> = {
  repair: [
    ['plumbing', '给排水'],
    ['electrical', '电气照明'],
    ['elevator', '电梯'],
    ['door_window', '门窗门禁'],
    ['roof_wall', '屋面外墙渗漏'],
    ['heating', '供暖'],
    ['public_facility', '公共设施'],
    ['other_repair', '其他维修'],
  ],
  complaint: [
    ['service_quality', '服务质量'],
    ['fees', '收费问题'],
    ['sanitation', '环境卫生'],
    ['security', '秩序安全'],
    ['greening', '绿化养护'],
    ['committee_conduct', '业委会履职'],
    ['other_complaint', '其他投诉'],
  ],
  dispute: [
    ['neighbor', '邻里纠纷'],
    ['property_service', '物业服务纠纷'],
    ['parking', '停车纠纷'],
    ['renovation', '装修纠纷'],
    ['common_area', '共有部分纠纷'],
    ['other_dispute', '其他纠纷'],
  ],
};
export const CATEGORY_LABEL: Record<string, string> = Object.fromEntries(Object.values(CATEGORIES).flat());
export const AGAINST_LABEL: Record<string, string> = { company: '物业服务企业', committee: '业主委员会' };
export const LEVEL_LABEL: Record<string, string> = { company: '物业企业', community: '社区', street: '街道', district: '旗县区' };
// test/weapp/workorders-rules.test.ts checks these equal shared's TICKET_STATUS_LABELS / TICKET_ACTION_LABELS.
export const STATUS_LABEL: Record<string, string> = {
  submitted: '待受理',
  accepted: '已受理',
  dispatched: '已派工',
  in_progress: '处理中',
  resolved: '待评价',
  confirmed: '已评价待办结',
  closed: '已办结',
};
export const ACTION_LABEL: Record<string, string> = {
  create: '提交',
  accept: '受理',
  dispatch: '派工',
  start: '开始处理',
  resolve: '办理完成',
  confirm: '确认评价',
  reject: '不满意退回',
  escalate: '升级',
  answer: '答复',
  close: '结案',
};
export const TAGS: [string, string][] = [
  ['fast', '响应及时'],
  ['polite', '态度好'],
  ['professional', '专业'],
  ['clean', '现场整洁'],
  ['slow', '太慢'],
  ['unresolved', '问题未解决'],
  ['rude', '态度差'],
];
export const CONTACT_SHARE_LABEL: Record<string, string> = { name_phone: '姓名和电话', phone: '仅电话', none: '不提供（在工单中沟通）' };
export const DEADLINE_LABEL: Record<string, string> = { response: '响应时限', resolve: '办结时限' };
export const PREFERRED_TIMES = ['尽快', '今天上午', '今天下午', '今天晚上', '明天上午', '明天下午', '周末'];

export function when(iso: string | null): string {
  if (!iso) return '—';
  // Beijing time whatever the phone's clock is set to.
  const d = new Date(Date.parse(iso) + 8 * 3600_000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}`;
}
