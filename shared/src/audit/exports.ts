import { z } from 'zod';

/**
 * Exports of personal data (DOMAIN.md §7; PIPL Art. 6: personal information is handled for a
 * specific, reasonable purpose; issue 17): the console asks for a purpose before writing the file,
 * the server audits it with the row count (`export_personal`), the file carries who and when.
 */

/**
 * The console's exports whose columns name or reach a person: owners and their homes, residents'
 * claims and tickets, committee and party members, staff accounts, company representatives and
 * project managers, and the audit log (names and before/after values).
 */
export const PERSONAL_DATA_EXPORTS = [
  'owners',
  'households',
  'household-claims',
  'fund-ledgers',
  'tickets',
  'committee-members',
  'party-members',
  'staff',
  'trainings',
  'party-orgs',
  'cross-appointments',
  'users',
  'companies',
  'projects',
  'audit-logs',
] as const;
export type PersonalDataExport = (typeof PERSONAL_DATA_EXPORTS)[number];

/** Whether an export of `resource` (an API resource name) carries personal data and so needs a purpose. */
export function exportCarriesPersonalData(resource: string): resource is PersonalDataExport {
  return (PERSONAL_DATA_EXPORTS as readonly string[]).includes(resource);
}

export const EXPORT_PURPOSE_KINDS = ['supervision', 'statistics', 'complaint', 'verification', 'contact', 'other'] as const;
export type ExportPurposeKind = (typeof EXPORT_PURPOSE_KINDS)[number];
export const exportPurposeKindLabels: Record<ExportPurposeKind, string> = {
  supervision: '监督检查',
  statistics: '统计分析',
  complaint: '投诉纠纷处理',
  verification: '信息核实',
  contact: '通知联系',
  other: '其他',
};

/** Why the data leaves the platform: a kind and, always, the specific purpose in words (2–200 characters). */
export const exportPurposeSchema = z.strictObject(
  {
    kind: z.enum(EXPORT_PURPOSE_KINDS, { error: '请选择导出用途' }),
    detail: z.string({ error: '请填写用途说明' }).trim().min(2, '请填写用途说明（至少2个字）').max(200, '用途说明不能超过200个字'),
  },
  { error: '请填写导出用途' },
);
export type ExportPurpose = z.infer<typeof exportPurposeSchema>;

/** The list query an export was made with, kept in the audit row: small, as react-admin sends it. */
const FILTER_MAX_CHARS = 2000;

/** POST /api/audit/exports: one export about to be written, before the file is made. */
export const exportAuditSchema = z.strictObject({
  resource: z.string({ error: '缺少导出的资源' }).regex(/^[a-z][a-z-]{1,39}$/, '资源名称无效'),
  filter: z
    .record(z.string(), z.unknown(), { error: '筛选条件必须是对象' })
    .default({})
    .refine((f) => JSON.stringify(f).length <= FILTER_MAX_CHARS, `筛选条件不能超过${FILTER_MAX_CHARS}个字符`),
  rowCount: z.number({ error: '导出行数必须是数字' }).int('导出行数必须是整数').min(0, '导出行数不能为负').max(1_000_000, '导出行数过大'),
  purpose: exportPurposeSchema,
});
export type ExportAuditInput = z.infer<typeof exportAuditSchema>;

/**
 * The purpose as one line for the audit row and the file's properties: "统计分析：2024年度报表".
 * Throws on a kind outside EXPORT_PURPOSE_KINDS.
 */
export function exportPurposeText(purpose: { kind: string; detail: string }): string {
  if (!(EXPORT_PURPOSE_KINDS as readonly string[]).includes(purpose.kind)) throw new Error(`unknown export purpose: ${purpose.kind}`);
  return `${exportPurposeKindLabels[purpose.kind as ExportPurposeKind]}：${purpose.detail.trim()}`;
}
