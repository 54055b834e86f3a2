import { and, eq, ilike, like, or, sql, type Column } from 'drizzle-orm';
import { MAX_TRAINING_TENTHS_PER_DAY, TRAINING_KINDS, trainingSchema, type TrainingInput } from '@baotou/shared';
import type { ResourceDef, WriteContext } from '../http/resource';
import { badRequest } from '../http/errors';
import { filterValue, likeEscape } from '../http/listQuery';
import { trainings } from '../db/schema';
import { WORKFORCE_WRITERS, ownCompany, workforceReadScope } from './workforceScope';

const regionPrefix = (column: Column) => (v: unknown) => like(column, `${filterValue.string('regionCode', v, 12).replace(/\D/g, '')}%`);
const notOnStaff = () => badRequest('TRAINING_STAFF_NOT_IN_COMPANY', '该员工不在本企业的从业人员名册中', { staffId: '该员工不在本企业的从业人员名册中' });

/**
 * A training for someone on the actor's company staff, within their employment (not before hired,
 * not after left), and at most 24 hours for that person on that day. The person's row is locked
 * FOR UPDATE first, so two records for one person and day cannot both pass the 24-hour sum.
 */
async function prepare(input: TrainingInput, c: WriteContext) {
  const { rows } = await c.tx.execute(
    sql`SELECT id, company_id, region_code, hired_on::text AS hired_on, left_on::text AS left_on FROM staff WHERE id = ${input.staffId} FOR UPDATE`,
  );
  const person = rows[0] as { id: number; company_id: number; region_code: string; hired_on: string; left_on: string | null } | undefined;
  if (!person || person.company_id !== c.actor.companyId) throw notOnStaff();
  if (input.trainedOn < person.hired_on)
    throw badRequest('TRAINING_BEFORE_HIRED', `培训日期早于该员工的入职日期（${person.hired_on}）`, { trainedOn: `不能早于入职日期${person.hired_on}` });
  if (person.left_on && input.trainedOn > person.left_on)
    throw badRequest('TRAINING_AFTER_LEFT', `培训日期晚于该员工的离职日期（${person.left_on}）`, { trainedOn: `不能晚于离职日期${person.left_on}` });
  const sum = await c.tx.execute(
    sql`SELECT coalesce(sum(hours_tenths), 0)::int AS tenths FROM trainings WHERE staff_id = ${person.id} AND trained_on = ${input.trainedOn} ${c.existing ? sql`AND id <> ${c.existing.id as number}` : sql``}`,
  );
  const already = (sum.rows[0] as { tenths: number }).tenths;
  if (already + input.hoursTenths > MAX_TRAINING_TENTHS_PER_DAY) {
    const left = (MAX_TRAINING_TENTHS_PER_DAY - already) / 10;
    throw badRequest('TRAINING_DAY_OVER_24H', `该员工${input.trainedOn}已登记${already / 10}小时培训，一天合计不能超过24小时`, {
      hoursTenths: `当天最多还能登记${left}小时`,
    });
  }
  return {
    staffId: person.id,
    companyId: person.company_id,
    regionCode: person.region_code,
    kind: input.kind,
    course: input.course,
    provider: input.provider,
    hoursTenths: input.hoursTenths,
    trainedOn: input.trainedOn,
    certificateNo: input.certificateNo ?? null,
    evidence: input.evidence ?? null,
  };
}

export function trainingResource(): ResourceDef {
  return {
    name: 'trainings',
    label: '培训记录',
    table: trainings,
    id: trainings.id,
    idKind: 'int',
    fields: {
      id: trainings.id,
      staffId: trainings.staffId,
      staffName: sql<string>`(SELECT s.name FROM staff s WHERE s.id = "trainings"."staff_id")`,
      staffNo: sql<string>`(SELECT s.staff_no FROM staff s WHERE s.id = "trainings"."staff_id")`,
      companyId: trainings.companyId,
      companyName: sql<string>`(SELECT c.name FROM companies c WHERE c.id = "trainings"."company_id")`,
      regionCode: trainings.regionCode,
      kind: trainings.kind,
      course: trainings.course,
      provider: trainings.provider,
      hoursTenths: trainings.hoursTenths,
      trainedOn: trainings.trainedOn,
      certificateNo: trainings.certificateNo,
      evidence: trainings.evidence,
      createdAt: trainings.createdAt,
    },
    sortable: { id: trainings.id, trainedOn: trainings.trainedOn, kind: trainings.kind, hoursTenths: trainings.hoursTenths, course: trainings.course },
    defaultSort: ['trainedOn', 'DESC'],
    filters: {
      q: (v) => {
        const q = likeEscape(filterValue.string('q', v, 40));
        return or(ilike(trainings.course, `%${q}%`), ilike(trainings.provider, `%${q}%`));
      },
      staffId: (v) => eq(trainings.staffId, filterValue.int('staffId', v)),
      companyId: (v) => eq(trainings.companyId, filterValue.int('companyId', v)),
      kind: (v) => eq(trainings.kind, filterValue.oneOf('kind', v, TRAINING_KINDS)),
      year: (v) => {
        const y = filterValue.int('year', v);
        if (y < 1900 || y > 2100) throw badRequest('BAD_FILTER', '筛选条件 year 须在1900–2100年之间');
        return and(sql`${trainings.trainedOn} >= ${`${y}-01-01`}::date`, sql`${trainings.trainedOn} <= ${`${y}-12-31`}::date`);
      },
      regionCode: regionPrefix(trainings.regionCode),
    },
    readScope: workforceReadScope(trainings.companyId, trainings.regionCode),
    write: {
      roles: WORKFORCE_WRITERS,
      allows: ownCompany,
      readOnlyFields: ['staffName', 'staffNo', 'companyId', 'companyName', 'regionCode', 'createdAt', 'updatedAt'],
      create: { schema: trainingSchema, prepare },
      update: { schema: trainingSchema, prepare },
      remove: true,
    },
  };
}
