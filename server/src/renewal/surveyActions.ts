import type Router from '@koa/router';
import { and, eq, isNull } from 'drizzle-orm';
import type { Config } from '@baotou/config';
import {
  CLASSIFICATION_MANAGEMENT_MODE,
  RENEWAL_CLASSIFICATIONS,
  RENEWAL_CLASSIFICATION_LABELS,
  classifyOldCompound,
  renewalSurveySchema,
  surveyMissing,
  type SurveyFacts,
} from '@baotou/shared';
import { z } from 'zod';
import type { Db } from '../db/client';
import { compounds, renewalSurveys } from '../db/schema';
import { requireActor } from '../auth/middleware';
import { writeAudit } from '../audit/audit';
import { AppError, badRequest, conflict, forbidden, notFound } from '../http/errors';
import { getPresented } from '../http/resource';
import { regionAllows } from '../jurisdiction/scope';
import { SURVEY_READ_ONLY_FIELDS, SURVEY_WRITERS, assertCurrentVersion, lockSurvey, preparedValues, renewalSurveysResource } from './surveys';

/** District officers confirm or override the proposal; the city may too. */
export const CLASSIFIERS = ['district_staff', 'city_admin'] as const;

const resource = renewalSurveysResource();

function surveyId(raw: string): number {
  if (!/^\d{1,10}$/.test(raw) || Number(raw) > 2147483647) throw notFound('摸底调查');
  return Number(raw);
}

function bodyObject(body: unknown): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw badRequest('INVALID_BODY', '请求体必须是JSON对象');
  return body as Record<string, unknown>;
}

const classifySchema = z.strictObject({
  classification: z.enum(RENEWAL_CLASSIFICATIONS, { error: '分类不在可选范围内' }),
  reason: z
    .string({ error: '理由必须是文字' })
    .trim()
    .max(500, '理由不能超过500个字')
    .nullish()
    .transform((v) => v || null),
});

const versionOnly = z.strictObject({ version: z.unknown() });

/**
 * Survey writes beyond create (issue 11): save a draft naming its version (PUT; stale → 409), submit
 * (the rule's proposal is fixed then), classify (a district officer confirms or overrides with a
 * reason; a confirmed mode is set on the compound where it follows). Each in one audited transaction.
 */
export function registerSurveyActions(router: Router, db: Db, config: Config): void {
  router.put('/api/renewal-surveys/:id', async (ctx) => {
    const actor = requireActor(ctx, SURVEY_WRITERS);
    const id = surveyId(ctx.params.id);
    const body = bodyObject(ctx.request.body);
    const sent = body.version;
    const fields = Object.fromEntries(Object.entries(body).filter(([k]) => k !== 'id' && !(SURVEY_READ_ONLY_FIELDS as readonly string[]).includes(k)));
    const input = renewalSurveySchema.parse(fields);
    ctx.body = await db.transaction(async (tx) => {
      const locked = await lockSurvey(tx, id);
      if (!locked) throw notFound('摸底调查');
      if (!regionAllows(actor, locked.regionCode)) throw forbidden('OUT_OF_JURISDICTION', '无权修改管辖范围以外的摸底调查');
      assertCurrentVersion(sent, locked.version);
      if (locked.status !== 'draft') throw conflict('SURVEY_SUBMITTED', '调查已提交，不能再修改');
      if (input.compoundId !== locked.compoundId) throw badRequest('VALIDATION_FAILED', '调查的小区不能更改', { compoundId: '调查的小区不能更改' });
      const values = await preparedValues(input, { tx, actor, existing: locked as never });
      const [row] = await tx
        .update(renewalSurveys)
        .set({ ...values, version: locked.version + 1, updatedAt: new Date() })
        .where(eq(renewalSurveys.id, id))
        .returning();
      await writeAudit(tx, actor, { action: 'update', entity: 'renewal-surveys', entityId: id, before: locked, after: row, regionCode: row.regionCode });
      return getPresented(tx, resource, actor, id);
    });
  });

  router.post('/api/renewal-surveys/:id/submit', async (ctx) => {
    const actor = requireActor(ctx, SURVEY_WRITERS);
    const id = surveyId(ctx.params.id);
    const { version } = versionOnly.parse(bodyObject(ctx.request.body));
    ctx.body = await db.transaction(async (tx) => {
      const locked = await lockSurvey(tx, id);
      if (!locked) throw notFound('摸底调查');
      if (!regionAllows(actor, locked.regionCode)) throw forbidden('OUT_OF_JURISDICTION', '无权提交管辖范围以外的摸底调查');
      assertCurrentVersion(version, locked.version);
      if (locked.status !== 'draft') throw conflict('SURVEY_SUBMITTED', '调查已提交');
      const missing = surveyMissing(locked);
      if (Object.keys(missing).length) throw badRequest('SURVEY_INCOMPLETE', '调查尚未填写完整，不能提交', missing);
      const proposed = classifyOldCompound(locked as unknown as SurveyFacts, config.renewalSurvey.classification);
      const [row] = await tx
        .update(renewalSurveys)
        .set({ status: 'submitted', submittedAt: new Date(), proposedClassification: proposed, version: locked.version + 1, updatedAt: new Date() })
        .where(eq(renewalSurveys.id, id))
        .returning();
      await writeAudit(tx, actor, { action: 'submit', entity: 'renewal-surveys', entityId: id, before: locked, after: row, regionCode: row.regionCode });
      return getPresented(tx, resource, actor, id);
    });
  });

  router.post('/api/renewal-surveys/:id/classify', async (ctx) => {
    const actor = requireActor(ctx, CLASSIFIERS);
    const id = surveyId(ctx.params.id);
    const input = classifySchema.parse(bodyObject(ctx.request.body));
    ctx.body = await db.transaction(async (tx) => {
      const locked = await lockSurvey(tx, id);
      if (!locked) throw notFound('摸底调查');
      if (!regionAllows(actor, locked.regionCode)) throw forbidden('OUT_OF_JURISDICTION', '无权确认管辖范围以外的分类');
      if (locked.status !== 'submitted') throw conflict('SURVEY_NOT_SUBMITTED', '调查提交后才能确认分类');
      if (locked.classification) throw conflict('ALREADY_CLASSIFIED', `已确认分类为「${RENEWAL_CLASSIFICATION_LABELS[locked.classification]}」`);
      const override = input.classification !== locked.proposedClassification;
      if (override && !input.reason) throw badRequest('REASON_REQUIRED', '改变建议分类须说明理由', { reason: '请说明理由' });
      const [row] = await tx
        .update(renewalSurveys)
        .set({
          classification: input.classification,
          classificationReason: input.reason,
          classifiedBy: actor.id,
          classifiedAt: new Date(),
          updatedAt: new Date(),
        })
        .where(and(eq(renewalSurveys.id, id), isNull(renewalSurveys.classification)))
        .returning();
      if (!row) throw new AppError('ALREADY_CLASSIFIED', 409, '分类已被确认');
      await writeAudit(tx, actor, { action: 'approve', entity: 'renewal-surveys', entityId: id, before: locked, after: row, regionCode: row.regionCode });
      // The compound's mode follows where the classification names one and nobody manages it yet.
      const mode = CLASSIFICATION_MANAGEMENT_MODE[input.classification];
      if (mode) {
        const [before] = await tx.select().from(compounds).where(eq(compounds.id, locked.compoundId)).for('update');
        if (before.managementMode === 'none') {
          const [after] = await tx.update(compounds).set({ managementMode: mode, updatedAt: new Date() }).where(eq(compounds.id, before.id)).returning();
          await writeAudit(tx, actor, { action: 'update', entity: 'compounds', entityId: before.id, before, after, regionCode: before.regionCode });
        }
      }
      return getPresented(tx, resource, actor, id);
    });
  });
}
