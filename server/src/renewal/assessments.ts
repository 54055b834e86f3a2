import { and, eq, inArray, like, sql } from 'drizzle-orm';
import { ASSESSMENT_RESULTS, enrolmentYearIn, monthsServedIn, quasiAssessmentSchema } from '@baotou/shared';
import type { ResourceDef, WriteContext } from '../http/resource';
import { badRequest, conflict, forbidden } from '../http/errors';
import { filterValue, likeEscape } from '../http/listQuery';
import { quasiAssessments, quasiEnrolments, uploads } from '../db/schema';
import { regionAllows } from '../jurisdiction/scope';
import { compoundScopedRead, regionWriteAllowed } from '../places/scopes';
import { activeStandardItems } from './enrolments';

const compoundName = sql<string>`(SELECT c.name FROM compounds c WHERE c.id = "quasi_assessments"."compound_id")`;
const companyName = sql<string>`(SELECT co.name FROM quasi_enrolments e JOIN companies co ON co.id = e.company_id WHERE e.id = "quasi_assessments"."enrolment_id")`;

/**
 * The district's yearly assessment of an enrolment against the "三个有" checklist (DOMAIN.md §4;
 * research §4 rule 3): pass or fail with each item met or not and its evidence (upload ids). A pass
 * needs every active item met (400 ASSESSMENT_ITEMS_UNMET); one per enrolment and year (409
 * ASSESSMENT_EXISTS, under the enrolment's row lock); the year must be one the enrolment served.
 * Recorded, never edited: only a pass makes that year's subsidy payable.
 */
export function quasiAssessmentsResource(): ResourceDef {
  return {
    name: 'quasi-assessments',
    label: '准物业年度考核',
    table: quasiAssessments,
    id: quasiAssessments.id,
    idKind: 'int',
    fields: {
      id: quasiAssessments.id,
      enrolmentId: quasiAssessments.enrolmentId,
      compoundId: quasiAssessments.compoundId,
      compoundName,
      companyName,
      regionCode: quasiAssessments.regionCode,
      year: quasiAssessments.year,
      result: quasiAssessments.result,
      items: quasiAssessments.items,
      note: quasiAssessments.note,
      assessedBy: quasiAssessments.assessedBy,
      createdAt: quasiAssessments.createdAt,
    },
    sortable: { id: quasiAssessments.id, year: quasiAssessments.year, result: quasiAssessments.result, regionCode: quasiAssessments.regionCode },
    defaultSort: ['id', 'DESC'],
    filters: {
      q: (v) => sql`${compoundName} ILIKE ${`%${likeEscape(filterValue.string('q', v))}%`}`,
      enrolmentId: (v) => eq(quasiAssessments.enrolmentId, filterValue.int('enrolmentId', v)),
      compoundId: (v) => eq(quasiAssessments.compoundId, filterValue.int('compoundId', v)),
      year: (v) => eq(quasiAssessments.year, filterValue.int('year', v)),
      result: (v) => eq(quasiAssessments.result, filterValue.oneOf('result', v, ASSESSMENT_RESULTS)),
      regionCode: (v) => like(quasiAssessments.regionCode, `${filterValue.string('regionCode', v, 12).replace(/\D/g, '')}%`),
    },
    readScope: compoundScopedRead(quasiAssessments.regionCode, quasiAssessments.compoundId),
    write: {
      roles: ['district_staff'],
      allows: regionWriteAllowed,
      readOnlyFields: ['compoundName', 'companyName', 'compoundId', 'regionCode', 'assessedBy', 'createdAt'],
      create: { schema: quasiAssessmentSchema, prepare: prepareAssessment },
    },
  };
}

type AssessmentInput = {
  enrolmentId: number;
  year: number;
  result: 'pass' | 'fail';
  items: { itemId: number; met: boolean; evidence: number[]; note: string | null }[];
  note: string | null;
};

async function prepareAssessment(input: AssessmentInput, c: WriteContext) {
  const [enrolment] = await c.tx.select().from(quasiEnrolments).where(eq(quasiEnrolments.id, input.enrolmentId)).for('update');
  if (!enrolment) throw badRequest('VALIDATION_FAILED', '准物业备案不存在', { enrolmentId: '准物业备案不存在' });
  if (!regionAllows(c.actor, enrolment.regionCode)) throw forbidden('OUT_OF_JURISDICTION', '不能考核管辖范围以外的准物业小区');
  if (enrolmentYearIn(enrolment.startDate, input.year) < 1 || monthsServedIn(enrolment.startDate, enrolment.endDate, input.year) === 0) {
    throw badRequest('YEAR_NOT_SERVED', '该年度不在准物业服务期内', { year: '该年度不在准物业服务期内' });
  }
  const [exists] = await c.tx
    .select({ id: quasiAssessments.id })
    .from(quasiAssessments)
    .where(sql`${quasiAssessments.enrolmentId} = ${input.enrolmentId} AND ${quasiAssessments.year} = ${input.year}`);
  if (exists) throw conflict('ASSESSMENT_EXISTS', '该备案本年度已考核，不能重复考核');

  const checklist = await activeStandardItems(c.tx);
  const answered = new Map(input.items.map((i) => [i.itemId, i]));
  if (
    answered.size !== input.items.length ||
    checklist.some((i) => !answered.has(i.id)) ||
    input.items.some((i) => !checklist.find((s) => s.id === i.itemId))
  ) {
    throw badRequest('ASSESSMENT_ITEMS_MISMATCH', '考核条目须与“三个有”标准逐项对应', { items: '请逐项填写“三个有”标准的考核情况' });
  }
  if (input.result === 'pass' && input.items.some((i) => !i.met)) {
    throw badRequest('ASSESSMENT_ITEMS_UNMET', '有标准条目未达标，考核结论不能为合格', { result: '有标准条目未达标，不能评为合格' });
  }
  const evidence = [...new Set(input.items.flatMap((i) => i.evidence))];
  if (evidence.length) {
    // The assessor's own uploads only: citing anyone else's file by id would show it to the assessment's readers (mayReadUpload).
    const found = await c.tx
      .select({ id: uploads.id })
      .from(uploads)
      .where(and(inArray(uploads.id, evidence), eq(uploads.ownerId, c.actor.id)));
    if (found.length !== evidence.length)
      throw badRequest('VALIDATION_FAILED', '证明材料不存在或不是本人上传的文件，请重新上传', { items: '证明材料不存在或不是本人上传的文件，请重新上传' });
  }
  return {
    enrolmentId: enrolment.id,
    compoundId: enrolment.compoundId,
    regionCode: enrolment.regionCode,
    year: input.year,
    result: input.result,
    items: checklist.map((s) => ({
      itemId: s.id,
      text: s.text,
      met: answered.get(s.id)!.met,
      evidence: answered.get(s.id)!.evidence,
      note: answered.get(s.id)!.note,
    })),
    note: input.note,
    assessedBy: c.actor.id,
  };
}
