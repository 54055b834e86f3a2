import { eq, ilike } from 'drizzle-orm';
import { KPI_INDICATORS, kpiTargetSchema } from '@baotou/shared';
import type { ResourceDef } from '../http/resource';
import { filterValue, likeEscape } from '../http/listQuery';
import { isBureau } from '../jurisdiction/scope';
import { kpiTargets } from '../db/schema';
import { clearKpiCache } from './cache';

/** 年度目标: the yearly targets as data (DOMAIN.md §8). Bureau staff read them; the city adds and corrects them, with the document. */
export function kpiTargetsResource(): ResourceDef {
  return {
    name: 'kpi-targets',
    label: '年度目标',
    table: kpiTargets,
    id: kpiTargets.id,
    idKind: 'int',
    fields: {
      id: kpiTargets.id,
      year: kpiTargets.year,
      indicator: kpiTargets.indicator,
      value: kpiTargets.value,
      document: kpiTargets.document,
      createdAt: kpiTargets.createdAt,
      updatedAt: kpiTargets.updatedAt,
    },
    sortable: { id: kpiTargets.id, year: kpiTargets.year, indicator: kpiTargets.indicator, value: kpiTargets.value },
    defaultSort: ['year', 'DESC'],
    filters: {
      q: (v) => ilike(kpiTargets.document, `%${likeEscape(filterValue.string('q', v, 40))}%`),
      year: (v) => eq(kpiTargets.year, filterValue.int('year', v)),
      indicator: (v) => eq(kpiTargets.indicator, filterValue.oneOf('indicator', v, KPI_INDICATORS)),
    },
    readScope: (actor) => (isBureau(actor) ? eq(kpiTargets.id, kpiTargets.id) : 'deny'),
    write: {
      roles: ['city_admin'],
      allows: (actor) => actor.role === 'city_admin',
      readOnlyFields: ['createdAt', 'updatedAt'],
      create: { schema: kpiTargetSchema, prepare: async (input) => input, after: async () => clearKpiCache() },
      update: { schema: kpiTargetSchema, prepare: async (input) => input, after: async () => clearKpiCache() },
      beforeRemove: async () => clearKpiCache(),
      remove: true,
    },
  };
}
