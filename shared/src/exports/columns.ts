import { AREA_BASIS_LABELS, CLAIM_STATUS_LABELS } from '../places/enums';
import { TICKET_CATEGORY_LABELS, TICKET_CHANNEL_LABELS, TICKET_KIND_LABELS, TICKET_LEVEL_LABELS, TICKET_STATUS_LABELS } from '../tickets/enums';
import { LIST_EXPORT_COLUMNS } from './listColumns';
import { AUDIT_LOG_EXPORT_COLUMNS } from './auditLogColumns';

/**
 * One column of a list's .xlsx export (issue 15): the presented field it reads, its Chinese header
 * (the console table's), and how its value is written:
 * - text: as presented (masked fields arrive masked: the list's own present());
 * - number: a decimal string or number written as a number (Excel sums it);
 * - enum: written as its label (`labels`); a code outside the map is written as is;
 * - bool: 是 / 否;
 * - datetime: Beijing time, "YYYY-MM-DD HH:mm";
 * - timeLeft: seconds to a deadline as "1 天 2 小时" / "超时 5 分";
 * - ref: the name of the referenced row (`ref`: compounds, buildings, companies, disclosures,
 *   fund accounts, committees and households by id, regions by code);
 * - value: as presented, by its type: a boolean 是 / 否, a number a number, an instant Beijing time;
 * - yuan: integer fen written as 元 with two decimals (shared formatYuan, no grouping), a number;
 * - tenths: a score in tenths of a point written as points (a number, one decimal);
 * - basisPoints: a rate in basis points written as "92.34%";
 * - codes: a list of codes written as their labels joined by 、;
 * - format: written by `format` from the value and the whole presented row (a cell the table computes).
 */
export interface ExportColumn {
  field: string;
  header: string;
  kind: 'text' | 'number' | 'enum' | 'bool' | 'datetime' | 'timeLeft' | 'ref' | 'value' | 'yuan' | 'tenths' | 'basisPoints' | 'codes' | 'format';
  labels?: Readonly<Record<string, string>>;
  format?: (value: unknown, row: Readonly<Record<string, unknown>>) => string | number;
  ref?: 'compounds' | 'regions' | 'buildings' | 'companies' | 'disclosures' | 'fund-accounts' | 'committees' | 'households';
}

const text = (field: string, header: string): ExportColumn => ({ field, header, kind: 'text' });
const enumOf = (field: string, header: string, labels: Readonly<Record<string, string>>): ExportColumn => ({ field, header, kind: 'enum', labels });
const when = (field: string, header: string): ExportColumn => ({ field, header, kind: 'datetime' });

/**
 * The columns of each server-exported list, in order: the same as the console's table and its
 * former client-side export. The console's 导出 and GET /api/<resource>.xlsx both read these.
 */
export const EXPORT_COLUMNS = {
  households: [
    text('id', 'ID'),
    { field: 'compoundId', header: '所属小区', kind: 'ref', ref: 'compounds' },
    text('buildingName', '楼栋'),
    text('unitName', '单元'),
    text('room', '房号'),
    { field: 'area', header: '面积（㎡）', kind: 'number' },
    enumOf('areaBasis', '面积依据', AREA_BASIS_LABELS),
    text('ownerName', '业主姓名'),
    { field: 'developerUnsold', header: '开发商未售', kind: 'bool' },
    { field: 'regionCode', header: '所属社区', kind: 'ref', ref: 'regions' },
  ],
  owners: [
    text('id', 'ID'),
    text('name', '姓名'),
    text('phone', '手机号'),
    text('idNumber', '身份证号'),
    { field: 'regionCode', header: '所属区划', kind: 'ref', ref: 'regions' },
    { field: 'developer', header: '开发建设单位', kind: 'bool' },
    { field: 'householdCount', header: '房屋数', kind: 'number' },
  ],
  'household-claims': [
    text('id', 'ID'),
    text('compoundName', '小区'),
    text('buildingName', '楼栋'),
    text('unitName', '单元'),
    text('room', '房号'),
    text('name', '申请人姓名'),
    text('phone', '手机号'),
    text('registryOwnerName', '登记业主'),
    text('registryOwnerPhone', '登记业主手机号'),
    enumOf('status', '状态', CLAIM_STATUS_LABELS),
    text('reason', '理由（驳回/解除）'),
    when('createdAt', '申请时间'),
    when('reviewedAt', '审核时间'),
    when('endedAt', '解除/撤回时间'),
  ],
  tickets: [
    text('id', '工单号'),
    enumOf('kind', '类型', TICKET_KIND_LABELS),
    enumOf('category', '类别', TICKET_CATEGORY_LABELS),
    text('compoundName', '小区'),
    text('householdLabel', '房屋'),
    enumOf('channel', '来源', TICKET_CHANNEL_LABELS),
    enumOf('level', '处理层级', TICKET_LEVEL_LABELS),
    enumOf('status', '状态', TICKET_STATUS_LABELS),
    { field: 'timeLeftSeconds', header: '剩余时间', kind: 'timeLeft' },
    text('acceptDepartment', '受理部门'),
    text('acceptPersonName', '受理人员'),
    text('result', '受理结果'),
    { field: 'rating', header: '评分', kind: 'number' },
    { field: 'escalationCount', header: '升级次数', kind: 'number' },
    when('createdAt', '提交时间'),
    when('closedAt', '办结时间'),
  ],
  ...LIST_EXPORT_COLUMNS,
  'audit-logs': AUDIT_LOG_EXPORT_COLUMNS,
} as const satisfies Record<string, readonly ExportColumn[]>;

export type ServerExportResource = keyof typeof EXPORT_COLUMNS;

/** The sheet and file name of each server export (the console's name of the list). */
export const EXPORT_SHEET_NAMES: Record<ServerExportResource, string> = {
  households: '房屋',
  owners: '业主',
  'household-claims': '房屋认证',
  tickets: '工单',
  'level-assessments': '等级评定',
  'upgrade-plans': '提档升级计划',
  'cost-reports': '成本构成报告',
  staff: '从业人员',
  trainings: '培训记录',
  'upgrade-plan-items': '提档升级项目',
  'service-levels': '服务等级',
  awards: '优秀示范项目',
  'fee-guidance': '收费指导价',
  units: '单元',
  buildings: '楼栋',
  regions: '行政区划',
  compounds: '小区',
  companies: '物业企业',
  projects: '服务项目',
  bills: '账单',
  'billing-runs': '批量计费',
  'fee-items': '收费项目',
  receipts: '电子收据',
  'fee-payments': '缴费记录',
  'pay-orders': '微信支付订单',
  users: '用户',
  'fund-accounts': '维修资金专户',
  'fund-ledgers': '分户账',
  'fund-applications': '维修资金使用申请',
  'fund-entries': '资金流水',
  hazards: '隐患',
  'inspection-checklist-items': '检查条目',
  filings: '备案',
  'filing-standings': '备案预警',
  inspections: '检查巡查',
  surveys: '满意度测评',
  interviews: '约谈',
  'survey-results': '测评结果',
  'credit-ratings': '年度信用评价',
  'credit-items': '信用事项',
  'credit-scores': '实时信用分',
  'credit-objections': '信用异议',
  blacklist: '黑名单',
  'kpi-targets': '年度目标',
  disclosures: '信息公开',
  'disclosure-flags': '公开纠错',
  'committee-members': '业委会委员',
  committees: '业主组织',
  'quasi-assessments': '准物业年度考核',
  'quasi-enrolments': '准物业备案',
  'subsidy-usages': '补贴使用记录',
  'subsidy-batches': '准物业补贴批次',
  renovations: '老旧小区改造',
  'renewal-surveys': '摸底调查',
  'cross-appointments': '交叉任职',
  'red-projects': '红色物业示范项目',
  'party-members': '党员',
  'party-orgs': '党组织',
  notifications: '通知',
  votes: '业主表决',
  jobs: '后台任务',
  'audit-logs': '操作日志',
};

/** "房屋_20261207.xlsx": the list's name and the Beijing date of the export. */
export function exportFileNameFor(resource: ServerExportResource, at: Date): string {
  const b = new Date(at.getTime() + 8 * 3600 * 1000);
  const day = `${b.getUTCFullYear()}${String(b.getUTCMonth() + 1).padStart(2, '0')}${String(b.getUTCDate()).padStart(2, '0')}`;
  return `${EXPORT_SHEET_NAMES[resource]}_${day}.xlsx`;
}
export const SERVER_EXPORT_RESOURCES = Object.keys(EXPORT_COLUMNS) as ServerExportResource[];

export function isServerExportResource(resource: string): resource is ServerExportResource {
  return Object.prototype.hasOwnProperty.call(EXPORT_COLUMNS, resource);
}
