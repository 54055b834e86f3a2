import { eq, sql } from 'drizzle-orm';
import { RENEWAL_CLASSIFICATIONS, RENEWAL_SURVEY_STATUSES, renewalSurveySchema, type RenewalSurveyInput } from '@baotou/shared';
import type { ResourceDef, WriteContext } from '../http/resource';
import { filterValue, likeEscape } from '../http/listQuery';
import { AppError, badRequest, conflict } from '../http/errors';
import { isBureau, regionCondition } from '../jurisdiction/scope';
import { regionWriteAllowed } from '../places/scopes';
import { compounds, renewalSurveys } from '../db/schema';
import type { Tx } from '../db/client';
import { assertOwnUploads } from '../uploads';

/** Community and street staff fill in surveys (issue 11); district and city staff read and classify. */
export const SURVEY_WRITERS = ['community_staff', 'street_staff'] as const;
/** Bureau roles that read surveys (party-building staff have no part in them). */
const SURVEY_READERS = ['city_admin', 'district_staff', 'street_staff', 'community_staff'] as const;
/** Compound types a survey is for: old compounds and single buildings (action plan 四(四)). */
export const SURVEYED_TYPES = ['old', 'single_building'] as const;

const t = '"renewal_surveys"';
const compoundOf = (col: string) => sql.raw(`(SELECT c.${col} FROM compounds c WHERE c.id = ${t}."compound_id")`);

/** The stored row locked for this transaction: a save or a submission decides on what it locked. */
export async function lockSurvey(tx: Tx, id: number) {
  const [row] = await tx.select().from(renewalSurveys).where(eq(renewalSurveys.id, id)).for('update');
  return row;
}

/** "Offline-tolerant" drafts: a save names the version it started from; an older one is refused, never merged silently. */
export function assertCurrentVersion(sent: unknown, stored: number): void {
  if (sent === undefined || sent === null) throw badRequest('VERSION_REQUIRED', '保存调查须带上版本号', { version: '缺少版本号' });
  if (typeof sent !== 'number' || !Number.isInteger(sent) || sent < 1) throw badRequest('VALIDATION_FAILED', '版本号无效', { version: '版本号必须是正整数' });
  if (sent !== stored) throw new AppError('STALE_VERSION', 409, `调查已被他人更新（当前版本${stored}，您的版本${sent}），请刷新后再保存`);
}

async function compoundForSurvey(tx: Tx, input: RenewalSurveyInput) {
  const [c] = await tx
    .select({ regionCode: compounds.regionCode, type: compounds.type, retiredInto: compounds.retiredIntoCompoundId })
    .from(compounds)
    .where(eq(compounds.id, input.compoundId))
    .for('share');
  if (!c) throw badRequest('VALIDATION_FAILED', '小区不存在', { compoundId: '小区不存在' });
  if (c.retiredInto) throw conflict('COMPOUND_RETIRED', '该小区已并入其他管理区域，不能再调查');
  if (!(SURVEYED_TYPES as readonly string[]).includes(c.type))
    throw badRequest('NOT_OLD_COMPOUND', '只有老旧小区和单栋楼需要摸底调查', { compoundId: '该小区不是老旧小区或单栋楼' });
  if (input.neighbourCompoundIds.length) {
    const { rows } = await tx.execute(
      sql`SELECT count(*)::int AS n FROM compounds WHERE id IN ${input.neighbourCompoundIds} AND retired_into_compound_id IS NULL`,
    );
    if ((rows[0] as { n: number }).n !== input.neighbourCompoundIds.length)
      throw badRequest('VALIDATION_FAILED', '相邻小区不存在', { neighbourCompoundIds: '有相邻小区不存在或已并入其他小区' });
  }
  return c;
}

export async function preparedValues(input: RenewalSurveyInput, c: WriteContext) {
  const compound = await compoundForSurvey(c.tx, input);
  const carried = (c.existing?.photos as { url: string }[] | undefined)?.map((p) => p.url) ?? [];
  await assertOwnUploads(
    c.tx,
    c.actor,
    input.photos.map((p, i) => ({ url: p.url, field: `photos.${i}.url` })),
    { message: '照片须由本人上传', carried },
  );
  return { ...input, regionCode: compound.regionCode, surveyorId: c.actor.id };
}

export const SURVEY_READ_ONLY_FIELDS = [
  'compoundName',
  'compoundCode',
  'managementMode',
  'regionCode',
  'districtCode',
  'districtName',
  'status',
  'surveyorId',
  'surveyorName',
  'submittedAt',
  'proposedClassification',
  'classification',
  'classificationReason',
  'classifiedAt',
  'createdAt',
  'updatedAt',
  // sent with a save and checked by surveyActions.ts, never written from the body
  'version',
] as const;

export function renewalSurveysResource(): ResourceDef {
  return {
    name: 'renewal-surveys',
    label: '摸底调查',
    table: renewalSurveys,
    id: renewalSurveys.id,
    idKind: 'int',
    fields: {
      id: renewalSurveys.id,
      compoundId: renewalSurveys.compoundId,
      compoundName: compoundOf('name'),
      compoundCode: compoundOf('code'),
      managementMode: compoundOf('management_mode'),
      regionCode: renewalSurveys.regionCode,
      districtCode: sql.raw(`left(${t}."region_code", 6)`),
      districtName: sql.raw(`(SELECT r.name FROM regions r WHERE r.code = left(${t}."region_code", 6))`),
      status: renewalSurveys.status,
      version: renewalSurveys.version,
      buildingCount: renewalSurveys.buildingCount,
      stairwellCount: renewalSurveys.stairwellCount,
      householdCount: renewalSurveys.householdCount,
      floorAreaCenti: renewalSurveys.floorAreaCenti,
      singleBuilding: renewalSurveys.singleBuilding,
      neighbourCompoundIds: renewalSurveys.neighbourCompoundIds,
      enclosure: renewalSurveys.enclosure,
      hasGate: renewalSurveys.hasGate,
      infrastructure: renewalSurveys.infrastructure,
      currentManagement: renewalSurveys.currentManagement,
      hasCommittee: renewalSurveys.hasCommittee,
      fundDeposited: renewalSurveys.fundDeposited,
      renovation: renewalSurveys.renovation,
      willingHouseholds: renewalSurveys.willingHouseholds,
      proposedFeeFen: renewalSurveys.proposedFeeFen,
      photos: renewalSurveys.photos,
      notes: renewalSurveys.notes,
      surveyedOn: renewalSurveys.surveyedOn,
      surveyorId: renewalSurveys.surveyorId,
      surveyorName: sql.raw(`(SELECT u.name FROM users u WHERE u.id = ${t}."surveyor_id")`),
      submittedAt: renewalSurveys.submittedAt,
      proposedClassification: renewalSurveys.proposedClassification,
      classification: renewalSurveys.classification,
      classificationReason: renewalSurveys.classificationReason,
      classifiedAt: renewalSurveys.classifiedAt,
      createdAt: renewalSurveys.createdAt,
      updatedAt: renewalSurveys.updatedAt,
    },
    sortable: {
      id: renewalSurveys.id,
      compoundId: renewalSurveys.compoundId,
      regionCode: renewalSurveys.regionCode,
      status: renewalSurveys.status,
      householdCount: renewalSurveys.householdCount,
      floorAreaCenti: renewalSurveys.floorAreaCenti,
      surveyedOn: renewalSurveys.surveyedOn,
      submittedAt: renewalSurveys.submittedAt,
      classification: renewalSurveys.classification,
      proposedClassification: renewalSurveys.proposedClassification,
      updatedAt: renewalSurveys.updatedAt,
    },
    defaultSort: ['updatedAt', 'DESC'],
    filters: {
      q: (v) =>
        sql`${renewalSurveys.compoundId} IN (SELECT c.id FROM compounds c WHERE c.name ILIKE ${'%' + likeEscape(filterValue.string('q', v)) + '%'} OR c.code ILIKE ${'%' + likeEscape(filterValue.string('q', v)) + '%'})`,
      compoundId: (v) => eq(renewalSurveys.compoundId, filterValue.int('compoundId', v)),
      status: (v) => eq(renewalSurveys.status, filterValue.oneOf('status', v, RENEWAL_SURVEY_STATUSES)),
      classification: (v) => eq(renewalSurveys.classification, filterValue.oneOf('classification', v, RENEWAL_CLASSIFICATIONS)),
      proposedClassification: (v) => eq(renewalSurveys.proposedClassification, filterValue.oneOf('proposedClassification', v, RENEWAL_CLASSIFICATIONS)),
      /** Submitted and waiting for the district's confirmation. */
      unclassified: (v) =>
        filterValue.bool('unclassified', v) ? sql`${renewalSurveys.status} = 'submitted' AND ${renewalSurveys.classification} IS NULL` : undefined,
      regionCode: (v) => sql`${renewalSurveys.regionCode} LIKE ${filterValue.string('regionCode', v, 12).replace(/\D/g, '') + '%'}`,
    },
    readScope: (actor) =>
      (SURVEY_READERS as readonly string[]).includes(actor.role) && isBureau(actor) ? regionCondition(actor, renewalSurveys.regionCode) : 'deny',
    write: {
      roles: SURVEY_WRITERS,
      allows: regionWriteAllowed,
      readOnlyFields: SURVEY_READ_ONLY_FIELDS,
      create: {
        schema: renewalSurveySchema,
        prepare: async (input, c) => ({ ...(await preparedValues(input, c)), status: 'draft', version: 1 }),
      },
      // PUT is surveySave.ts: a save names its version (a stale one is 409).
    },
  };
}
