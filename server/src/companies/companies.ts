import { eq, ilike, like, or, sql } from 'drizzle-orm';
import { companySchema } from '@baotou/shared';
import type { ResourceDef } from '../http/resource';
import { filterValue, likeEscape } from '../http/listQuery';
import { isBureau, regionCondition } from '../jurisdiction/scope';
import { companies, projects } from '../db/schema';
import { regionWriteAllowed } from '../places/scopes';
import { companyHasPartyOrg, companyServes, companyStaffed } from '../party/dashboardFacts';

export function companiesResource(): ResourceDef {
  return {
    name: 'companies',
    label: '物业企业',
    table: companies,
    id: companies.id,
    idKind: 'int',
    fields: {
      id: companies.id,
      name: companies.name,
      creditCode: companies.creditCode,
      legalRepresentative: companies.legalRepresentative,
      contactName: companies.contactName,
      contactPhone: companies.contactPhone,
      address: companies.address,
      regionCode: companies.regionCode,
      staffCount: companies.staffCount,
      projectCount: sql<number>`(SELECT count(*)::int FROM projects p WHERE p.company_id = "companies"."id")`,
      createdAt: companies.createdAt,
    },
    sortable: { id: companies.id, name: companies.name, creditCode: companies.creditCode, regionCode: companies.regionCode, createdAt: companies.createdAt },
    defaultSort: ['id', 'ASC'],
    filters: {
      q: (v) => {
        const q = likeEscape(filterValue.string('q', v));
        return or(ilike(companies.name, `%${q}%`), ilike(companies.creditCode, `${q}%`));
      },
      regionCode: (v) => like(companies.regionCode, `${filterValue.string('regionCode', v, 12).replace(/\D/g, '')}%`),
      // The Red Property dashboard's drill-downs (server/src/party/dashboardFacts.ts).
      partyServes: (v) => companyServes(sql`"companies"."id"`, filterValue.string('partyServes', v, 12).replace(/\D/g, '')),
      partyStaffed: (v) => (filterValue.bool('partyStaffed', v) ? companyStaffed(sql`"companies"."id"`) : sql`NOT ${companyStaffed(sql`"companies"."id"`)}`),
      partyOrg: (v) => (filterValue.bool('partyOrg', v) ? companyHasPartyOrg(sql`"companies"."id"`) : sql`NOT ${companyHasPartyOrg(sql`"companies"."id"`)}`),
    },
    // Bureau staff see companies registered in their area or serving a compound in it.
    readScope: (actor) => {
      if (isBureau(actor)) {
        return or(
          regionCondition(actor, companies.regionCode),
          sql`${companies.id} IN (SELECT ${projects.companyId} FROM ${projects} WHERE ${regionCondition(actor, projects.regionCode)})`,
        )!;
      }
      if (actor.role === 'company_staff' && actor.companyId) return eq(companies.id, actor.companyId);
      return 'deny';
    },
    write: {
      roles: ['city_admin', 'district_staff'],
      allows: regionWriteAllowed,
      readOnlyFields: ['projectCount', 'createdAt', 'updatedAt'],
      create: { schema: companySchema, prepare: async (input) => input },
      update: { schema: companySchema, prepare: async (input) => input },
      remove: true,
    },
  };
}
