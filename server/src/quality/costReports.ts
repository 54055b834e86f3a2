import { eq, sql } from 'drizzle-orm';
import { COST_ITEMS, costReportSchema } from '@baotou/shared';
import type { ResourceDef, WriteContext } from '../http/resource';
import { badRequest, forbidden } from '../http/errors';
import { filterValue, likeEscape } from '../http/listQuery';
import { isBureau, regionCondition } from '../jurisdiction/scope';
import { companies, costReports } from '../db/schema';

async function prepareReport(input: Record<string, unknown>, c: WriteContext) {
  if (input.companyId !== c.actor.companyId) throw forbidden('NOT_YOUR_COMPANY', '只能填报本企业的成本构成');
  const [company] = await c.tx
    .select({ regionCode: companies.regionCode })
    .from(companies)
    .where(eq(companies.id, input.companyId as number));
  if (!company) throw badRequest('VALIDATION_FAILED', '物业企业不存在', { companyId: '物业企业不存在' });
  return { ...input, regionCode: company.regionCode };
}

/** A company's yearly cost composition (the nine standard items, fen; DOMAIN.md §11); one per company and year. */
export function costReportsResource(): ResourceDef {
  return {
    name: 'cost-reports',
    label: '成本构成报告',
    table: costReports,
    id: costReports.id,
    idKind: 'int',
    fields: {
      id: costReports.id,
      companyId: costReports.companyId,
      companyName: sql<string>`(SELECT c.name FROM companies c WHERE c.id = "cost_reports"."company_id")`,
      regionCode: costReports.regionCode,
      year: costReports.year,
      ...Object.fromEntries(COST_ITEMS.map((k) => [k, costReports[k]])),
      totalFen: sql<number>`("cost_reports"."staff_fen" + "cost_reports"."shared_facilities_fen" + "cost_reports"."cleaning_fen" + "cost_reports"."greening_fen" + "cost_reports"."security_fen" + "cost_reports"."office_fen" + "cost_reports"."depreciation_fen" + "cost_reports"."insurance_fen" + "cost_reports"."other_fen")::bigint`,
      createdAt: costReports.createdAt,
    },
    sortable: { id: costReports.id, year: costReports.year, companyId: costReports.companyId, staffFen: costReports.staffFen },
    defaultSort: ['year', 'DESC'],
    filters: {
      q: (v) => sql`${costReports.companyId} IN (SELECT id FROM companies WHERE name ILIKE ${`%${likeEscape(filterValue.string('q', v, 40))}%`})`,
      year: (v) => eq(costReports.year, filterValue.int('year', v)),
      companyId: (v) => eq(costReports.companyId, filterValue.int('companyId', v)),
      regionCode: (v) => sql`${costReports.regionCode} LIKE ${filterValue.string('regionCode', v, 12).replace(/\D/g, '') + '%'}`,
    },
    readScope: (actor) => {
      if (isBureau(actor)) return regionCondition(actor, costReports.regionCode);
      if (actor.role === 'company_staff' && actor.companyId) return eq(costReports.companyId, actor.companyId);
      return 'deny';
    },
    write: {
      roles: ['company_staff'],
      allows: (actor, row) => !!actor.companyId && row.companyId === actor.companyId,
      readOnlyFields: ['companyName', 'regionCode', 'totalFen', 'createdAt', 'updatedAt'],
      create: { schema: costReportSchema, prepare: prepareReport },
      update: { schema: costReportSchema, prepare: prepareReport },
      remove: true,
    },
  };
}
