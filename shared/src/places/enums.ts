/** Enum tuples used by zod, by the Drizzle pgEnums and by the UIs' choices. */
export const REGION_LEVELS = ['city', 'district', 'street', 'community'] as const;
export type RegionLevel = (typeof REGION_LEVELS)[number];

export const COMPOUND_TYPES = ['commodity', 'old', 'single_building', 'resettlement'] as const;
export type CompoundType = (typeof COMPOUND_TYPES)[number];

export const MANAGEMENT_MODES = ['professional', 'quasi', 'community', 'self', 'none'] as const;
export type ManagementMode = (typeof MANAGEMENT_MODES)[number];

export const AREA_BASES = ['registered', 'surveyed', 'contract'] as const;
export type AreaBasis = (typeof AREA_BASES)[number];

/**
 * A claim is live while `pending` or `verified`; it ends `rejected` (by review), `revoked` (by staff
 * with a reason, or when the home's owner changes in the registry) or `withdrawn` (by the resident).
 * Only `verified` grants a resident anything for the home.
 */
export const CLAIM_STATUSES = ['pending', 'verified', 'rejected', 'revoked', 'withdrawn'] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];
/** Claims a resident or staff can still end (revoke, withdraw) or that an owner change ends. */
export const LIVE_CLAIM_STATUSES = ['pending', 'verified'] as const satisfies readonly ClaimStatus[];

export const COMPOUND_TYPE_LABELS: Record<CompoundType, string> = {
  commodity: '商品房小区',
  old: '老旧小区',
  single_building: '单栋楼',
  resettlement: '回迁安置小区',
};
export const MANAGEMENT_MODE_LABELS: Record<ManagementMode, string> = {
  professional: '专业化物业服务',
  quasi: '准物业管理',
  community: '社区托管',
  self: '业主自管',
  none: '无物业管理',
};
export const AREA_BASIS_LABELS: Record<AreaBasis, string> = {
  registered: '登记面积',
  surveyed: '实测面积',
  contract: '合同面积',
};
export const CLAIM_STATUS_LABELS: Record<ClaimStatus, string> = {
  pending: '待审核',
  verified: '已认证',
  rejected: '已驳回',
  revoked: '已解除',
  withdrawn: '已撤回',
};
