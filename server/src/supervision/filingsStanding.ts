import { and, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import { filingSettingsFromEnv } from '@baotou/config';
import { FILING_KINDS, FILING_STANDINGS, filingStanding, isFilingGap, type FilingKind } from '@baotou/shared';
import type { ResourceDef } from '../http/resource';
import { filterValue, likeEscape } from '../http/listQuery';
import { beijingDate, isBureau, regionCondition } from '../jurisdiction/scope';
import type { Db } from '../db/client';
import { projects } from '../db/schema';
import { recordRuleCreditItem } from '../credit/ruleItems';

const TODAY = `(now() AT TIME ZONE 'Asia/Shanghai')::date`;
const latestSql = (kind: FilingKind) =>
  `(SELECT max(f.valid_until) FROM filings f WHERE f.project_id = "projects"."id" AND f.kind = '${kind}' AND f.status = 'filed')`;

/**
 * shared's filingStanding in SQL, for the alert list's filter and count (the sweep uses the shared
 * function itself; filingsStanding.test.ts checks the two agree). warnDays is a validated integer
 * setting, inlined because list select lists carry no parameters.
 */
function standingSql(kind: FilingKind): SQL<string> {
  const until = latestSql(kind);
  const warn = filingSettingsFromEnv().warnDays;
  return sql.raw(
    `(CASE WHEN ${until} IS NULL THEN 'missing' WHEN ${until} < ${TODAY} THEN 'expired' WHEN ${until} - ${TODAY} < ${warn} THEN 'expiring' ELSE 'valid' END)`,
  ) as SQL<string>;
}
const gapSql = (kind: FilingKind) => sql`${standingSql(kind)} IN ('missing', 'expired')`;

/** The service contract covers today (Beijing): only current projects must hold filings. */
const currentSql = sql.raw(`("projects"."start_date" <= ${TODAY} AND "projects"."end_date" >= ${TODAY})`);

/**
 * Each current project's standing for both filings (备案预警): missing or expired filings are the
 * console's alert, filtered by `gap` and counted by the list's Content-Range.
 */
export function filingStandingsResource(): ResourceDef {
  return {
    name: 'filing-standings',
    label: '项目备案情况',
    table: projects,
    id: projects.id,
    idKind: 'int',
    fields: {
      id: projects.id,
      compoundName: sql<string>`(SELECT c.name FROM compounds c WHERE c.id = "projects"."compound_id")`,
      companyId: projects.companyId,
      companyName: sql<string>`(SELECT c.name FROM companies c WHERE c.id = "projects"."company_id")`,
      regionCode: projects.regionCode,
      managerName: projects.managerName,
      contractValidUntil: sql.raw(latestSql('contract')),
      contractStanding: standingSql('contract'),
      managerValidUntil: sql.raw(latestSql('project_manager')),
      managerStanding: standingSql('project_manager'),
    },
    sortable: { id: projects.id, companyId: projects.companyId, regionCode: projects.regionCode },
    defaultSort: ['id', 'ASC'],
    filters: {
      q: (v) => {
        const q = `%${likeEscape(filterValue.string('q', v, 40))}%`;
        return or(
          ilike(projects.managerName, q),
          sql`${projects.compoundId} IN (SELECT id FROM compounds WHERE name ILIKE ${q})`,
          sql`${projects.companyId} IN (SELECT id FROM companies WHERE name ILIKE ${q})`,
        );
      },
      gap: (v) =>
        filterValue.bool('gap', v)
          ? or(gapSql('contract'), gapSql('project_manager'))
          : and(sql`NOT ${gapSql('contract')}`, sql`NOT ${gapSql('project_manager')}`),
      contractStanding: (v) => sql`${standingSql('contract')} = ${filterValue.oneOf('contractStanding', v, FILING_STANDINGS)}`,
      managerStanding: (v) => sql`${standingSql('project_manager')} = ${filterValue.oneOf('managerStanding', v, FILING_STANDINGS)}`,
      companyId: (v) => eq(projects.companyId, filterValue.int('companyId', v)),
      regionCode: (v) => sql`${projects.regionCode} LIKE ${filterValue.string('regionCode', v, 12).replace(/\D/g, '') + '%'}`,
    },
    readScope: (actor) => {
      if (isBureau(actor)) return and(currentSql, regionCondition(actor, projects.regionCode))!;
      if (actor.role === 'company_staff' && actor.companyId) return and(currentSql, eq(projects.companyId, actor.companyId))!;
      return 'deny';
    },
  };
}

/**
 * The periodic sweep (issue 10 "Filings"): every current project with a missing or expired filing
 * earns a filing_missing credit item, once per project, kind and year; a project whose filings are
 * all in force earns filings_complete once per year. recordRuleCreditItem's unique (rule,
 * sourceKey) makes a replay — or two sweeps at once — record nothing twice.
 * Returns how many items were created.
 */
export async function sweepFilings(db: Db, now: Date = new Date()): Promise<{ missing: number; complete: number }> {
  const today = beijingDate(now);
  const year = today.slice(0, 4);
  const warnDays = filingSettingsFromEnv().warnDays;
  const { rows } = await db.execute(sql`
    SELECT p.id, p.company_id AS "companyId",
           (SELECT max(f.valid_until)::text FROM filings f WHERE f.project_id = p.id AND f.kind = 'contract' AND f.status = 'filed') AS "contract",
           (SELECT max(f.valid_until)::text FROM filings f WHERE f.project_id = p.id AND f.kind = 'project_manager' AND f.status = 'filed') AS "project_manager"
      FROM projects p WHERE p.start_date <= ${today} AND p.end_date >= ${today} ORDER BY p.id`);
  let missing = 0;
  let complete = 0;
  for (const p of rows as { id: number; companyId: number; contract: string | null; project_manager: string | null }[]) {
    const gaps = FILING_KINDS.filter((k) => isFilingGap(filingStanding(p[k], today, warnDays)));
    await db.transaction(async (tx) => {
      for (const kind of gaps) {
        const r = await recordRuleCreditItem(tx, {
          rule: 'filing_missing',
          sourceKey: `filing:${p.id}:${kind}:${year}`,
          companyId: p.companyId,
          projectId: p.id,
          occurredOn: today,
          note: kind === 'contract' ? '合同备案缺失或过期' : '项目经理备案缺失或过期',
        });
        if (r.created) missing++;
      }
      if (!gaps.length) {
        const r = await recordRuleCreditItem(tx, {
          rule: 'filings_complete',
          sourceKey: `filings:${p.id}:${year}`,
          companyId: p.companyId,
          projectId: p.id,
          occurredOn: today,
          note: '合同备案、项目经理备案齐全有效',
        });
        if (r.created) complete++;
      }
    });
  }
  return { missing, complete };
}
