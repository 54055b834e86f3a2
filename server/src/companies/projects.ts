import { eq, ilike, or, sql } from 'drizzle-orm';
import { FEE_BAND_FLAGS, PRICING_FORMS, SELECTION_METHODS, projectSchema } from '@baotou/shared';
import type { ResourceDef } from '../http/resource';
import { badRequest } from '../http/errors';
import { filterValue, likeEscape } from '../http/listQuery';
import { isBureau, regionCondition } from '../jurisdiction/scope';
import { companies, projects } from '../db/schema';
import type { Tx } from '../db/client';
import { regionWriteAllowed } from '../places/scopes';
import { compoundRegion } from '../places/compounds';
import { currentLevelDateSql, currentLevelSql } from '../quality/levels';
import { projectFeeFlagSql } from '../quality/feeGuidance';
import { assertMayTakeProjects } from '../credit/blacklistQuery';
import { kpiProjectFilters } from '../kpi/drillFilters';

async function prepareProject(input: Record<string, unknown>, c: { tx: Tx }) {
  const [company] = await c.tx
    .select({ id: companies.id })
    .from(companies)
    .where(eq(companies.id, input.companyId as number));
  if (!company) throw badRequest('VALIDATION_FAILED', '物业企业不存在', { companyId: '物业企业不存在' });
  return { ...input, regionCode: await compoundRegion(c.tx, input.compoundId as number) };
}

export function projectsResource(): ResourceDef {
  return {
    name: 'projects',
    label: '物业服务项目',
    table: projects,
    id: projects.id,
    idKind: 'int',
    fields: {
      id: projects.id,
      companyId: projects.companyId,
      companyName: sql<string>`(SELECT c.name FROM companies c WHERE c.id = "projects"."company_id")`,
      compoundId: projects.compoundId,
      compoundName: sql<string>`(SELECT c.name FROM compounds c WHERE c.id = "projects"."compound_id")`,
      regionCode: projects.regionCode,
      startDate: projects.startDate,
      endDate: projects.endDate,
      feeFenPerM2Month: projects.feeFenPerM2Month,
      serviceLevel: projects.serviceLevel,
      contractFilingNo: projects.contractFilingNo,
      contractFilingDate: projects.contractFilingDate,
      managerName: projects.managerName,
      managerPhone: projects.managerPhone,
      managerFilingNo: projects.managerFilingNo,
      pricingForm: projects.pricingForm,
      selectionMethod: projects.selectionMethod,
      tenderDate: projects.tenderDate,
      tenderResult: projects.tenderResult,
      // quality: the level accepted last (level_assessments) and the fee against its guidance band
      assessedLevelId: currentLevelSql('"projects"."id"', 'id'),
      assessedLevelName: currentLevelSql('"projects"."id"', 'name'),
      assessedOn: currentLevelDateSql('"projects"."id"'),
      feeFlag: projectFeeFlagSql,
      createdAt: projects.createdAt,
    },
    sortable: {
      id: projects.id,
      companyId: projects.companyId,
      compoundId: projects.compoundId,
      startDate: projects.startDate,
      endDate: projects.endDate,
      serviceLevel: projects.serviceLevel,
      feeFenPerM2Month: projects.feeFenPerM2Month,
      contractFilingDate: projects.contractFilingDate,
    },
    defaultSort: ['id', 'ASC'],
    filters: {
      q: (v) => {
        const q = likeEscape(filterValue.string('q', v));
        return or(
          ilike(projects.managerName, `%${q}%`),
          ilike(projects.contractFilingNo, `%${q}%`),
          sql`${projects.compoundId} IN (SELECT id FROM compounds WHERE name ILIKE ${`%${q}%`})`,
        );
      },
      companyId: (v) => eq(projects.companyId, filterValue.int('companyId', v)),
      compoundId: (v) => eq(projects.compoundId, filterValue.int('compoundId', v)),
      regionCode: (v) => sql`${projects.regionCode} LIKE ${filterValue.string('regionCode', v, 12).replace(/\D/g, '') + '%'}`,
      serviceLevel: (v) => eq(projects.serviceLevel, filterValue.int('serviceLevel', v)),
      feeFlag: (v) => sql`${projectFeeFlagSql} = ${filterValue.oneOf('feeFlag', v, FEE_BAND_FLAGS)}`,
      pricingForm: (v) => eq(projects.pricingForm, filterValue.oneOf('pricingForm', v, PRICING_FORMS)),
      selectionMethod: (v) => eq(projects.selectionMethod, filterValue.oneOf('selectionMethod', v, SELECTION_METHODS)),
      // the projects behind the yearly-target figures (issue 14 drill-down)
      ...kpiProjectFilters(projects),
    },
    readScope: (actor) => {
      if (isBureau(actor)) return regionCondition(actor, projects.regionCode);
      if (actor.role === 'company_staff' && actor.companyId) return eq(projects.companyId, actor.companyId);
      return 'deny';
    },
    write: {
      roles: ['city_admin', 'district_staff', 'street_staff'],
      allows: regionWriteAllowed,
      readOnlyFields: ['companyName', 'compoundName', 'regionCode', 'assessedLevelId', 'assessedLevelName', 'assessedOn', 'feeFlag', 'createdAt', 'updatedAt'],
      // a blacklisted company takes no new projects (DOMAIN.md §5)
      create: { schema: projectSchema, prepare: async (input, c) => (await assertMayTakeProjects(c.tx, input.companyId), prepareProject(input, c)) },
      update: {
        schema: projectSchema,
        // handing a project to another company is a new project for it
        prepare: async (input, c) => (
          input.companyId !== c.existing?.companyId && (await assertMayTakeProjects(c.tx, input.companyId)),
          prepareProject(input, c)
        ),
      },
      remove: true,
    },
  };
}
