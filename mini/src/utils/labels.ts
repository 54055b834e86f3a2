export const COMPOUND_TYPE_LABEL: Record<string, string> = {
  commodity: '商品房小区',
  old: '老旧小区',
  single_building: '单体楼',
  resettlement: '回迁安置小区',
};

export const MANAGEMENT_MODE_LABEL: Record<string, string> = {
  professional: '专业化物业服务',
  quasi: '准物业管理',
  community: '社区托管',
  self: '业主自管',
  none: '暂无物业管理',
};

export const CLAIM_STATUS_LABEL: Record<string, string> = {
  verified: '已认证',
  pending: '待审核',
  rejected: '已驳回',
  revoked: '已解除',
  withdrawn: '已撤回',
};
