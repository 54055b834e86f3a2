/**
 * Enum tuples of old-compound renewal (action plan 四(四), 四(十一)2; DOMAIN.md §4; research §4),
 * used by zod, the Drizzle pgEnums and the UIs' choices. Labels are what people read.
 */

/** The infrastructure items of the survey (摸底调查表), research §4 rule 1. */
export const INFRASTRUCTURE_ITEMS = [
  'roads',
  'drainage',
  'water',
  'heating',
  'power',
  'gas',
  'lighting',
  'fire',
  'garbage',
  'parking',
  'property_room',
] as const;
export type InfrastructureItem = (typeof INFRASTRUCTURE_ITEMS)[number];

/** 完好 / 部分 / 缺失. */
export const INFRASTRUCTURE_STATES = ['good', 'partial', 'missing'] as const;
export type InfrastructureState = (typeof INFRASTRUCTURE_STATES)[number];

/** What the survey proposes and the district confirms (DOMAIN.md §4). */
export const RENEWAL_CLASSIFICATIONS = ['quasi', 'merge', 'committee', 'self'] as const;
export type RenewalClassification = (typeof RENEWAL_CLASSIFICATIONS)[number];

/** A survey is saved as a draft (and resumed) until submitted; only a submitted survey is classified. */
export const RENEWAL_SURVEY_STATUSES = ['draft', 'submitted'] as const;
export type RenewalSurveyStatus = (typeof RENEWAL_SURVEY_STATUSES)[number];

/** Enclosure as found: already enclosed, could be enclosed, or open (cannot be). */
export const ENCLOSURE_STATES = ['enclosed', 'enclosable', 'open'] as const;
export type EnclosureState = (typeof ENCLOSURE_STATES)[number];

/** Management found by the survey (research §4 rule 1): none, a work unit, the residents' committee, the residents. */
export const SURVEY_MANAGEMENT_STATES = ['none', 'work_unit', 'community', 'self'] as const;
export type SurveyManagementState = (typeof SURVEY_MANAGEMENT_STATES)[number];

/** Renovation (老旧小区改造) as found by the survey. */
export const SURVEY_RENOVATION_STATES = ['none', 'planned', 'in_progress', 'done'] as const;
export type SurveyRenovationState = (typeof SURVEY_RENOVATION_STATES)[number];

export const INFRASTRUCTURE_ITEM_LABELS: Record<InfrastructureItem, string> = {
  roads: '道路',
  drainage: '排水',
  water: '供水',
  heating: '供热',
  power: '供电',
  gas: '燃气',
  lighting: '照明',
  fire: '消防设施',
  garbage: '垃圾收集点',
  parking: '停车',
  property_room: '物业用房',
};
export const INFRASTRUCTURE_STATE_LABELS: Record<InfrastructureState, string> = {
  good: '完好',
  partial: '部分',
  missing: '缺失',
};
export const RENEWAL_CLASSIFICATION_LABELS: Record<RenewalClassification, string> = {
  quasi: '准物业管理',
  merge: '合并管理区域',
  committee: '社区居委会代管',
  self: '居民自管',
};
export const RENEWAL_SURVEY_STATUS_LABELS: Record<RenewalSurveyStatus, string> = {
  draft: '草稿',
  submitted: '已提交',
};
export const ENCLOSURE_STATE_LABELS: Record<EnclosureState, string> = {
  enclosed: '已封闭',
  enclosable: '可封闭',
  open: '无法封闭',
};
export const SURVEY_MANAGEMENT_STATE_LABELS: Record<SurveyManagementState, string> = {
  none: '无管理',
  work_unit: '原产权单位管理',
  community: '社区居委会代管',
  self: '居民自管',
};
export const SURVEY_RENOVATION_STATE_LABELS: Record<SurveyRenovationState, string> = {
  none: '未改造',
  planned: '已列入改造计划',
  in_progress: '改造中',
  done: '已改造',
};

/**
 * The management mode a confirmed classification sets on the compound (places MANAGEMENT_MODES):
 * quasi → quasi, committee → community, self → self; merge sets none here (the compound's mode
 * follows the receiving compound when it is merged).
 */
export const CLASSIFICATION_MANAGEMENT_MODE = {
  quasi: 'quasi',
  merge: null,
  committee: 'community',
  self: 'self',
} as const satisfies Record<RenewalClassification, 'quasi' | 'community' | 'self' | null>;
