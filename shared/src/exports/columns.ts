import { AREA_BASIS_LABELS, CLAIM_STATUS_LABELS } from '../places/enums';
import { TICKET_CATEGORY_LABELS, TICKET_CHANNEL_LABELS, TICKET_KIND_LABELS, TICKET_LEVEL_LABELS, TICKET_STATUS_LABELS } from '../tickets/enums';

/**
 * One column of a list's .xlsx export (issue 15): the presented field it reads, its Chinese header
 * (the console table's), and how its value is written:
 * - text: as presented (masked fields arrive masked: the list's own present());
 * - number: a decimal string or number written as a number (Excel sums it);
 * - enum: written as its label (`labels`); a code outside the map is written as is;
 * - bool: 是 / 否;
 * - datetime: Beijing time, "YYYY-MM-DD HH:mm";
 * - timeLeft: seconds to a deadline as "1 天 2 小时" / "超时 5 分";
 * - ref: the name of the referenced row (`ref`: compounds by id, regions by code).
 */
export interface ExportColumn {
  field: string;
  header: string;
  kind: 'text' | 'number' | 'enum' | 'bool' | 'datetime' | 'timeLeft' | 'ref';
  labels?: Readonly<Record<string, string>>;
  ref?: 'compounds' | 'regions';
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
} as const satisfies Record<string, readonly ExportColumn[]>;

export type ServerExportResource = keyof typeof EXPORT_COLUMNS;

/** The sheet and file name of each server export (the console's name of the list). */
export const EXPORT_SHEET_NAMES: Record<ServerExportResource, string> = {
  households: '房屋',
  owners: '业主',
  'household-claims': '房屋认证',
  tickets: '工单',
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
