import { z } from 'zod';
import { optionalText, text } from '../places/fields';
import { photoUrlSchema, type HazardSeverity } from './inspections';

/**
 * A hazard's life (DOMAIN.md §10; research domain-2026-11.md §3 rule 3): found → closed on the spot,
 * or → open with a deadline → rectified by the company (with photos) → closed when the inspector
 * accepts, or back to open when rejected. Being reported to the street or district is a mark on
 * the hazard (reportedAt / reportedTo), not a status: a reported hazard still has to be fixed.
 */
export const HAZARD_STATUSES = ['open', 'rectified', 'closed'] as const;
export type HazardStatus = (typeof HAZARD_STATUSES)[number];
export const HAZARD_STATUS_LABELS: Record<HazardStatus, string> = { open: '待整改', rectified: '待复查', closed: '已销号' };

/** The state machine as data: the action that moves a hazard and where it may go. */
export const HAZARD_TRANSITIONS: Record<HazardStatus, readonly HazardStatus[]> = {
  open: ['rectified'],
  rectified: ['closed', 'open'],
  closed: [],
};

export const HAZARD_REPORT_LEVELS = ['street', 'district'] as const;
export type HazardReportLevel = (typeof HAZARD_REPORT_LEVELS)[number];
export const HAZARD_REPORT_LEVEL_LABELS: Record<HazardReportLevel, string> = { street: '街道办事处', district: '区住建局' };

/** Why a hazard was reported: past its deadline, declared unfixable by the company, or an on-the-spot item not corrected in the visit. */
export const HAZARD_REPORT_REASONS = ['overdue', 'unfixable', 'not_corrected_on_spot'] as const;
export type HazardReportReason = (typeof HAZARD_REPORT_REASONS)[number];
export const HAZARD_REPORT_REASON_LABELS: Record<HazardReportReason, string> = {
  overdue: '逾期未整改',
  unfixable: '企业无法自行整改',
  not_corrected_on_spot: '未当场改正',
};

/** The timeline's steps (hazard_events.action). */
export const HAZARD_EVENT_ACTIONS = ['found', 'closed_on_spot', 'rectify', 'accept', 'reject', 'report'] as const;
export type HazardEventAction = (typeof HAZARD_EVENT_ACTIONS)[number];
export const HAZARD_EVENT_ACTION_LABELS: Record<HazardEventAction, string> = {
  found: '发现隐患',
  closed_on_spot: '当场改正销号',
  rectify: '企业提交整改',
  accept: '复查通过销号',
  reject: '复查不通过',
  report: '上报',
};

/** The police station / fire brigade (消防救援机构) a fire-lane hazard is also flagged for (DOMAIN.md §10). */
export const FIRE_BRIGADE_LABEL = '消防救援机构';

export interface HazardDeadlineSettings {
  /** Hours for a general hazard (config HAZARD_GENERAL_HOURS, default 168). */
  hazardGeneralHours: number;
  /** Hours for a major hazard (config HAZARD_MAJOR_HOURS, default 24). */
  hazardMajorHours: number;
}

/**
 * The company's deadline for a hazard found at `foundAt` (DOMAIN.md §10): an on-the-spot item
 * (公安部令第61号 Art. 31) has none beyond the visit itself (deadline = foundAt, so one not
 * corrected is at once overdue); otherwise 24 h for a major hazard, 7 days for a general one (settings).
 * Throws on a severity outside HAZARD_SEVERITIES or an invalid date.
 */
export function hazardDeadline(h: { foundAt: Date; severity: HazardSeverity; onSpot: boolean }, s: HazardDeadlineSettings): Date {
  if (Number.isNaN(h.foundAt.getTime())) throw new Error('hazardDeadline: invalid foundAt');
  if (h.onSpot) return new Date(h.foundAt.getTime());
  const hours = h.severity === 'major' ? s.hazardMajorHours : h.severity === 'general' ? s.hazardGeneralHours : undefined;
  if (hours === undefined) throw new Error(`hazardDeadline: unknown severity ${String(h.severity)}`);
  return new Date(h.foundAt.getTime() + hours * 3600_000);
}

/**
 * Whether a hazard is overdue at `now` (DOMAIN.md §10): its deadline passed before the company
 * rectified it. A closed hazard is not overdue; a rectification handed in after the deadline is
 * (a rejected one counts from now again, being open). Throws on a status outside HAZARD_STATUSES.
 */
export function isHazardOverdue(h: { status: HazardStatus; deadlineAt: Date; rectifiedAt: Date | null }, now: Date): boolean {
  if (!HAZARD_STATUSES.includes(h.status)) throw new Error(`isHazardOverdue: unknown status ${String(h.status)}`);
  if (h.status === 'closed') return false;
  const handedIn = h.status === 'rectified' && h.rectifiedAt ? h.rectifiedAt : now;
  return handedIn.getTime() > h.deadlineAt.getTime();
}

/**
 * Who a hazard is reported to (DOMAIN.md §10: "to the street or district"): a general hazard to the
 * street office, a major one to the district housing bureau. Returns the level and the region code
 * of that office, taken from the project's community code (12 digits). Throws on a bad code or severity.
 */
export function hazardReportTarget(severity: HazardSeverity, projectRegionCode: string): { level: HazardReportLevel; regionCode: string } {
  if (!/^\d{12}$/.test(projectRegionCode)) throw new Error(`hazardReportTarget: not a community code ${projectRegionCode}`);
  if (severity === 'general') return { level: 'street', regionCode: projectRegionCode.slice(0, 9) };
  if (severity === 'major') return { level: 'district', regionCode: projectRegionCode.slice(0, 6) };
  throw new Error(`hazardReportTarget: unknown severity ${String(severity)}`);
}

/** May a hazard go from `from` to `to`? (HAZARD_TRANSITIONS; throws on an unknown status.) */
export function canMoveHazard(from: HazardStatus, to: HazardStatus): boolean {
  const next = HAZARD_TRANSITIONS[from];
  if (!next || !HAZARD_STATUSES.includes(to)) throw new Error(`canMoveHazard: unknown status ${String(from)} → ${String(to)}`);
  return next.includes(to);
}

/** POST /api/hazards/:id/rectify: the company's rectification, at least one photo (a hazard is never closed without one). */
export const hazardRectifySchema = z.strictObject({
  photos: z.array(photoUrlSchema, { error: '整改照片必须是列表' }).min(1, '须上传整改照片').max(9, '整改照片不能超过9张'),
  note: text('整改说明', 500),
});

/** POST /api/hazards/:id/verify: accept (close) or reject (back to the company), a note required on rejection. */
export const hazardVerifySchema = z
  .strictObject({
    decision: z.enum(['accept', 'reject'], { error: '复查结论的取值无效' }),
    note: optionalText('复查意见', 500),
  })
  .refine((v) => v.decision === 'accept' || !!v.note, { message: '不通过时须填写复查意见', path: ['note'] });

/** POST /api/hazards/:id/report: the company says it cannot fix the hazard itself (reported at once). */
export const hazardReportSchema = z.strictObject({ note: text('无法整改的原因', 500) });
