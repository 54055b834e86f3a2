import { and, eq, ne, sql } from 'drizzle-orm';
import { COMPOUND_TYPES, feeGuidanceSchema, spansOverlap } from '@baotou/shared';
import type { ResourceDef, WriteContext } from '../http/resource';
import { conflict } from '../http/errors';
import { filterValue, likeEscape } from '../http/listQuery';
import { feeGuidance } from '../db/schema';
import { BEIJING_TODAY, CITY_ONLY, levelInScale, staffRead } from './levels';

interface GuidanceInput {
  levelId: number;
  propertyType: (typeof COMPOUND_TYPES)[number];
  minFen: number;
  maxFen: number;
  sourceDocument: string;
  effectiveFrom: string;
  effectiveUntil: string | null;
}

/**
 * One band per level and property type on any day (DOMAIN.md §11): checked under a transaction
 * lock on (level, type), so two overlapping bands sent at once cannot both pass the check.
 */
async function prepareGuidance(input: GuidanceInput, c: WriteContext): Promise<Record<string, unknown>> {
  await levelInScale(c.tx, input.levelId, 'levelId');
  await c.tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext('fee_guidance'), hashtext(${`${input.levelId}:${input.propertyType}`}))`);
  const others = await c.tx
    .select({ id: feeGuidance.id, effectiveFrom: feeGuidance.effectiveFrom, effectiveUntil: feeGuidance.effectiveUntil })
    .from(feeGuidance)
    .where(
      and(
        eq(feeGuidance.levelId, input.levelId),
        eq(feeGuidance.propertyType, input.propertyType),
        c.existing ? ne(feeGuidance.id, c.existing.id as number) : undefined,
      ),
    );
  const clash = others.find((o) => spansOverlap(o, input));
  if (clash) throw conflict('FEE_GUIDANCE_OVERLAP', `与已有的指导价（${clash.effectiveFrom}起）日期重叠`);
  return { ...input };
}

/** Fee guidance: level × property type → min–max fen per m² per month (DOMAIN.md §11), kept by the city; shipped empty. */
export function feeGuidanceResource(): ResourceDef {
  return {
    name: 'fee-guidance',
    label: '物业服务收费指导价',
    table: feeGuidance,
    id: feeGuidance.id,
    idKind: 'int',
    fields: {
      id: feeGuidance.id,
      levelId: feeGuidance.levelId,
      levelName: sql<string>`(SELECT l.name FROM service_levels l WHERE l.id = "fee_guidance"."level_id")`,
      propertyType: feeGuidance.propertyType,
      minFen: feeGuidance.minFen,
      maxFen: feeGuidance.maxFen,
      sourceDocument: feeGuidance.sourceDocument,
      effectiveFrom: feeGuidance.effectiveFrom,
      effectiveUntil: feeGuidance.effectiveUntil,
      createdAt: feeGuidance.createdAt,
    },
    sortable: {
      id: feeGuidance.id,
      levelId: feeGuidance.levelId,
      propertyType: feeGuidance.propertyType,
      minFen: feeGuidance.minFen,
      maxFen: feeGuidance.maxFen,
      effectiveFrom: feeGuidance.effectiveFrom,
    },
    defaultSort: ['effectiveFrom', 'DESC'],
    filters: {
      q: (v) => sql`${feeGuidance.sourceDocument} ILIKE ${`%${likeEscape(filterValue.string('q', v, 40))}%`}`,
      levelId: (v) => eq(feeGuidance.levelId, filterValue.int('levelId', v)),
      propertyType: (v) => eq(feeGuidance.propertyType, filterValue.oneOf('propertyType', v, COMPOUND_TYPES)),
      current: (v) =>
        filterValue.bool('current', v)
          ? sql`(${feeGuidance.effectiveFrom} <= CURRENT_DATE AND (${feeGuidance.effectiveUntil} IS NULL OR ${feeGuidance.effectiveUntil} >= CURRENT_DATE))`
          : sql`NOT (${feeGuidance.effectiveFrom} <= CURRENT_DATE AND (${feeGuidance.effectiveUntil} IS NULL OR ${feeGuidance.effectiveUntil} >= CURRENT_DATE))`,
    },
    readScope: staffRead,
    write: {
      roles: CITY_ONLY,
      allows: (actor) => actor.role === 'city_admin',
      readOnlyFields: ['levelName', 'createdAt', 'updatedAt'],
      create: { schema: feeGuidanceSchema, prepare: prepareGuidance },
      update: { schema: feeGuidanceSchema, prepare: prepareGuidance },
      remove: true,
    },
  };
}

/**
 * SQL: where the project's contract fee sits against the band in force today for its current
 * level and its compound's type — 'below' / 'above', or null inside or with no band (flagged, not blocked).
 */
export const projectFeeFlagSql =
  sql.raw(`(SELECT CASE WHEN "projects"."fee_fen_per_m_2_month" < g.min_fen THEN 'below' WHEN "projects"."fee_fen_per_m_2_month" > g.max_fen THEN 'above' END
  FROM fee_guidance g
 WHERE g.level_id = (SELECT a.level_id FROM level_assessments a JOIN service_levels l ON l.id = a.level_id WHERE a.project_id = "projects"."id" AND a.status = 'accepted' AND l.scale = 'level' AND a.decided_on <= ${BEIJING_TODAY} ORDER BY a.decided_on DESC, a.id DESC LIMIT 1)
   AND g.property_type = (SELECT c.type FROM compounds c WHERE c.id = "projects"."compound_id")
   AND g.effective_from <= ${BEIJING_TODAY} AND (g.effective_until IS NULL OR g.effective_until >= ${BEIJING_TODAY})
 LIMIT 1)`);
