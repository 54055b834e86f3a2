/**
 * The seven yearly indicators of the action plan (包府办发〔2022〕73号 三、工作目标; DOMAIN.md §8, §13),
 * each computed from integer counts. Ratios are numerator/denominator pairs, targets of ratios are
 * per mille (91.5% = 915), targets of counts are counts.
 */
export const KPI_INDICATORS = [
  'committee_formation',
  'management_coverage',
  'projects_level_two',
  'excellent_projects',
  'aaa_companies',
  'pre_job_training',
  'continuing_education',
] as const;
export type KpiIndicator = (typeof KPI_INDICATORS)[number];

export const KPI_INDICATOR_LABELS: Record<KpiIndicator, string> = {
  committee_formation: '业主委员会组建率',
  management_coverage: '物业管理覆盖率',
  projects_level_two: '二级及以上服务项目',
  excellent_projects: '区域优秀示范项目',
  aaa_companies: 'AAA级信用企业',
  pre_job_training: '岗前培训率',
  continuing_education: '继续教育率',
};

/** 'ratio': actual is { numerator, denominator }, target per mille; 'count': actual is { count }, target a count. */
export const KPI_UNITS = ['ratio', 'count'] as const;
export type KpiUnit = (typeof KPI_UNITS)[number];
export const KPI_UNIT_LABELS: Record<KpiUnit, string> = { ratio: '比率', count: '个数' };

export const KPI_INDICATOR_UNITS: Record<KpiIndicator, KpiUnit> = {
  committee_formation: 'ratio',
  management_coverage: 'ratio',
  projects_level_two: 'count',
  excellent_projects: 'count',
  aaa_companies: 'count',
  pre_job_training: 'ratio',
  continuing_education: 'ratio',
};

/** What each figure counts, in Chinese (shown under the figure and in the yearly report). */
export const KPI_INDICATOR_DEFINITIONS: Record<KpiIndicator, string> = {
  committee_formation: '在任业主委员会（含物业管理委员会）的小区 ÷ 住宅小区（合并后不再单列的小区不计）',
  management_coverage: '专业化、准物业、社区托管、自管小区的建筑面积 ÷ 全部小区建筑面积（计入方式按设置）',
  projects_level_two: '合同期内、截至当日认定为二级及以上（一级最高）服务等级的项目数',
  excellent_projects: '截至当年获评区域优秀项目或示范项目的项目数（同一项目只计一次）',
  aaa_companies: '当年已公布信用评价为AAA级的物业企业数',
  pre_job_training: '当年入职、在入职日（含宽限期）前完成岗前培训的人员 ÷ 当年入职人员',
  continuing_education: '专业岗位人员中当年继续教育满规定学时的人员 ÷ 截至当日在职的专业岗位人员',
};

export function assertIndicator(v: unknown): KpiIndicator {
  if (typeof v !== 'string' || !(KPI_INDICATORS as readonly string[]).includes(v)) throw new RangeError(`unknown KPI indicator ${String(v)}`);
  return v as KpiIndicator;
}

export type KpiActual = { numerator: number; denominator: number } | { count: number };

/** A figure against its target: met (null without a target or without anyone counted) and the gap in the target's unit. */
export interface KpiAssessment {
  /** Per mille for ratios (rounded down, display only); the count for counts; null for 0/0. */
  value: number | null;
  met: boolean | null;
  /**
   * How far below the target, in the target's unit (per mille or count), rounded up so that a gap of
   * 0 means met; 0 when met or above; null without a target or for 0/0.
   */
  gap: number | null;
}

function checkCount(label: string, v: number) {
  if (!Number.isSafeInteger(v) || v < 0) throw new RangeError(`${label} must be a non-negative integer, got ${v}`);
}

function checkTarget(unit: KpiUnit, target: number | null) {
  if (target === null) return;
  if (!Number.isSafeInteger(target) || target < 0 || (unit === 'ratio' && target > 1000)) {
    throw new RangeError(`target ${target} out of range for a ${unit}`);
  }
}

/**
 * A ratio indicator `numerator ÷ denominator` against a target per mille, in integers only (BigInt:
 * floor areas × 1000 can pass 2^53): met ⇔ numerator × 1000 ≥ target × denominator; gap = the per
 * mille still missing, rounded up. A region with nothing to count (0 ÷ 0) has value, met and gap null.
 * Throws RangeError on negative or fractional counts, numerator > denominator, or a target outside 0..1000.
 */
export function ratioAgainstTarget(numerator: number, denominator: number, targetPermille: number | null): KpiAssessment {
  checkCount('numerator', numerator);
  checkCount('denominator', denominator);
  if (numerator > denominator) throw new RangeError(`numerator ${numerator} exceeds denominator ${denominator}`);
  checkTarget('ratio', targetPermille);
  if (denominator === 0) return { value: null, met: null, gap: null };
  const n = BigInt(numerator);
  const d = BigInt(denominator);
  const value = Number((n * 1000n) / d);
  if (targetPermille === null) return { value, met: null, gap: null };
  const need = BigInt(targetPermille) * d; // compare n × 1000 with target × d
  const met = n * 1000n >= need;
  // per mille missing = ceil((target × d − n × 1000) / d)
  const gap = met ? 0 : Number((need - n * 1000n + d - 1n) / d);
  return { value, met, gap };
}

/** A count indicator against a target count: met ⇔ count ≥ target; gap = target − count when below. Throws RangeError on bad counts. */
export function countAgainstTarget(count: number, target: number | null): KpiAssessment {
  checkCount('count', count);
  checkTarget('count', target);
  if (target === null) return { value: count, met: null, gap: null };
  return { value: count, met: count >= target, gap: Math.max(0, target - count) };
}

/** Any indicator's actual against its target (per mille for ratios, a count for counts). Throws on a mismatched shape. */
export function assessIndicator(indicator: KpiIndicator, actual: KpiActual, target: number | null): KpiAssessment {
  const unit = KPI_INDICATOR_UNITS[assertIndicator(indicator)];
  if (unit === 'ratio') {
    if (!('numerator' in actual)) throw new RangeError(`${indicator} needs a numerator and a denominator`);
    return ratioAgainstTarget(actual.numerator, actual.denominator, target);
  }
  if (!('count' in actual)) throw new RangeError(`${indicator} needs a count`);
  return countAgainstTarget(actual.count, target);
}

/** Sums of figures of several regions: pairs add (never an average of ratios, DOMAIN.md §13), counts add. */
export function sumActuals(actuals: readonly KpiActual[], unit: KpiUnit): KpiActual {
  if (unit === 'count') return { count: actuals.reduce((s, a) => s + ('count' in a ? a.count : 0), 0) };
  return actuals.reduce<{ numerator: number; denominator: number }>(
    (s, a) => ('numerator' in a ? { numerator: s.numerator + a.numerator, denominator: s.denominator + a.denominator } : s),
    { numerator: 0, denominator: 0 },
  );
}

/** '80.0%' from a pair (one decimal, rounded down), or '—' for 0 ÷ 0; a count as '12'. */
export function formatActual(actual: KpiActual): string {
  if ('count' in actual) return String(actual.count);
  if (actual.denominator === 0) return '—';
  const tenthsPct = Number((BigInt(actual.numerator) * 1000n) / BigInt(actual.denominator));
  return `${Math.floor(tenthsPct / 10)}.${tenthsPct % 10}%`;
}

/** What each indicator counts, as people read the unit (the coverage is floor area, kept in centi-m², read in ㎡; DOMAIN.md §13). */
export const KPI_ACTUAL_UNITS: Record<KpiIndicator, string> = {
  committee_formation: '个小区',
  management_coverage: '㎡',
  projects_level_two: '个项目',
  excellent_projects: '个项目',
  aaa_companies: '家企业',
  pre_job_training: '人',
  continuing_education: '人',
};

const grouped = (digits: string) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/**
 * A ratio's parts for people, in their unit: '39 / 58 个小区', '734,073.68 / 800,000.00 ㎡' (the coverage's
 * centi-m² as m², never the raw integer), '12 / 23 人'; a count gives ''. Throws RangeError on an unknown indicator.
 */
export function formatActualParts(indicator: KpiIndicator, actual: KpiActual): string {
  assertIndicator(indicator);
  if ('count' in actual) return '';
  const part = (n: number) =>
    indicator === 'management_coverage' ? `${grouped(String(Math.floor(n / 100)))}.${String(n % 100).padStart(2, '0')}` : grouped(String(n));
  return `${part(actual.numerator)} / ${part(actual.denominator)} ${KPI_ACTUAL_UNITS[indicator]}`;
}

/** A target in its unit for people: per mille 915 → '91.5%', a count as is, null → '未设定'. */
export function formatTarget(indicator: KpiIndicator, target: number | null): string {
  if (target === null) return '未设定';
  return KPI_INDICATOR_UNITS[indicator] === 'ratio' ? `${Math.floor(target / 10)}${target % 10 ? `.${target % 10}` : ''}%` : String(target);
}

/** A gap for people: '差 2.5个百分点' / '差 3个', '已达标', or '—'. */
export function formatGap(indicator: KpiIndicator, a: KpiAssessment): string {
  if (a.met === null || a.gap === null) return '—';
  if (a.met) return '已达标';
  return KPI_INDICATOR_UNITS[indicator] === 'ratio' ? `差${Math.floor(a.gap / 10)}${a.gap % 10 ? `.${a.gap % 10}` : ''}个百分点` : `差${a.gap}个`;
}
