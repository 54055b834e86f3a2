import { FUND_ENTRY_KINDS, FUND_ENTRY_KIND_LABELS, type FundEntryKind } from '../fund/rules';
import { TICKET_ACTION_LABELS } from '../tickets/enums';
import { SECURITY_AUDIT_ACTION_LABELS } from './chain';

// Every action code the server writes to the audit log (server/src/audit/audit.ts requires one of
// these), with the Chinese a person reads in the console and its exports (issue 16 §3;
// DOMAIN.md §7 "audit"). server/src/audit/actions.test.ts fails on an action written but not here.

const POSTING_LABELS = Object.fromEntries(FUND_ENTRY_KINDS.map((k) => [`post_${k}`, `记账：${FUND_ENTRY_KIND_LABELS[k]}`])) as Record<
  `post_${FundEntryKind}`,
  string
>;

export const AUDIT_ACTION_LABELS = {
  ...SECURITY_AUDIT_ACTION_LABELS,
  ...TICKET_ACTION_LABELS,
  ...POSTING_LABELS,
  create: '新增',
  update: '修改',
  delete: '删除',
  approve: '通过',
  reject: '驳回',
  login: '登录',
  login_failed: '登录失败',
  register: '注册',
  view_personal: '查看个人信息',
  download_report: '下载考核报告',
  export_personal: '导出个人信息',
  export: '导出数据',
  download_export: '下载导出文件',
  totp_failed: '动态口令错误',
  totp_confirm_failed: '动态口令启用失败',
  claim_submitted: '提交房屋认证',
  claim_verified: '房屋认证自动通过',
  claim_replaced: '重新提交房屋认证',
  claim_throttled: '房屋认证尝试过多',
  revoke: '撤销',
  withdraw: '撤回',
  end_owner_changed: '业主变更，解除绑定',
  end_owner_identity_changed: '业主信息变更，解除绑定',
  move: '迁移所属社区',
  open: '开始表决',
  ballot: '投票',
  review: '核查',
  publish: '发布',
  correct: '更正',
  flag: '标记问题',
  upload: '上传附件',
  import: '导入',
  import_commit: '确认导入',
  submit: '提交申请',
  vote_passed: '业主表决通过',
  vote_failed: '业主表决未通过',
  return: '退回',
  supervise: '监理确认',
  disburse: '拨付',
  merge: '并入其他管理区域',
  assess: '年度考核',
  link_vote: '关联业主表决',
  contract: '签订服务合同',
  start_works: '开工',
  progress: '更新进度',
  upgrade: '提档升级达标',
  read: '标记通知已读',
  read_all: '全部通知标记已读',
  member_bound: '绑定为家庭成员或租户',
  survey_answer: '提交满意度测评答卷',
  record_interview: '记录约谈',
  open_resurvey: '发起复测',
  unlist: '移出黑名单',
  file: '准予备案',
  refused: '操作被拒绝',
  fee_payment: '收费入账',
  fee_refund: '物业费退款',
  reverse_bill: '冲销账单',
  billing_run: '批量计费',
  fee_reminder: '缴费提醒',
  fee_urge: '业主委员会催缴',
  rectify: '提交整改',
  report_hazard: '隐患上报',
  pay_order: '发起微信支付',
  pay_notified: '微信支付到账入账',
  pay_closed: '关闭超时未付的支付订单',
  pay_refund: '微信支付退款',
  object: '对信用事项提出异议',
  uphold: '维持信用事项认定',
  evaluate: '年度信用评价',
} as const satisfies Record<string, string>;

export type AuditAction = keyof typeof AUDIT_ACTION_LABELS;
export const AUDIT_ACTIONS = Object.keys(AUDIT_ACTION_LABELS) as AuditAction[];

/** Where one code means different things by entity ("accept": a ticket is 受理d, a fund repair 验收ed). */
export const AUDIT_ACTION_LABELS_BY_ENTITY: Record<string, Partial<Record<AuditAction, string>>> = {
  'fund-applications': { accept: '竣工验收', approve: '审核通过' },
  votes: { close: '结束表决', create: '发起表决' },
  disclosures: { answer: '答复问题', revoke: '撤销公开' },
  'subsidy-batches': { approve: '审核通过' },
  renovations: { accept: '竣工验收' },
  'renewal-surveys': { submit: '提交调查', approve: '确认分类' },
  'credit-objections': { answer: '答复信用异议' },
  'credit-items': { correct: '更正信用事项分值', withdraw: '撤销信用事项' },
  surveys: { create: '发起满意度测评', close: '结束测评' },
  interviews: { create: '生成约谈任务' },
  hazards: { create: '发现隐患', accept: '复查通过销号', reject: '复查不通过' },
  inspections: { create: '录入检查' },
};

/**
 * The Chinese label of an audit row's action, e.g. ("accept", "fund-applications") → "竣工验收".
 * Throws on an action outside AUDIT_ACTIONS (a code nobody labelled is a defect, not a display).
 */
export function auditActionLabel(action: string, entity?: string): string {
  if (!Object.prototype.hasOwnProperty.call(AUDIT_ACTION_LABELS, action)) throw new Error(`unknown audit action: ${action}`);
  const a = action as AuditAction;
  return (entity && AUDIT_ACTION_LABELS_BY_ENTITY[entity]?.[a]) || AUDIT_ACTION_LABELS[a];
}
