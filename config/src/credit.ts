import { z } from 'zod';
import type { CreditRule } from '@baotou/shared';

/**
 * Credit evaluation settings (issue 10; DOMAIN.md §5; research §1). Baotou's own 暂行办法 was not
 * found, so every number here is a default from a comparable scheme, named beside it; the console
 * shows the source. Points are signed tenths of a point (bad conduct negative).
 */
export interface CreditRuleSetting {
  pointsTenths: number;
  /** The document the default comes from, shown in the console beside the item. */
  source: string;
}

/** A kind of item staff record by hand, with the points it may carry (signed tenths, min ≤ max). */
export interface CreditItemTypeSetting {
  label: string;
  category: 'base' | 'good' | 'bad';
  minTenths: number;
  maxTenths: number;
  source: string;
}

export interface CreditSettings {
  /** Manual item types and their point ranges (DOMAIN.md §5 "by hand from authorised staff"). */
  itemTypes: Record<string, CreditItemTypeSetting>;
  /** Points of each rule-generated item (shared/src/credit/rules.ts). */
  rules: Record<CreditRule, CreditRuleSetting>;
  /** Working days a new item is published for comment before it counts (DOMAIN.md §5: 5). */
  publicityWorkingDays: number;
  /** Working days the authority has to answer an objection (DOMAIN.md §5: 20, Shanghai practice). */
  objectionAnswerWorkingDays: number;
  /** Years an item stays valid unless given its own validity (DOMAIN.md §5: 1 year, Yantai). */
  validityYears: number;
  /** Seconds between sweeps recording rule items from tickets and party data (and refreshing live scores). */
  sweepIntervalSeconds: number;
  /** Caps of the score's parts, tenths (DOMAIN.md §5: base ≤ 80, good ≤ 40). */
  baseCapTenths: number;
  goodCapTenths: number;
}

const YANTAI = '烟建住房〔2022〕13号《烟台市物业服务企业信用信息管理办法》';

/** Defaults: research §1 "Rules to encode"; the sources named per rule. */
export const DEFAULT_CREDIT_RULES: Record<CreditRule, CreditRuleSetting> = {
  complaint_verified: { pointsTenths: -10, source: `${YANTAI} 不良信用信息；青岛量化考核每项不符合扣1分` },
  ticket_overdue: { pointsTenths: -5, source: '包头市行动方案 四(七) 限时办结；分值参照青岛量化考核' },
  inspection_failed: { pointsTenths: -20, source: '包头市行动方案 四(九)2 日常检查；DOMAIN §10' },
  hazard_overdue: { pointsTenths: -30, source: '公安部令第61号 第31–33条；DOMAIN §10' },
  satisfaction_high: { pointsTenths: 20, source: '南宁市物业服务企业信用信息管理办法(试行) 业主评分信息；research §2 规则7' },
  resurvey_below: { pointsTenths: -30, source: '包头市行动方案 四(九)1 满意度低于80%；research §2 规则7' },
  project_upgraded: { pointsTenths: 50, source: '包头市行动方案 四(五)2 提档升级项目良好行为加5分' },
  party_organisation: { pointsTenths: 20, source: '南宁市物业服务企业信用信息管理办法(试行) 党组织建设' },
  filings_complete: { pointsTenths: 300, source: '山西省物业服务企业信用评价评分表 基本信息备案齐全30分' },
  filing_missing: { pointsTenths: -20, source: `${YANTAI} 不良信用信息` },
};

const SHANXI = '山西省物业服务企业信用评价评分表';

/** Defaults: DOMAIN.md §5's inputs, ranges from the schemes named (research §1). */
export const DEFAULT_CREDIT_ITEM_TYPES: Record<string, CreditItemTypeSetting> = {
  basic_filing: { label: '基本信息备案', category: 'base', minTenths: 0, maxTenths: 300, source: `${SHANXI} 基本信息备案齐全30分` },
  staff_filing: { label: '从业人员信息备案', category: 'base', minTenths: 0, maxTenths: 200, source: `${SHANXI} 从业人员信息20分` },
  years_in_business: { label: '从业年限', category: 'base', minTenths: 0, maxTenths: 50, source: `${SHANXI} 5年以上5分，3–5年4分，3年以下2分` },
  contract_performance: { label: '合同履约', category: 'base', minTenths: 0, maxTenths: 30, source: `${SHANXI} 合同履约良好3分` },
  annual_assessment: {
    label: '年度服务质量考评',
    category: 'base',
    minTenths: 0,
    maxTenths: 170,
    source: '包头市行动方案 四(九)2 合同履行、市/旗县区两级日常检查考评；烟建住房〔2022〕13号 基础信息',
  },
  certified_staff: { label: '专业人员持证', category: 'base', minTenths: 0, maxTenths: 50, source: `${SHANXI} 消防、电梯、电工持证5分` },
  award: { label: '表彰奖励', category: 'good', minTenths: 10, maxTenths: 100, source: `${YANTAI} 优良信用信息` },
  street_opinion_good: { label: '街道社区评价良好', category: 'good', minTenths: 5, maxTenths: 30, source: '包头市行动方案 四(九)2 街道(苏木乡镇)/社区意见' },
  penalty: { label: '行政处罚', category: 'bad', minTenths: -200, maxTenths: -10, source: `${YANTAI} 不良信用信息` },
  inspection_finding: {
    label: '日常检查发现问题',
    category: 'bad',
    minTenths: -50,
    maxTenths: -5,
    source: '包头市行动方案 四(九)2 市/旗县区两级住建部门日常检查',
  },
  street_opinion_bad: { label: '街道社区意见', category: 'bad', minTenths: -30, maxTenths: -5, source: '包头市行动方案 四(九)2 街道(苏木乡镇)/社区意见' },
  contract_breach: { label: '合同违约', category: 'bad', minTenths: -100, maxTenths: -10, source: `${YANTAI} 不良信用信息` },
};

const itemTypeSetting = z
  .strictObject({
    label: z.string().min(1).max(40),
    category: z.enum(['base', 'good', 'bad']),
    minTenths: z.number().int().min(-1000).max(1000),
    maxTenths: z.number().int().min(-1000).max(1000),
    source: z.string().min(1).max(200),
  })
  .refine((t) => t.minTenths <= t.maxTenths && (t.category === 'bad' ? t.maxTenths <= 0 : t.minTenths >= 0), {
    message: 'minTenths ≤ maxTenths, bad ≤ 0, base/good ≥ 0',
  });

function mergeItemTypes(raw: string | undefined): Record<string, CreditItemTypeSetting> {
  if (!raw) return { ...DEFAULT_CREDIT_ITEM_TYPES };
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new Error('配置错误: CREDIT_ITEM_TYPES 不是有效的JSON');
  }
  const parsed = z.record(z.string().regex(/^[a-z][a-z0-9_]{1,39}$/), itemTypeSetting).safeParse(json);
  if (!parsed.success) throw new Error(`配置错误: CREDIT_ITEM_TYPES ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  for (const key of Object.keys(parsed.data)) {
    if (key in DEFAULT_CREDIT_RULES) throw new Error(`配置错误: CREDIT_ITEM_TYPES ${key} 与规则同名`);
  }
  return { ...DEFAULT_CREDIT_ITEM_TYPES, ...parsed.data };
}

const ruleOverride = z.record(
  z.string(),
  z.strictObject({ pointsTenths: z.number().int().min(-1000).max(1000), source: z.string().min(1).max(200).optional() }),
);

function mergeRules(raw: string | undefined): Record<CreditRule, CreditRuleSetting> {
  const rules: Record<string, CreditRuleSetting> = JSON.parse(JSON.stringify(DEFAULT_CREDIT_RULES));
  if (!raw) return rules as Record<CreditRule, CreditRuleSetting>;
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new Error('配置错误: CREDIT_RULE_POINTS 不是有效的JSON');
  }
  const parsed = ruleOverride.safeParse(json);
  if (!parsed.success) throw new Error(`配置错误: CREDIT_RULE_POINTS ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  for (const [rule, o] of Object.entries(parsed.data)) {
    const current = rules[rule];
    if (!current) throw new Error(`配置错误: CREDIT_RULE_POINTS 未知规则 ${rule}`);
    if (Math.sign(o.pointsTenths) * Math.sign(current.pointsTenths) < 0) throw new Error(`配置错误: CREDIT_RULE_POINTS ${rule} 的分值符号不能改变`);
    rules[rule] = { pointsTenths: o.pointsTenths, source: o.source ?? '本地配置 CREDIT_RULE_POINTS' };
  }
  return rules as Record<CreditRule, CreditRuleSetting>;
}

export const creditEnvSchema = {
  /** JSON overriding rule points, e.g. {"hazard_overdue":{"pointsTenths":-50,"source":"包头市…"}}. */
  CREDIT_RULE_POINTS: z.string().optional(),
  /** JSON adding or replacing manual item types, e.g. {"award":{"label":"表彰奖励","category":"good","minTenths":10,"maxTenths":50,"source":"…"}}. */
  CREDIT_ITEM_TYPES: z.string().optional(),
  CREDIT_PUBLICITY_WORKING_DAYS: z.coerce.number().int().min(0).max(60).default(5),
  CREDIT_OBJECTION_ANSWER_WORKING_DAYS: z.coerce.number().int().min(1).max(120).default(20),
  CREDIT_VALIDITY_YEARS: z.coerce.number().int().min(1).max(10).default(1),
  /** How often the server records rule items from tickets and party data and refreshes stale live scores. */
  CREDIT_SWEEP_INTERVAL_SECONDS: z.coerce.number().int().min(10).max(86400).default(900),
  CREDIT_BASE_CAP_TENTHS: z.coerce.number().int().min(0).max(10000).default(800),
  CREDIT_GOOD_CAP_TENTHS: z.coerce.number().int().min(0).max(10000).default(400),
};

export function creditSettings(e: {
  CREDIT_RULE_POINTS?: string;
  CREDIT_ITEM_TYPES?: string;
  CREDIT_PUBLICITY_WORKING_DAYS: number;
  CREDIT_OBJECTION_ANSWER_WORKING_DAYS: number;
  CREDIT_VALIDITY_YEARS: number;
  CREDIT_SWEEP_INTERVAL_SECONDS: number;
  CREDIT_BASE_CAP_TENTHS: number;
  CREDIT_GOOD_CAP_TENTHS: number;
}): CreditSettings {
  return {
    itemTypes: mergeItemTypes(e.CREDIT_ITEM_TYPES),
    rules: mergeRules(e.CREDIT_RULE_POINTS),
    publicityWorkingDays: e.CREDIT_PUBLICITY_WORKING_DAYS,
    objectionAnswerWorkingDays: e.CREDIT_OBJECTION_ANSWER_WORKING_DAYS,
    validityYears: e.CREDIT_VALIDITY_YEARS,
    sweepIntervalSeconds: e.CREDIT_SWEEP_INTERVAL_SECONDS,
    baseCapTenths: e.CREDIT_BASE_CAP_TENTHS,
    goodCapTenths: e.CREDIT_GOOD_CAP_TENTHS,
  };
}

/** Credit settings from an environment map alone (defaults for anything unset); throws like loadConfig. */
export function creditSettingsFromEnv(env: Record<string, string | undefined> = {}): CreditSettings {
  const parsed = z.object(creditEnvSchema).safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== '')));
  if (!parsed.success) throw new Error(`配置错误: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return creditSettings(parsed.data);
}
