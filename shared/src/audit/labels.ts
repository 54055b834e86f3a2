import { EXPORT_COLUMNS, EXPORT_SHEET_NAMES } from '../exports/columns';

export { AUDIT_LOG_FIELD_LABELS } from './logFields';

// The audit log's Chinese words (issue 15 "Export anything"): its columns' headers, the names of the
// entities its rows are about and the common field names of before/after. One place: the console's
// list, show page and filters read them from here, and so does the server's .xlsx export.

/** Audited entities that are no exported list of their own (imports, sign-in, security events, …). */
const OTHER_ENTITY_LABELS: Record<string, string> = {
  'audit-logs': '操作日志',
  'party-imports': '红色物业导入',
  'staff-imports': '人员与培训导入',
  'sign-in': '登录',
  security: '安全',
  ballots: '选票',
  'ballot-conflicts': '重复投票核查',
  uploads: '附件',
  'fee-reminders': '缴费提醒',
  'household-members': '家庭成员',
  'kpi-report': '年度考核报告',
  'key-rotation': '个人信息密钥轮换',
  'quasi-standard-items': '“三个有”标准',
  'subsidy-lines': '补贴明细',
};

let entityLabels: Readonly<Record<string, string>> | undefined;

/**
 * The Chinese name of every audited entity (an API resource name → "小区"): a list's own name (its
 * export's sheet name, the console's menu) or one of the others above. Built on first use (the
 * exports' names are read once every module of shared is loaded).
 */
export function auditEntityLabels(): Readonly<Record<string, string>> {
  return (entityLabels ??= { ...EXPORT_SHEET_NAMES, ...OTHER_ENTITY_LABELS });
}

/** "小区" for "compounds"; the code itself for an entity nobody named. */
export function auditEntityLabel(entity: string): string {
  return auditEntityLabels()[entity] ?? entity;
}

// Chinese names of fields most resources share, for export headers and the audit log's
// field-by-field changes when a resource's own field names (the console's i18n, or their export's headers) do not name them.
export const COMMON_FIELD_NAMES: Record<string, string> = {
  id: '编号',
  name: '名称',
  code: '编码',
  status: '状态',
  kind: '类型',
  type: '类型',
  note: '备注',
  reason: '原因',
  title: '标题',
  regionCode: '行政区划',
  compoundId: '小区',
  buildingId: '楼栋',
  unitId: '单元',
  householdId: '房屋',
  ownerId: '业主',
  companyId: '物业企业',
  projectId: '项目',
  committeeId: '业委会',
  accountId: '维修资金账户',
  ledgerId: '分户账',
  voteId: '表决',
  ticketId: '工单',
  userId: '用户',
  phone: '联系电话',
  phoneMasked: '联系电话',
  address: '地址',
  amountFen: '金额（分）',
  balanceFen: '余额（分）',
  totalFen: '合计（分）',
  reference: '业务说明',
  batchId: '记账批次',
  entries: '明细条数',
  createdAt: '创建时间',
  updatedAt: '更新时间',
  createdBy: '创建人',
  reviewedAt: '审核时间',
  reviewedBy: '审核人',
  endedAt: '结束时间',
  endedBy: '结束人',
  startsAt: '开始时间',
  endsAt: '结束时间',
  at: '时间',
  level: '层级',
  channel: '渠道',
  role: '角色',
  username: '用户名',
  disabled: '停用',
  committed: '导入条数',
  fileName: '文件名',
  skippedRows: '跳过的行',
  staffCount: '从业人员数',
  current: '有效',
  ballotId: '选票',
  replacedBallotId: '被替换的选票',
  purpose: '用途',
  rowCount: '条数',
  resource: '数据类别',
};

/**
 * Chinese names of an entity's fields for its audit rows' changes, as far as shared knows them: the
 * common names, then the headers of the entity's own export columns. The console adds its forms'
 * field names (i18n) on top.
 */
export function auditFieldLabels(entity: string): Record<string, string> {
  const columns = (EXPORT_COLUMNS as Record<string, readonly { field: string; header: string }[]>)[entity] ?? [];
  return { ...COMMON_FIELD_NAMES, ...Object.fromEntries(columns.map((c) => [c.field, c.header])) };
}
