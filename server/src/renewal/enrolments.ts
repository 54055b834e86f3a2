import { asc, eq, ilike, like, sql } from 'drizzle-orm';
import { quasiEnrolmentSchema, quasiStandardItemSchema } from '@baotou/shared';
import type { ResourceDef, WriteContext } from '../http/resource';
import { badRequest, conflict } from '../http/errors';
import { filterValue, likeEscape } from '../http/listQuery';
import { companies, compounds, quasiEnrolments, quasiStandardItems } from '../db/schema';
import { writeAudit } from '../audit/audit';
import { isBureau } from '../jurisdiction/scope';
import { compoundScopedRead, regionWriteAllowed } from '../places/scopes';
import { refuseRetired } from '../places/compounds';

/** The "三个有" checklist (research §4 rule 3): every staff role reads it, the city edits it. */
export function quasiStandardItemsResource(): ResourceDef {
  return {
    name: 'quasi-standard-items',
    label: '“三个有”标准条目',
    table: quasiStandardItems,
    id: quasiStandardItems.id,
    idKind: 'int',
    fields: {
      id: quasiStandardItems.id,
      text: quasiStandardItems.text,
      sortOrder: quasiStandardItems.sortOrder,
      active: quasiStandardItems.active,
      updatedAt: quasiStandardItems.updatedAt,
    },
    sortable: { id: quasiStandardItems.id, sortOrder: quasiStandardItems.sortOrder },
    defaultSort: ['sortOrder', 'ASC'],
    filters: {
      q: (v) => ilike(quasiStandardItems.text, `%${likeEscape(filterValue.string('q', v))}%`),
      active: (v) => eq(quasiStandardItems.active, filterValue.bool('active', v)),
    },
    readScope: (actor) => (isBureau(actor) || actor.role === 'company_staff' ? sql`true` : 'deny'),
    write: {
      roles: ['city_admin'],
      allows: () => true,
      readOnlyFields: ['updatedAt'],
      create: { schema: quasiStandardItemSchema, prepare: async (input) => input },
      update: { schema: quasiStandardItemSchema, prepare: async (input) => input },
    },
  };
}

const companyName = sql<string>`(SELECT c.name FROM companies c WHERE c.id = "quasi_enrolments"."company_id")`;
const compoundName = sql<string>`(SELECT c.name FROM compounds c WHERE c.id = "quasi_enrolments"."compound_id")`;

/**
 * Quasi-property enrolments (DOMAIN.md §4): a compound, a company, a start date (and an end date once it ends).
 * District and city staff create them in their jurisdiction; one compound's enrolments never overlap
 * (checked under the compound's row lock, 409 ENROLMENT_OVERLAP); a running enrolment sets the
 * compound's management mode to quasi (audited).
 */
export function quasiEnrolmentsResource(): ResourceDef {
  return {
    name: 'quasi-enrolments',
    label: '准物业备案',
    table: quasiEnrolments,
    id: quasiEnrolments.id,
    idKind: 'int',
    fields: {
      id: quasiEnrolments.id,
      compoundId: quasiEnrolments.compoundId,
      compoundName,
      regionCode: quasiEnrolments.regionCode,
      companyId: quasiEnrolments.companyId,
      companyName,
      startDate: quasiEnrolments.startDate,
      endDate: quasiEnrolments.endDate,
      note: quasiEnrolments.note,
      createdAt: quasiEnrolments.createdAt,
    },
    sortable: { id: quasiEnrolments.id, startDate: quasiEnrolments.startDate, regionCode: quasiEnrolments.regionCode, compoundId: quasiEnrolments.compoundId },
    defaultSort: ['id', 'DESC'],
    filters: {
      q: (v) => sql`${compoundName} ILIKE ${`%${likeEscape(filterValue.string('q', v))}%`}`,
      compoundId: (v) => eq(quasiEnrolments.compoundId, filterValue.int('compoundId', v)),
      companyId: (v) => eq(quasiEnrolments.companyId, filterValue.int('companyId', v)),
      regionCode: (v) => like(quasiEnrolments.regionCode, `${filterValue.string('regionCode', v, 12).replace(/\D/g, '')}%`),
    },
    readScope: compoundScopedRead(quasiEnrolments.regionCode, quasiEnrolments.compoundId),
    write: {
      roles: ['city_admin', 'district_staff'],
      allows: regionWriteAllowed,
      readOnlyFields: ['compoundName', 'companyName', 'regionCode', 'createdAt'],
      create: { schema: quasiEnrolmentSchema, prepare: prepareEnrolment, after: setQuasiMode },
      update: { schema: quasiEnrolmentSchema, prepare: prepareEnrolment },
    },
  };
}

type EnrolmentInput = { compoundId: number; companyId: number; startDate: string; endDate: string | null; note: string | null };

async function prepareEnrolment(input: EnrolmentInput, c: WriteContext) {
  if (c.existing && c.existing.compoundId !== input.compoundId)
    throw badRequest('VALIDATION_FAILED', '备案的小区不能更改', { compoundId: '备案的小区不能更改' });
  // The compound's row lock serialises enrolments of one compound: the overlap check below cannot race.
  const [compound] = await c.tx
    .select({ id: compounds.id, regionCode: compounds.regionCode, retiredAt: compounds.retiredAt })
    .from(compounds)
    .where(eq(compounds.id, input.compoundId))
    .for('update');
  if (!compound) throw badRequest('VALIDATION_FAILED', '小区不存在', { compoundId: '小区不存在' });
  refuseRetired(compound);
  const [company] = await c.tx.select({ id: companies.id }).from(companies).where(eq(companies.id, input.companyId));
  if (!company) throw badRequest('VALIDATION_FAILED', '物业企业不存在', { companyId: '物业企业不存在' });
  const end = input.endDate ?? '9999-12-31';
  const overlapping = await c.tx.execute(sql`
    SELECT id FROM quasi_enrolments
     WHERE compound_id = ${input.compoundId} AND id <> ${(c.existing?.id as number) ?? 0}
       AND start_date <= ${end}::date AND coalesce(end_date, '9999-12-31'::date) >= ${input.startDate}::date
     LIMIT 1`);
  if (overlapping.rows.length) throw conflict('ENROLMENT_OVERLAP', '该小区在这段时间已有准物业备案，期间不能重叠');
  return { ...input, regionCode: compound.regionCode, ...(c.existing ? {} : { createdBy: c.actor.id }) };
}

async function setQuasiMode(row: Record<string, unknown>, c: WriteContext) {
  const [before] = await c.tx
    .select({ managementMode: compounds.managementMode })
    .from(compounds)
    .where(eq(compounds.id, row.compoundId as number));
  if (before.managementMode === 'quasi') return;
  await c.tx
    .update(compounds)
    .set({ managementMode: 'quasi', updatedAt: new Date() })
    .where(eq(compounds.id, row.compoundId as number));
  await writeAudit(c.tx, c.actor, {
    action: 'update',
    entity: 'compounds',
    entityId: row.compoundId as number,
    before,
    after: { managementMode: 'quasi', enrolmentId: row.id },
    regionCode: row.regionCode as string,
  });
}

/** The active checklist items in order (an assessment answers each of them). */
export async function activeStandardItems(tx: WriteContext['tx']) {
  return tx
    .select({ id: quasiStandardItems.id, text: quasiStandardItems.text })
    .from(quasiStandardItems)
    .where(eq(quasiStandardItems.active, true))
    .orderBy(asc(quasiStandardItems.sortOrder), asc(quasiStandardItems.id));
}
