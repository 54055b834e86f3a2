import { and, eq, ilike, isNull, like, or, sql, type Column } from 'drizzle-orm';
import { CERTIFICATE_WARNING_DAYS, STAFF_POSTS, isSpecialistPost, staffSchema, type Certificate, type StaffInput } from '@baotou/shared';
import type { ResourceDef, WriteContext } from '../http/resource';
import { badRequest, conflict } from '../http/errors';
import { filterValue, likeEscape } from '../http/listQuery';
import { staff } from '../db/schema';
import { dropMaskedPersonalFields, personalColumns } from '../places/owners';
import type { PersonalDataCipher } from '../places/personalData';
import type { Tx } from '../db/client';
import { WORKFORCE_WRITERS, beijingTodaySql, ownCompany, workforceReadScope } from './workforceScope';

const regionPrefix = (column: Column) => (v: unknown) => like(column, `${filterValue.string('regionCode', v, 12).replace(/\D/g, '')}%`);
const WARN = sql.raw(String(CERTIFICATE_WARNING_DAYS));

/** The earliest expiry among certificates (kept beside them for the "expiring" filter). */
export const earliestExpiry = (certificates: readonly Certificate[]) =>
  certificates.reduce<string | null>((min, c) => (min === null || c.expiresOn < min ? c.expiresOn : min), null);

/** The region a staff row is filed under: its project's, else its company's. Refuses a project of another company. */
export async function staffRegion(tx: Tx, companyId: number, projectId: number | null | undefined): Promise<string> {
  if (projectId) {
    const { rows } = await tx.execute(sql`SELECT region_code FROM projects WHERE id = ${projectId} AND company_id = ${companyId}`);
    if (!rows.length) throw badRequest('PROJECT_NOT_OWN', '所在项目不是本企业的项目', { projectId: '所在项目不是本企业的项目' });
    return (rows[0] as { region_code: string }).region_code;
  }
  const { rows } = await tx.execute(sql`SELECT region_code FROM companies WHERE id = ${companyId}`);
  return (rows[0] as { region_code: string }).region_code;
}

export function staffResource(cipher: PersonalDataCipher): ResourceDef {
  async function prepare(input: StaffInput, c: WriteContext) {
    const companyId = (c.existing?.companyId as number | undefined) ?? c.actor.companyId!;
    const certificates = input.certificates ?? [];
    if (c.existing && input.hiredOn > (c.existing.hiredOn as string)) {
      const { rows } = await c.tx.execute(sql`SELECT min(trained_on)::text AS first FROM trainings WHERE staff_id = ${c.existing.id as number}`);
      const first = (rows[0] as { first: string | null }).first;
      if (first && first < input.hiredOn)
        throw badRequest('STAFF_TRAINED_BEFORE_HIRED', `该员工已有${first}的培训记录，入职日期不能晚于它`, {
          hiredOn: `已有${first}的培训记录，入职日期不能晚于它`,
        });
    }
    // As a training may not fall after leftOn (trainingResource), leaving may not be dated before a recorded training.
    if (c.existing && input.leftOn && (c.existing.leftOn == null || input.leftOn < (c.existing.leftOn as string))) {
      const { rows } = await c.tx.execute(sql`SELECT max(trained_on)::text AS last FROM trainings WHERE staff_id = ${c.existing.id as number}`);
      const last = (rows[0] as { last: string | null }).last;
      if (last && last > input.leftOn)
        throw badRequest('STAFF_TRAINED_AFTER_LEFT', `该员工已有${last}的培训记录，离职日期不能早于它`, {
          leftOn: `已有${last}的培训记录，离职日期不能早于它`,
        });
    }
    const dup = await c.tx.execute(
      sql`SELECT 1 FROM staff WHERE company_id = ${companyId} AND staff_no = ${input.staffNo} ${c.existing ? sql`AND id <> ${c.existing.id as number}` : sql``}`,
    );
    if (dup.rows.length) throw conflict('STAFF_NO_TAKEN', `工号“${input.staffNo}”已登记`);
    return {
      companyId,
      projectId: input.projectId ?? null,
      regionCode: await staffRegion(c.tx, companyId, input.projectId),
      staffNo: input.staffNo,
      name: input.name,
      post: input.post,
      specialist: input.specialist ?? isSpecialistPost(input.post),
      hiredOn: input.hiredOn,
      leftOn: input.leftOn ?? null,
      certificates,
      certificateExpiresOn: earliestExpiry(certificates),
      ...personalColumns(cipher, input.phone, undefined),
    };
  }

  return {
    name: 'staff',
    label: '从业人员',
    table: staff,
    id: staff.id,
    idKind: 'int',
    fields: {
      id: staff.id,
      companyId: staff.companyId,
      companyName: sql<string>`(SELECT c.name FROM companies c WHERE c.id = "staff"."company_id")`,
      projectId: staff.projectId,
      compoundName: sql<string>`(SELECT cp.name FROM projects p JOIN compounds cp ON cp.id = p.compound_id WHERE p.id = "staff"."project_id")`,
      regionCode: staff.regionCode,
      staffNo: staff.staffNo,
      name: staff.name,
      post: staff.post,
      specialist: staff.specialist,
      hiredOn: staff.hiredOn,
      leftOn: staff.leftOn,
      phone: staff.phoneMasked,
      phoneEnc: staff.phoneEnc,
      certificates: staff.certificates,
      certificateExpiresOn: staff.certificateExpiresOn,
      certificateFlag: sql<
        string | null
      >`(CASE WHEN "staff"."certificate_expires_on" < ${beijingTodaySql} THEN 'expired' WHEN "staff"."certificate_expires_on" <= ${beijingTodaySql} + ${WARN} THEN 'expiring' END)`,
      trainingHoursTenths: sql<number>`(SELECT coalesce(sum(t.hours_tenths), 0)::int FROM trainings t WHERE t.staff_id = "staff"."id")`,
      createdAt: staff.createdAt,
    },
    // Phones in full only to the person's own company (DOMAIN.md §7); everyone else gets the masked form.
    fieldAccess: { phoneEnc: ['company_staff'] },
    present(row) {
      const { phoneEnc, ...rest } = row;
      return phoneEnc ? { ...rest, phone: cipher.decrypt(phoneEnc as string) } : rest;
    },
    sortable: {
      id: staff.id,
      staffNo: staff.staffNo,
      name: staff.name,
      post: staff.post,
      hiredOn: staff.hiredOn,
      leftOn: staff.leftOn,
      certificateExpiresOn: staff.certificateExpiresOn,
      regionCode: staff.regionCode,
    },
    defaultSort: ['id', 'ASC'],
    filters: {
      q: (v) => {
        const q = likeEscape(filterValue.string('q', v, 40));
        return or(ilike(staff.name, `%${q}%`), ilike(staff.staffNo, `%${q}%`));
      },
      companyId: (v) => eq(staff.companyId, filterValue.int('companyId', v)),
      projectId: (v) => eq(staff.projectId, filterValue.int('projectId', v)),
      post: (v) => eq(staff.post, filterValue.oneOf('post', v, STAFF_POSTS)),
      specialist: (v) => eq(staff.specialist, filterValue.bool('specialist', v)),
      employed: (v) =>
        filterValue.bool('employed', v) ? or(isNull(staff.leftOn), sql`${staff.leftOn} >= ${beijingTodaySql}`) : sql`${staff.leftOn} < ${beijingTodaySql}`,
      certificateExpiring: (v) =>
        filterValue.bool('certificateExpiring', v)
          ? sql`${staff.certificateExpiresOn} <= ${beijingTodaySql} + ${WARN}`
          : or(isNull(staff.certificateExpiresOn), sql`${staff.certificateExpiresOn} > ${beijingTodaySql} + ${WARN}`),
      hiredYear: (v) => {
        const y = filterValue.int('hiredYear', v);
        if (y < 1900 || y > 2100) throw badRequest('BAD_FILTER', '筛选条件 hiredYear 须在1900–2100年之间');
        return and(sql`${staff.hiredOn} >= ${`${y}-01-01`}::date`, sql`${staff.hiredOn} <= ${`${y}-12-31`}::date`);
      },
      regionCode: regionPrefix(staff.regionCode),
    },
    readScope: workforceReadScope(staff.companyId, staff.regionCode),
    write: {
      roles: WORKFORCE_WRITERS,
      allows: ownCompany,
      readOnlyFields: [
        'companyId',
        'companyName',
        'compoundName',
        'regionCode',
        'certificateExpiresOn',
        'certificateFlag',
        'trainingHoursTenths',
        'createdAt',
        'updatedAt',
      ],
      normalize: dropMaskedPersonalFields,
      create: { schema: staffSchema, prepare },
      update: { schema: staffSchema, prepare },
      remove: true,
    },
  };
}
