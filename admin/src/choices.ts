// Chinese labels for every enum the console shows. One place, so the lists, filters, forms and
// Excel exports all say the same thing. When @baotou/shared exports the enum tuples, key these maps
// by them (`Record<(typeof COMPOUND_TYPES)[number], string>`) so a new value fails to compile here.

export type Choice = { id: string; name: string };

const toChoices = (labels: Record<string, string>): Choice[] =>
  Object.entries(labels).map(([id, name]) => ({ id, name }));

export const compoundTypeLabels: Record<string, string> = {
  commodity: '商品房小区',
  old: '老旧小区',
  single_building: '单栋楼',
  resettlement: '回迁安置小区',
};

export const managementModeLabels: Record<string, string> = {
  professional: '专业化物业服务',
  quasi: '准物业管理',
  community: '社区托管',
  self: '业主自管',
  none: '无物业管理',
};

export const areaBasisLabels: Record<string, string> = {
  registered: '登记面积',
  surveyed: '实测面积',
  contract: '合同面积',
};

export const claimStatusLabels: Record<string, string> = {
  pending: '待审核',
  verified: '已认证',
  rejected: '已驳回',
};

export const roleLabels: Record<string, string> = {
  city_admin: '市住建局',
  district_staff: '区住建局',
  street_staff: '街道',
  community_staff: '社区',
  party_staff: '党建办',
  company_staff: '物业企业',
};

export const regionLevelLabels: Record<string, string> = {
  city: '市',
  district: '区（旗、县）',
  street: '街道（镇、苏木）',
  community: '社区（嘎查村）',
};

export const serviceLevelLabels: Record<string, string> = {
  '1': '一级',
  '2': '二级',
  '3': '三级',
  '4': '四级',
  '5': '五级',
};

export const auditActionLabels: Record<string, string> = {
  create: '新增',
  update: '修改',
  delete: '删除',
  approve: '通过',
  reject: '驳回',
  login: '登录',
  register: '注册',
  view_personal: '查看个人信息',
  claim_submitted: '提交房屋认证',
  claim_verified: '房屋认证自动通过',
};

export const compoundTypeChoices = toChoices(compoundTypeLabels);
export const managementModeChoices = toChoices(managementModeLabels);
export const areaBasisChoices = toChoices(areaBasisLabels);
export const claimStatusChoices = toChoices(claimStatusLabels);
export const roleChoices = toChoices(roleLabels);
export const regionLevelChoices = toChoices(regionLevelLabels);
export const auditActionChoices = toChoices(auditActionLabels);
export const serviceLevelChoices = [1, 2, 3, 4, 5].map((n) => ({
  id: n,
  name: serviceLevelLabels[String(n)],
}));

export const booleanLabels = { true: '是', false: '否' } as const;

/** Label maps by field name, used by the Excel exporter to write Chinese values. */
export const enumLabelsByField: Record<string, Record<string, string>> = {
  type: compoundTypeLabels,
  managementMode: managementModeLabels,
  areaBasis: areaBasisLabels,
  status: claimStatusLabels,
  role: roleLabels,
  level: regionLevelLabels,
  serviceLevel: serviceLevelLabels,
};
