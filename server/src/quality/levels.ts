import { eq, ilike, or, sql } from 'drizzle-orm';
import { SERVICE_SCALES, serviceLevelSchema } from '@baotou/shared';
import type { Actor } from '../auth/actor';
import type { ResourceDef } from '../http/resource';
import { badRequest } from '../http/errors';
import { filterValue, likeEscape } from '../http/listQuery';
import { isBureau } from '../jurisdiction/scope';
import type { DbOrTx } from '../db/client';
import { serviceLevels } from '../db/schema';

/** Every staff member reads the scales (companies apply against them); the city keeps them. */
export const staffRead = (actor: Actor) => (isBureau(actor) || (actor.role === 'company_staff' && !!actor.companyId) ? sql`true` : ('deny' as const));
export const CITY_ONLY = ['city_admin'] as const;
const cityAllows = (actor: Actor) => actor.role === 'city_admin';

/** A rung of a scale, or a 400 on the field: a level not in the scale (issue 12). */
export async function levelInScale(tx: DbOrTx, levelId: number, field: string) {
  const [level] = await tx.select().from(serviceLevels).where(eq(serviceLevels.id, levelId));
  if (!level) throw badRequest('LEVEL_NOT_IN_SCALE', '该等级不在等级体系中', { [field]: '该等级不在等级体系中' });
  return level;
}

/**
 * SQL: the project's current level on a scale — its latest accepted assessment (history in
 * level_assessments). `project` is the SQL naming the project's id; `column` the level column wanted.
 */
/** Today in Beijing, as SQL (decisions are dated in Beijing days; the server's own date may lag by a day). */
export const BEIJING_TODAY = "(now() AT TIME ZONE 'Asia/Shanghai')::date";

export const currentLevelSql = (projectIdSql: string, column: 'id' | 'name' | '"order"' | 'code', scale = 'level', asOf = BEIJING_TODAY) =>
  sql.raw(
    `(SELECT l.${column} FROM level_assessments a JOIN service_levels l ON l.id = a.level_id WHERE a.project_id = ${projectIdSql} AND a.status = 'accepted' AND l.scale = '${scale}' AND a.decided_on <= ${asOf} ORDER BY a.decided_on DESC, a.id DESC LIMIT 1)`,
  );

/** SQL: the date the project's current level (as currentLevelSql) was accepted. */
export const currentLevelDateSql = (projectIdSql: string, scale = 'level') =>
  sql.raw(
    `(SELECT a.decided_on FROM level_assessments a JOIN service_levels l ON l.id = a.level_id WHERE a.project_id = ${projectIdSql} AND a.status = 'accepted' AND l.scale = '${scale}' AND a.decided_on <= ${BEIJING_TODAY} ORDER BY a.decided_on DESC, a.id DESC LIMIT 1)`,
  );

export function serviceLevelsResource(): ResourceDef {
  return {
    name: 'service-levels',
    label: '服务等级',
    table: serviceLevels,
    id: serviceLevels.id,
    idKind: 'int',
    fields: {
      id: serviceLevels.id,
      scale: serviceLevels.scale,
      code: serviceLevels.code,
      order: serviceLevels.order,
      name: serviceLevels.name,
      items: serviceLevels.items,
      itemCount: sql<number>`jsonb_array_length("service_levels"."items")`,
      sourceDocument: serviceLevels.sourceDocument,
      placeholder: serviceLevels.placeholder,
      createdAt: serviceLevels.createdAt,
    },
    sortable: { id: serviceLevels.id, order: serviceLevels.order, code: serviceLevels.code, name: serviceLevels.name, scale: serviceLevels.scale },
    defaultSort: ['order', 'ASC'],
    filters: {
      q: (v) => {
        const q = `%${likeEscape(filterValue.string('q', v, 40))}%`;
        return or(ilike(serviceLevels.name, q), ilike(serviceLevels.code, q), ilike(serviceLevels.sourceDocument, q));
      },
      scale: (v) => eq(serviceLevels.scale, filterValue.oneOf('scale', v, SERVICE_SCALES)),
      placeholder: (v) => eq(serviceLevels.placeholder, filterValue.bool('placeholder', v)),
    },
    readScope: staffRead,
    write: {
      roles: CITY_ONLY,
      allows: cityAllows,
      readOnlyFields: ['itemCount', 'createdAt', 'updatedAt'],
      create: { schema: serviceLevelSchema, prepare: async (input) => input },
      update: { schema: serviceLevelSchema, prepare: async (input) => input },
      remove: true,
    },
  };
}
