import { eq, ilike, or, sql } from 'drizzle-orm';
import {
  CREDIT_CATEGORIES,
  CREDIT_ITEM_STATES,
  CREDIT_ITEM_STATUSES,
  CREDIT_RULES,
  CREDIT_RULE_CATEGORY,
  CREDIT_RULE_LABELS,
  addWorkingDays,
  creditItemCreateSchema,
  validUntilAfterYears,
  type CreditItemCreate,
} from '@baotou/shared';
import type { ResourceDef, WriteContext } from '../http/resource';
import { badRequest } from '../http/errors';
import { filterValue, likeEscape } from '../http/listQuery';
import { beijingDate, regionAllows } from '../jurisdiction/scope';
import { creditItemReadScope } from './itemsScope';
import { companies, creditItems, projects } from '../db/schema';
import { assertOwnUploads, canonicalUploadUrl } from '../uploads';
import { creditSettings } from './settings';

/** Who records items by hand (DOMAIN.md §5; research §1 rule 5): the city and district housing bureaus. */
export const CREDIT_AUTHORITIES = ['city_admin', 'district_staff'] as const;

/** The item's state today (Beijing), as shared creditItemState says, in SQL (the list filters and sorts on it). */
export const ITEM_STATE_SQL = sql.raw(`(CASE
  WHEN "credit_items"."status" = 'withdrawn' THEN 'withdrawn'
  WHEN "credit_items"."status" = 'objected' THEN 'objected'
  WHEN (now() AT TIME ZONE 'Asia/Shanghai')::date <= "credit_items"."public_until" THEN 'publicising'
  WHEN (now() AT TIME ZONE 'Asia/Shanghai')::date < "credit_items"."valid_from" THEN 'pending'
  WHEN (now() AT TIME ZONE 'Asia/Shanghai')::date > "credit_items"."valid_until" THEN 'expired'
  ELSE 'effective' END)`);

/** Every item type a reader may meet, with its label, part of the score, range and source (rules and settings). */
export function creditItemTypes() {
  const s = creditSettings();
  const rules = CREDIT_RULES.map((r) => ({
    id: r,
    label: CREDIT_RULE_LABELS[r],
    category: CREDIT_RULE_CATEGORY[r],
    minTenths: s.rules[r].pointsTenths,
    maxTenths: s.rules[r].pointsTenths,
    source: s.rules[r].source,
    rule: true,
  }));
  const manual = Object.entries(s.itemTypes).map(([id, t]) => ({
    id,
    label: t.label,
    category: t.category,
    minTenths: t.minTenths,
    maxTenths: t.maxTenths,
    source: t.source,
    rule: false,
  }));
  return [...manual, ...rules];
}

export function creditTypeLabel(type: string): string {
  return (CREDIT_RULE_LABELS as Record<string, string>)[type] ?? creditSettings().itemTypes[type]?.label ?? type;
}

async function prepareItem(input: CreditItemCreate, c: WriteContext) {
  const s = creditSettings();
  const type = s.itemTypes[input.type];
  if (!type) {
    const rule = (CREDIT_RULES as readonly string[]).includes(input.type);
    throw badRequest('VALIDATION_FAILED', rule ? '规则事项由平台自动记录，不能手工录入' : '信用事项类型无效', {
      type: rule ? '规则事项不能手工录入' : '信用事项类型无效',
    });
  }
  if (input.pointsTenths < type.minTenths || input.pointsTenths > type.maxTenths) {
    const range = `${type.minTenths / 10}～${type.maxTenths / 10}分`;
    throw badRequest('POINTS_OUT_OF_RANGE', `${type.label}的分值须在${range}之间`, { pointsTenths: `分值须在${range}之间` });
  }
  const today = beijingDate();
  if (input.occurredOn > today) throw badRequest('VALIDATION_FAILED', '发生日期不能晚于今天', { occurredOn: '发生日期不能晚于今天' });
  const [company] = await c.tx.select({ regionCode: companies.regionCode }).from(companies).where(eq(companies.id, input.companyId));
  if (!company) throw badRequest('VALIDATION_FAILED', '企业不存在', { companyId: '企业不存在' });
  let regionCode = company.regionCode;
  if (input.projectId !== null) {
    const [project] = await c.tx
      .select({ companyId: projects.companyId, regionCode: projects.regionCode })
      .from(projects)
      .where(eq(projects.id, input.projectId));
    if (!project || project.companyId !== input.companyId) throw badRequest('VALIDATION_FAILED', '项目不属于该企业', { projectId: '项目不属于该企业' });
    regionCode = project.regionCode;
  }
  await assertOwnUploads(
    c.tx,
    c.actor,
    input.evidence.map((e, i) => ({ url: e.url, field: `evidence.${i}.url` })),
    { message: '证明材料无效：只能使用本人上传的文件' },
  );
  const validFrom = input.validFrom ?? input.occurredOn;
  const validUntil = input.validUntil ?? validUntilAfterYears(validFrom, s.validityYears);
  if (validUntil < validFrom) throw badRequest('VALIDATION_FAILED', '有效期止不能早于有效期起', { validUntil: '有效期止不能早于有效期起' });
  return {
    companyId: input.companyId,
    projectId: input.projectId,
    regionCode,
    type: input.type,
    category: type.category,
    pointsTenths: input.pointsTenths,
    sourceKey: null,
    authority: input.authority,
    document: input.document,
    note: input.note,
    evidence: input.evidence.map((e) => ({ name: e.name, url: canonicalUploadUrl(e.url) })),
    occurredOn: input.occurredOn,
    validFrom,
    validUntil,
    publicUntil: addWorkingDays(today, s.publicityWorkingDays),
    status: 'published',
    createdBy: c.actor.id,
  };
}

export function creditItemsResource(): ResourceDef {
  return {
    name: 'credit-items',
    label: '信用事项',
    table: creditItems,
    id: creditItems.id,
    idKind: 'int',
    fields: {
      id: creditItems.id,
      companyId: creditItems.companyId,
      companyName: sql<string>`(SELECT c.name FROM companies c WHERE c.id = "credit_items"."company_id")`,
      projectId: creditItems.projectId,
      projectName: sql<string>`(SELECT c.name FROM projects p JOIN compounds c ON c.id = p.compound_id WHERE p.id = "credit_items"."project_id")`,
      regionCode: creditItems.regionCode,
      type: creditItems.type,
      category: creditItems.category,
      pointsTenths: creditItems.pointsTenths,
      rule: sql<boolean>`("credit_items"."source_key" IS NOT NULL)`,
      authority: creditItems.authority,
      document: creditItems.document,
      note: creditItems.note,
      evidence: creditItems.evidence,
      occurredOn: creditItems.occurredOn,
      validFrom: creditItems.validFrom,
      validUntil: creditItems.validUntil,
      publicUntil: creditItems.publicUntil,
      status: creditItems.status,
      state: ITEM_STATE_SQL,
      createdAt: creditItems.createdAt,
      updatedAt: creditItems.updatedAt,
    },
    sortable: {
      id: creditItems.id,
      occurredOn: creditItems.occurredOn,
      pointsTenths: creditItems.pointsTenths,
      validUntil: creditItems.validUntil,
      publicUntil: creditItems.publicUntil,
      type: creditItems.type,
      state: ITEM_STATE_SQL,
      companyId: creditItems.companyId,
    },
    defaultSort: ['id', 'DESC'],
    filters: {
      q: (v) => {
        const q = `%${likeEscape(filterValue.string('q', v, 40))}%`;
        return or(
          ilike(creditItems.document, q),
          ilike(creditItems.authority, q),
          sql`${creditItems.companyId} IN (SELECT id FROM companies WHERE name ILIKE ${q})`,
        );
      },
      companyId: (v) => eq(creditItems.companyId, filterValue.int('companyId', v)),
      projectId: (v) => eq(creditItems.projectId, filterValue.int('projectId', v)),
      type: (v) => eq(creditItems.type, filterValue.string('type', v, 40)),
      category: (v) => eq(creditItems.category, filterValue.oneOf('category', v, CREDIT_CATEGORIES)),
      status: (v) => eq(creditItems.status, filterValue.oneOf('status', v, CREDIT_ITEM_STATUSES)),
      state: (v) => sql`${ITEM_STATE_SQL} = ${filterValue.oneOf('state', v, CREDIT_ITEM_STATES)}`,
      rule: (v) => (filterValue.bool('rule', v) ? sql`${creditItems.sourceKey} IS NOT NULL` : sql`${creditItems.sourceKey} IS NULL`),
      regionCode: (v) => sql`${creditItems.regionCode} LIKE ${filterValue.string('regionCode', v, 12).replace(/\D/g, '') + '%'}`,
    },
    readScope: creditItemReadScope,
    present: (row) => ({ ...row, typeLabel: creditTypeLabel(row.type as string) }),
    write: {
      roles: CREDIT_AUTHORITIES,
      allows: (actor, row) => (CREDIT_AUTHORITIES as readonly string[]).includes(actor.role) && regionAllows(actor, row.regionCode as string),
      readOnlyFields: ['companyName', 'projectName', 'regionCode', 'category', 'rule', 'publicUntil', 'status', 'state', 'typeLabel', 'createdAt', 'updatedAt'],
      create: { schema: creditItemCreateSchema, prepare: prepareItem },
    },
  };
}
