import { z } from 'zod';
import { intId, isoDate, optionalText, text } from '../places/fields';
import { uploadOrLinkUrlSchema } from '../uploads/schemas';

/**
 * Filings (备案) a property company makes with the housing authority for each service project
 * (issue 10 "Filings"; DOMAIN.md §5: "filings complete" is a base-score item, a missing or expired
 * filing a bad item): the service contract (合同备案) and the project manager (项目经理备案).
 */
export const FILING_KINDS = ['contract', 'project_manager'] as const;
export type FilingKind = (typeof FILING_KINDS)[number];
export const FILING_KIND_LABELS: Record<FilingKind, string> = { contract: '合同备案', project_manager: '项目经理备案' };

/** submitted → filed | returned; a returned filing is kept and the company submits a new one. */
export const FILING_STATUSES = ['submitted', 'filed', 'returned'] as const;
export type FilingStatus = (typeof FILING_STATUSES)[number];
export const FILING_STATUS_LABELS: Record<FilingStatus, string> = { submitted: '待审核', filed: '已备案', returned: '已退回' };
export const FILING_TRANSITIONS: Record<FilingStatus, readonly FilingStatus[]> = { submitted: ['filed', 'returned'], filed: [], returned: [] };

/** Whether a filing may move from one status to another (FILING_TRANSITIONS). Throws on a status outside FILING_STATUSES. */
export function filingMayMove(from: FilingStatus, to: FilingStatus): boolean {
  if (!FILING_STATUSES.includes(from) || !FILING_STATUSES.includes(to)) throw new Error(`unknown filing status: ${from} → ${to}`);
  return FILING_TRANSITIONS[from].includes(to);
}

/** Roles that review filings: the district and the street (and the city). Never a company. */
export const FILING_REVIEWERS = ['city_admin', 'district_staff', 'street_staff'] as const;

/** A project's standing for one kind of filing on a day. */
export const FILING_STANDINGS = ['valid', 'expiring', 'expired', 'missing'] as const;
export type FilingStanding = (typeof FILING_STANDINGS)[number];
export const FILING_STANDING_LABELS: Record<FilingStanding, string> = { valid: '有效', expiring: '即将到期', expired: '已过期', missing: '未备案' };

/**
 * A project's standing for one kind of filing on `today` ('YYYY-MM-DD', Beijing), from the latest
 * valid-until date among its filed filings of that kind (null: never filed). A filing is valid
 * through its valid-until day inclusive; 'expiring' within `warnDays` before it (a setting).
 * missing / expired count as a gap: a console alert and a credit item (issue 10 "Filings").
 * Throws on a malformed date or a negative warnDays.
 */
export function filingStanding(latestValidUntil: string | null, today: string, warnDays: number): FilingStanding {
  const day = (s: string) => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(s) || Number.isNaN(Date.parse(`${s}T00:00:00Z`))) throw new Error(`not a date: ${s}`);
    return Date.parse(`${s}T00:00:00Z`) / 86_400_000;
  };
  if (!Number.isInteger(warnDays) || warnDays < 0) throw new Error(`bad warnDays: ${warnDays}`);
  const t = day(today);
  if (latestValidUntil === null) return 'missing';
  const until = day(latestValidUntil);
  if (until < t) return 'expired';
  return until - t < warnDays ? 'expiring' : 'valid';
}

/** A gap is a missing or expired filing (an alert and a filing_missing credit item). */
export const isFilingGap = (s: FilingStanding) => s === 'missing' || s === 'expired';

const documentsSchema = z
  .array(
    z.strictObject({
      name: text('文件名称', 100),
      url: uploadOrLinkUrlSchema(),
    }),
    { error: '备案材料必须是列表' },
  )
  .min(1, '请上传至少一份备案材料')
  .max(20, '备案材料不能超过20项');

export const filingCreateSchema = z
  .strictObject({
    projectId: intId('项目'),
    kind: z.enum(FILING_KINDS, { error: '备案类别的取值无效' }),
    documentNo: text('合同编号/证书编号', 40),
    managerName: optionalText('项目经理姓名', 40),
    validFrom: isoDate('有效期起'),
    validUntil: isoDate('有效期止'),
    documents: documentsSchema,
    note: optionalText('说明', 500),
  })
  .superRefine((f, ctx) => {
    if (f.validUntil < f.validFrom) ctx.addIssue({ code: 'custom', path: ['validUntil'], message: '有效期止不能早于有效期起' });
    if (f.kind === 'project_manager' && !f.managerName) ctx.addIssue({ code: 'custom', path: ['managerName'], message: '项目经理备案须填写项目经理姓名' });
  });
export type FilingCreate = z.infer<typeof filingCreateSchema>;

export const filingReviewSchema = z
  .strictObject({
    decision: z.enum(['filed', 'returned'], { error: '审核结论须为准予备案或退回' }),
    filingNo: optionalText('备案编号', 40),
    returnReason: optionalText('退回理由', 500),
  })
  .superRefine((r, ctx) => {
    if (r.decision === 'returned' && !r.returnReason) ctx.addIssue({ code: 'custom', path: ['returnReason'], message: '退回须说明理由' });
  });
export type FilingReview = z.infer<typeof filingReviewSchema>;
