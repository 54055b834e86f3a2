import { and, eq } from 'drizzle-orm';
import {
  CREDIT_RULE_CATEGORY,
  CREDIT_RULE_LABELS,
  addWorkingDays,
  creditRule,
  parseCalendarDate,
  pointsFitCategory,
  validUntilAfterYears,
  type CreditRule,
} from '@baotou/shared';
import type { Tx } from '../db/client';
import { companies, creditItems, projects } from '../db/schema';
import { writeAudit } from '../audit/audit';
import { beijingDate } from '../jurisdiction/scope';
import { creditSettings } from './settings';

export interface RuleCreditItemInput {
  rule: CreditRule;
  /** What the event is within its rule, e.g. `hazard:17`; at most one item per (rule, sourceKey). */
  sourceKey: string;
  companyId: number;
  projectId: number | null;
  /** YYYY-MM-DD, Beijing: the day of the event; the item is valid from it. */
  occurredOn: string;
  document?: string | null;
  note?: string | null;
}

/** Who records rule items: the platform itself, named on the item as its authority. */
export const RULE_AUTHORITY = '包头市智慧物业平台（规则自动记录）';

/**
 * Records the credit item a platform event earns (contract 1; DOMAIN.md §5): points from the rule's
 * setting (config credit.rules, signed tenths), valid from `occurredOn` for the validity setting
 * (1 year), published for comment from today (Beijing) for the publicity setting (5 working days),
 * status 公示中. At most one item per (rule, sourceKey), held by the unique index
 * credit_items_type_source_key_idx: a replay, concurrent or later, inserts nothing and returns the
 * existing item's id with created:false. Audited (actor: the system) in the caller's transaction.
 * Region: the project's when given, else the company's.
 * Throws RangeError for an unknown rule, an empty or over-long key, a bad date, or a company or
 * project that does not exist (or a project of another company) — these are callers' defects.
 */
export async function recordRuleCreditItem(tx: Tx, input: RuleCreditItemInput): Promise<{ id: number; created: boolean }> {
  const rule = creditRule(input.rule);
  if (typeof input.sourceKey !== 'string' || input.sourceKey.length === 0 || input.sourceKey.length > 80)
    throw new RangeError(`sourceKey must be 1–80 characters, got ${String(input.sourceKey)}`);
  parseCalendarDate(input.occurredOn);
  const settings = creditSettings();
  const { pointsTenths } = settings.rules[rule];
  const category = CREDIT_RULE_CATEGORY[rule];
  if (!pointsFitCategory(category, pointsTenths)) throw new RangeError(`points ${pointsTenths} do not fit ${category} for ${rule}`);

  let regionCode: string;
  if (input.projectId !== null && input.projectId !== undefined) {
    const [project] = await tx
      .select({ companyId: projects.companyId, regionCode: projects.regionCode })
      .from(projects)
      .where(eq(projects.id, input.projectId));
    if (!project) throw new RangeError(`project ${input.projectId} does not exist`);
    if (project.companyId !== input.companyId) throw new RangeError(`project ${input.projectId} is not company ${input.companyId}'s`);
    regionCode = project.regionCode;
  } else {
    const [company] = await tx.select({ regionCode: companies.regionCode }).from(companies).where(eq(companies.id, input.companyId));
    if (!company) throw new RangeError(`company ${input.companyId} does not exist`);
    regionCode = company.regionCode;
  }

  const [created] = await tx
    .insert(creditItems)
    .values({
      companyId: input.companyId,
      projectId: input.projectId ?? null,
      regionCode,
      type: rule,
      category,
      pointsTenths,
      sourceKey: input.sourceKey,
      authority: RULE_AUTHORITY,
      document: input.document?.slice(0, 200) ?? null,
      note: input.note?.slice(0, 500) ?? `${CREDIT_RULE_LABELS[rule]}`,
      occurredOn: input.occurredOn,
      validFrom: input.occurredOn,
      validUntil: validUntilAfterYears(input.occurredOn, settings.validityYears),
      publicUntil: addWorkingDays(beijingDate(), settings.publicityWorkingDays),
      status: 'published',
    })
    .onConflictDoNothing({ target: [creditItems.type, creditItems.sourceKey] })
    .returning();
  if (created) {
    await writeAudit(tx, null, { action: 'create', entity: 'credit-items', entityId: created.id, after: created, regionCode });
    return { id: created.id, created: true };
  }
  const [existing] = await tx
    .select({ id: creditItems.id })
    .from(creditItems)
    .where(and(eq(creditItems.type, rule), eq(creditItems.sourceKey, input.sourceKey)));
  return { id: existing.id, created: false };
}
