import { eq, ilike, or, sql } from 'drizzle-orm';
import { AWARD_KINDS, awardSchema } from '@baotou/shared';
import type { ResourceDef, WriteContext } from '../http/resource';
import { badRequest } from '../http/errors';
import { filterValue, likeEscape } from '../http/listQuery';
import { isBureau, regionCondition } from '../jurisdiction/scope';
import { awards, projects } from '../db/schema';
import { projectLabelSql } from './assessments';

async function prepareAward(input: Record<string, unknown>, c: WriteContext) {
  const [project] = await c.tx
    .select({ regionCode: projects.regionCode })
    .from(projects)
    .where(eq(projects.id, input.projectId as number));
  if (!project) throw badRequest('VALIDATION_FAILED', '项目不存在', { projectId: '项目不存在' });
  return { ...input, regionCode: project.regionCode };
}

/** 区域优秀 / 示范项目 and rewards paid (以效定奖, fen): recorded by the city. */
export function awardsResource(): ResourceDef {
  return {
    name: 'awards',
    label: '优秀示范项目',
    table: awards,
    id: awards.id,
    idKind: 'int',
    fields: {
      id: awards.id,
      projectId: awards.projectId,
      projectName: projectLabelSql('"awards"."project_id"'),
      companyName: sql<string>`(SELECT c.name FROM projects p JOIN companies c ON c.id = p.company_id WHERE p.id = "awards"."project_id")`,
      regionCode: awards.regionCode,
      kind: awards.kind,
      year: awards.year,
      document: awards.document,
      rewardFen: awards.rewardFen,
      rewardPaidOn: awards.rewardPaidOn,
      createdAt: awards.createdAt,
    },
    sortable: { id: awards.id, year: awards.year, kind: awards.kind, rewardFen: awards.rewardFen, rewardPaidOn: awards.rewardPaidOn },
    defaultSort: ['year', 'DESC'],
    filters: {
      q: (v) => {
        const q = `%${likeEscape(filterValue.string('q', v, 40))}%`;
        return or(
          ilike(awards.document, q),
          sql`${awards.projectId} IN (SELECT p.id FROM projects p JOIN compounds c ON c.id = p.compound_id WHERE c.name ILIKE ${q})`,
        );
      },
      kind: (v) => eq(awards.kind, filterValue.oneOf('kind', v, AWARD_KINDS)),
      year: (v) => eq(awards.year, filterValue.int('year', v)),
      projectId: (v) => eq(awards.projectId, filterValue.int('projectId', v)),
      regionCode: (v) => sql`${awards.regionCode} LIKE ${filterValue.string('regionCode', v, 12).replace(/\D/g, '') + '%'}`,
    },
    readScope: (actor) => (isBureau(actor) ? regionCondition(actor, awards.regionCode) : 'deny'),
    write: {
      roles: ['city_admin'],
      allows: (actor) => actor.role === 'city_admin',
      readOnlyFields: ['projectName', 'companyName', 'regionCode', 'createdAt', 'updatedAt'],
      create: { schema: awardSchema, prepare: prepareAward },
      update: { schema: awardSchema, prepare: prepareAward },
      remove: true,
    },
  };
}
