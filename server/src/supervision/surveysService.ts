import { and, eq, sql } from 'drizzle-orm';
import { satisfactionHigh, satisfactionResult, SURVEY_DIMENSIONS, type SurveyCreateInput } from '@baotou/shared';
import type { SupervisionSurveySettings } from '@baotou/config';
import type { Actor } from '../auth/actor';
import type { Db, Tx } from '../db/client';
import { interviews, projects, surveyProjects, surveys, type Survey } from '../db/schema';
import { writeAudit } from '../audit/audit';
import { AppError, badRequest, conflict, forbidden, notFound } from '../http/errors';
import { beijingDate, regionAllows } from '../jurisdiction/scope';
import { recordRuleCreditItem } from '../credit/ruleItems';
import { satisfiedRatings } from './surveys';

/** Staff who open and close surveys: the city (any scope), districts (their district or a project), streets (a project). */
export const SURVEY_RUNNERS = ['city_admin', 'district_staff', 'street_staff'] as const;

export async function loadSurvey(db: Db | Tx, id: number, lock = false): Promise<Survey> {
  const q = db.select().from(surveys).where(eq(surveys.id, id));
  const [row] = lock ? await q.for('update') : await q;
  if (!row) throw notFound('满意度测评');
  return row;
}

/** Projects whose contract covers `today` within a region prefix (the district's or city's survey). */
function currentProjectsIn(prefix: string, today: string) {
  return sql`SELECT p.id, p.company_id, p.compound_id, p.region_code FROM projects p WHERE p.region_code LIKE ${prefix + '%'} AND p.start_date <= ${today} AND p.end_date >= ${today}`;
}

/**
 * Opens a survey and fixes the projects it covers, in one transaction, audited. Throws 403 outside
 * the actor's jurisdiction or role (a city-wide survey is the city's), 400 on a closing date already
 * past or an unknown project, 409 when the scope holds no project under contract today.
 * `interviewId`: a re-survey of that interview's project (kind resurvey).
 */
export async function openSurvey(tx: Tx, actor: Actor, input: SurveyCreateInput, interviewId: number | null = null): Promise<number> {
  if (!SURVEY_RUNNERS.includes(actor.role as never)) throw forbidden('ROLE_FORBIDDEN', '仅市、区住建局和街道可以发起满意度测评');
  const today = beijingDate();
  if (input.closesOn < today) throw badRequest('VALIDATION_FAILED', '截止日期不能早于今天', { closesOn: '截止日期不能早于今天' });
  let regionCode: string;
  let covered: { id: number; company_id: number; compound_id: number; region_code: string }[];
  if (input.scope === 'project') {
    const [p] = await tx.select().from(projects).where(eq(projects.id, input.projectId!));
    if (!p) throw badRequest('VALIDATION_FAILED', '项目不存在', { projectId: '项目不存在' });
    if (!regionAllows(actor, p.regionCode)) throw forbidden('OUT_OF_JURISDICTION', '不能对管辖范围以外的项目发起测评');
    regionCode = p.regionCode;
    covered = [{ id: p.id, company_id: p.companyId, compound_id: p.compoundId, region_code: p.regionCode }];
  } else {
    if (input.scope === 'city' && actor.role !== 'city_admin') throw forbidden('ROLE_FORBIDDEN', '全市测评由市住建局发起');
    if (input.scope === 'district' && actor.role === 'street_staff') throw forbidden('ROLE_FORBIDDEN', '全区测评由区住建局或市住建局发起');
    regionCode = input.scope === 'city' ? actor.regionCode! : input.regionCode!;
    if (!regionAllows(actor, regionCode)) throw forbidden('OUT_OF_JURISDICTION', '不能对管辖范围以外的区域发起测评');
    covered = (await tx.execute(currentProjectsIn(regionCode, today))).rows as typeof covered;
  }
  if (covered.length === 0) throw conflict('SURVEY_NO_PROJECTS', '测评范围内没有在服务期内的物业项目');
  const [survey] = await tx
    .insert(surveys)
    .values({
      title: input.title,
      scope: input.scope,
      kind: interviewId ? 'resurvey' : 'regular',
      regionCode,
      projectId: input.scope === 'project' ? input.projectId : null,
      interviewId,
      dimensions: [...new Set(input.dimensions)].sort((a, b) => SURVEY_DIMENSIONS.indexOf(a) - SURVEY_DIMENSIONS.indexOf(b)),
      opensOn: input.opensOn,
      closesOn: input.closesOn,
      status: 'open',
      createdBy: actor.id,
    })
    .returning();
  for (let i = 0; i < covered.length; i += 1000) {
    await tx
      .insert(surveyProjects)
      .values(
        covered
          .slice(i, i + 1000)
          .map((p) => ({ surveyId: survey.id, projectId: p.id, companyId: p.company_id, compoundId: p.compound_id, regionCode: p.region_code })),
      );
  }
  await writeAudit(tx, actor, { action: 'create', entity: 'surveys', entityId: survey.id, after: { ...survey, projectCount: covered.length }, regionCode });
  return survey.id;
}

interface Counted {
  id: number;
  project_id: number;
  company_id: number;
  compound_id: number;
  region_code: string;
  occupied: number;
  responses: number;
  satisfied: number;
  dims: Record<string, number>;
}

/**
 * Closes a survey (DOMAIN.md §9): computes each project's result with satisfactionResult, stores it,
 * raises an interview (约谈) task for each warned project (one per result, unique index), and
 * records credit items by rule (DOMAIN.md §5): `satisfaction_high` for a valid ≥ 90% result,
 * `resurvey_below` for a re-survey still warned; the interview a re-survey follows is done.
 * Under the survey's row lock: responses racing the close wait and then see it closed. 409 when already closed.
 * `actor` null: the platform itself (audited as 系统), with no jurisdiction check.
 */
export async function closeSurvey(db: Db, actor: Actor | null, id: number, settings: SupervisionSurveySettings) {
  return db.transaction(async (tx) => {
    const survey = await loadSurvey(tx, id, true);
    // actor null: the platform closing a survey past its closing date (closeDueSurveys).
    if (actor && (!SURVEY_RUNNERS.includes(actor.role as never) || !regionAllows(actor, survey.regionCode)))
      throw forbidden('OUT_OF_JURISDICTION', '无权结束管辖范围以外的测评');
    if (survey.status === 'closed') throw conflict('SURVEY_CLOSED', '测评已结束');
    const satisfied = satisfiedRatings(settings);
    const dims = sql.join(
      SURVEY_DIMENSIONS.filter((d) => survey.dimensions.includes(d)).map((d) => sql`${d}::text, count(*) FILTER (WHERE r.answers->>${d} IN ${satisfied})`),
      sql`, `,
    );
    const { rows } = await tx.execute(sql`
      SELECT sp.id, sp.project_id, sp.company_id, sp.compound_id, sp.region_code,
             (SELECT count(*)::int FROM households h WHERE h.compound_id = sp.compound_id AND NOT h.developer_unsold) AS occupied,
             coalesce(a.responses, 0) AS responses, coalesce(a.satisfied, 0) AS satisfied, coalesce(a.dims, '{}'::jsonb) AS dims
        FROM survey_projects sp
        LEFT JOIN (SELECT r.survey_project_id, count(*)::int AS responses,
                          count(*) FILTER (WHERE r.overall::text IN ${satisfied})::int AS satisfied,
                          jsonb_build_object(${dims}) AS dims
                     FROM survey_responses r WHERE r.survey_id = ${id} GROUP BY r.survey_project_id) a ON a.survey_project_id = sp.id
       WHERE sp.survey_id = ${id} ORDER BY sp.id`);
    const today = beijingDate();
    const computed = (rows as unknown as Counted[]).map((r) => {
      const counts = { satisfied: Number(r.satisfied), valid: Number(r.responses), occupiedHomes: Number(r.occupied) };
      return { ...r, counts, result: satisfactionResult(counts, settings.thresholds), high: satisfactionHigh(counts, settings.thresholds) };
    });
    if (computed.length) {
      await tx.execute(sql`
        UPDATE survey_projects sp SET occupied_homes = v.occupied, responses = v.responses, valid = v.responses, satisfied = v.satisfied,
               rate_basis_points = v.rate, sample_valid = v.sample_valid, warning = v.warning, dimension_satisfied = v.dims, computed_at = now()
          FROM (SELECT * FROM jsonb_to_recordset(${JSON.stringify(
            computed.map((c) => ({
              id: c.id,
              occupied: c.counts.occupiedHomes,
              responses: c.counts.valid,
              satisfied: c.counts.satisfied,
              rate: c.result.rateBasisPoints,
              sample_valid: c.result.valid,
              warning: c.result.warning,
              dims: c.dims,
            })),
          )}::jsonb) AS x(id int, occupied int, responses int, satisfied int, rate int, sample_valid boolean, warning boolean, dims jsonb)) v
         WHERE sp.id = v.id`);
    }
    const [closed] = await tx.update(surveys).set({ status: 'closed', closedAt: new Date(), updatedAt: new Date() }).where(eq(surveys.id, id)).returning();
    const warned = computed.filter((c) => c.result.warning);
    let interviewsOpened = 0;
    for (const c of warned) {
      const [p] = await tx.select({ managerName: projects.managerName }).from(projects).where(eq(projects.id, c.project_id));
      const [row] = await tx
        .insert(interviews)
        .values({
          surveyId: id,
          surveyProjectId: c.id,
          projectId: c.project_id,
          companyId: c.company_id,
          compoundId: c.compound_id,
          regionCode: c.region_code,
          managerName: p.managerName,
          rateBasisPoints: c.result.rateBasisPoints,
          status: 'pending',
        })
        .onConflictDoNothing({ target: interviews.surveyProjectId })
        .returning();
      if (row) {
        interviewsOpened++;
        await writeAudit(tx, null, { action: 'create', entity: 'interviews', entityId: row.id, after: row, regionCode: row.regionCode });
      }
      if (survey.kind === 'resurvey') {
        await recordRuleCreditItem(tx, {
          rule: 'resurvey_below',
          sourceKey: `survey:${id}:project:${c.project_id}`,
          companyId: c.company_id,
          projectId: c.project_id,
          occurredOn: today,
          note: `复测满意度${(c.result.rateBasisPoints / 100).toFixed(2)}%，仍低于80%`,
        });
      }
    }
    for (const c of computed.filter((x) => x.high)) {
      await recordRuleCreditItem(tx, {
        rule: 'satisfaction_high',
        sourceKey: `survey:${id}:project:${c.project_id}`,
        companyId: c.company_id,
        projectId: c.project_id,
        occurredOn: today,
        note: `业主满意度${(c.result.rateBasisPoints / 100).toFixed(2)}%`,
      });
    }
    if (survey.kind === 'resurvey' && survey.interviewId) {
      const [done] = await tx
        .update(interviews)
        .set({ status: 'done', updatedAt: new Date() })
        .where(and(eq(interviews.id, survey.interviewId), eq(interviews.status, 'resurveying')))
        .returning();
      if (done)
        await writeAudit(tx, actor, {
          action: 'update',
          entity: 'interviews',
          entityId: done.id,
          before: { status: 'resurveying' },
          after: { status: 'done', resurveyId: id },
          regionCode: done.regionCode,
        });
    }
    await writeAudit(tx, actor, {
      action: 'close',
      entity: 'surveys',
      entityId: id,
      before: { status: survey.status },
      after: { status: closed.status, projects: computed.length, warnings: warned.length, interviewsOpened },
      regionCode: survey.regionCode,
    });
    return { id, status: closed.status, projects: computed.length, warnings: warned.length, interviewsOpened };
  });
}

/**
 * Closes every open survey whose closing day (Beijing) has passed, as the platform (the job
 * supervision.survey-close, every SURVEY_CLOSE_SWEEP_SECONDS): results, interviews and credit items
 * as closeSurvey. Idempotent: a survey closed meanwhile is skipped. Returns the ids closed.
 */
export async function closeDueSurveys(db: Db, settings: SupervisionSurveySettings, now: Date = new Date()): Promise<number[]> {
  const due = await db
    .select({ id: surveys.id })
    .from(surveys)
    .where(and(eq(surveys.status, 'open'), sql`${surveys.closesOn} < ${beijingDate(now)}`))
    .orderBy(surveys.id);
  const closed: number[] = [];
  for (const { id } of due) {
    try {
      await closeSurvey(db, null, id, settings);
      closed.push(id);
    } catch (err) {
      if (!(err instanceof AppError && err.code === 'SURVEY_CLOSED')) throw err;
    }
  }
  return closed;
}
