/**
 * Service levels and star ratings (DOMAIN.md §11; research §5 rules 1–2). The scales themselves are
 * data the city fills in (Inner Mongolia's 居住物业管理服务标准 was not found); only their shape is here.
 */

/** A scale: 服务等级 (level 1 is the best) or 星级 (star ratings). */
export const SERVICE_SCALES = ['level', 'star'] as const;
export type ServiceScale = (typeof SERVICE_SCALES)[number];
export const SERVICE_SCALE_LABELS: Record<ServiceScale, string> = { level: '服务等级', star: '星级评定' };

/** Groups of requirement items (research §5 rule 1). */
export const REQUIREMENT_CATEGORIES = ['general_management', 'repairs', 'facilities', 'cleaning', 'greening', 'security', 'customer_service'] as const;
export type RequirementCategory = (typeof REQUIREMENT_CATEGORIES)[number];
export const REQUIREMENT_CATEGORY_LABELS: Record<RequirementCategory, string> = {
  general_management: '综合管理',
  repairs: '房屋维修',
  facilities: '设施设备',
  cleaning: '保洁',
  greening: '绿化',
  security: '秩序维护',
  customer_service: '客户服务',
};

/** A level assessment: the company applies, the district accepts or rejects. */
export const ASSESSMENT_STATUSES = ['applied', 'accepted', 'rejected'] as const;
export type AssessmentStatus = (typeof ASSESSMENT_STATUSES)[number];
export const ASSESSMENT_STATUS_LABELS: Record<AssessmentStatus, string> = { applied: '待评定', accepted: '已认定', rejected: '未通过' };

/** An upgrade plan (提档升级): filed by the district, approved (or returned) by the city. */
export const UPGRADE_PLAN_STATUSES = ['filed', 'approved', 'returned'] as const;
export type UpgradePlanStatus = (typeof UPGRADE_PLAN_STATUSES)[number];
export const UPGRADE_PLAN_STATUS_LABELS: Record<UpgradePlanStatus, string> = { filed: '待审批', approved: '已批准', returned: '已退回' };

export const AWARD_KINDS = ['regional_excellent', 'demonstration'] as const;
export type AwardKind = (typeof AWARD_KINDS)[number];
export const AWARD_KIND_LABELS: Record<AwardKind, string> = { regional_excellent: '区域优秀项目', demonstration: '示范项目' };

function positiveOrder(order: unknown, what: string): number {
  if (typeof order !== 'number' || !Number.isSafeInteger(order) || order < 1)
    throw new RangeError(`${what} must be a positive integer order, got ${String(order)}`);
  return order;
}

/**
 * Whether a level is at `order` or better: level 1 is the best, so "level 2 or above" (二级以上(含二级),
 * action plan 三) is `levelAtOrAbove(level, 2)` ⇔ level.order ≤ 2 (DOMAIN.md §8, §11; research §5 rule 2).
 * level: { order } (positive integer) or null/undefined (no accepted level → false).
 * Throws RangeError when either order is not a positive integer.
 */
export function levelAtOrAbove(level: { order: number } | null | undefined, order: number): boolean {
  const bound = positiveOrder(order, 'bound');
  if (!level) return false;
  return positiveOrder(level.order, 'level') <= bound;
}

/**
 * A plan item has reached its target when the project's accepted level is at or above the target
 * level (research §5 rule 2). current / target: { order } of the same scale; current null = none yet.
 */
export function reachedTarget(current: { order: number } | null | undefined, target: { order: number }): boolean {
  return levelAtOrAbove(current, target.order);
}
