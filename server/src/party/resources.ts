import { eq, ilike, like, or, sql, type Column } from 'drizzle-orm';
import {
  CROSS_APPOINTMENT_KINDS,
  PARTY_GENDERS,
  PARTY_MEMBER_ROLES,
  PARTY_ORG_SETTINGS,
  PARTY_ORG_TYPES,
  RED_PROJECT_RESULTS,
  crossAppointmentProblem,
  crossAppointmentSchema,
  partyMemberSchema,
  partyOrgSchema,
  redProjectSchema,
} from '@baotou/shared';
import type { ResourceDef, WriteContext } from '../http/resource';
import { badRequest, conflict } from '../http/errors';
import { filterValue, likeEscape } from '../http/listQuery';
import { crossAppointments, partyMembers, partyOrgs, redProjects } from '../db/schema';
import { regionWriteAllowed } from '../places/scopes';
import { dropMaskedPersonalFields, personalColumns } from '../places/owners';
import type { PersonalDataCipher } from '../places/personalData';
import { appointeeFacts, mustExist } from './lookups';
import { PARTY_WRITERS, partyReadScope } from './scope';

const regionPrefix = (column: Column) => (v: unknown) => like(column, `${filterValue.string('regionCode', v, 12).replace(/\D/g, '')}%`);
const CITY_CODE = '150200';

/** An organisation's region: its compound's community, its company's region, else as given (the city for the industry committee). */
async function prepareOrg(input: Record<string, any>, c: WriteContext) {
  if (input.parentId) {
    await mustExist(c.tx, 'org', input.parentId, 'parentId');
    // no cycles: walking up from the new parent must not reach this organisation
    if (c.existing) {
      const rows = await c.tx.execute(
        sql`WITH RECURSIVE up(id, parent_id) AS (SELECT id, parent_id FROM party_orgs WHERE id = ${input.parentId} UNION SELECT o.id, o.parent_id FROM party_orgs o JOIN up ON o.id = up.parent_id) SELECT 1 FROM up WHERE id = ${c.existing.id as number} LIMIT 1`,
      );
      if (rows.rows.length) throw badRequest('VALIDATION_FAILED', '上级组织不能是本组织或其下级组织', { parentId: '上级组织不能是本组织或其下级组织' });
    }
  }
  let regionCode: string = input.regionCode ?? c.actor.regionCode ?? CITY_CODE;
  if (input.compoundId) regionCode = (await mustExist(c.tx, 'compound', input.compoundId, 'compoundId')).regionCode;
  else if (input.companyId) regionCode = (await mustExist(c.tx, 'company', input.companyId, 'companyId')).regionCode;
  return {
    type: input.type,
    setting: input.setting,
    name: input.name,
    parentId: input.parentId ?? null,
    secretaryName: input.secretaryName ?? null,
    foundedOn: input.foundedOn,
    memberCount: input.memberCount,
    companyId: input.companyId ?? null,
    compoundId: input.compoundId ?? null,
    regionCode,
  };
}

export function partyOrgsResource(): ResourceDef {
  return {
    name: 'party-orgs',
    label: '党组织',
    table: partyOrgs,
    id: partyOrgs.id,
    idKind: 'int',
    fields: {
      id: partyOrgs.id,
      type: partyOrgs.type,
      setting: partyOrgs.setting,
      name: partyOrgs.name,
      parentId: partyOrgs.parentId,
      parentName: sql<string>`(SELECT p.name FROM party_orgs p WHERE p.id = "party_orgs"."parent_id")`,
      secretaryName: partyOrgs.secretaryName,
      foundedOn: partyOrgs.foundedOn,
      memberCount: partyOrgs.memberCount,
      registeredMembers: sql<number>`(SELECT count(*)::int FROM party_members m WHERE m.org_id = "party_orgs"."id")`,
      companyId: partyOrgs.companyId,
      companyName: sql<string>`(SELECT c.name FROM companies c WHERE c.id = "party_orgs"."company_id")`,
      compoundId: partyOrgs.compoundId,
      compoundName: sql<string>`(SELECT c.name FROM compounds c WHERE c.id = "party_orgs"."compound_id")`,
      regionCode: partyOrgs.regionCode,
      createdAt: partyOrgs.createdAt,
    },
    sortable: {
      id: partyOrgs.id,
      name: partyOrgs.name,
      type: partyOrgs.type,
      foundedOn: partyOrgs.foundedOn,
      memberCount: partyOrgs.memberCount,
      regionCode: partyOrgs.regionCode,
    },
    defaultSort: ['id', 'ASC'],
    filters: {
      q: (v) => {
        const q = likeEscape(filterValue.string('q', v, 40));
        return or(ilike(partyOrgs.name, `%${q}%`), ilike(partyOrgs.secretaryName, `%${q}%`));
      },
      type: (v) => eq(partyOrgs.type, filterValue.oneOf('type', v, PARTY_ORG_TYPES)),
      setting: (v) => eq(partyOrgs.setting, filterValue.oneOf('setting', v, PARTY_ORG_SETTINGS)),
      parentId: (v) => eq(partyOrgs.parentId, filterValue.int('parentId', v)),
      companyId: (v) => eq(partyOrgs.companyId, filterValue.int('companyId', v)),
      compoundId: (v) => eq(partyOrgs.compoundId, filterValue.int('compoundId', v)),
      regionCode: regionPrefix(partyOrgs.regionCode),
      foundedYear: (v) => sql`extract(year FROM ${partyOrgs.foundedOn}) = ${filterValue.int('foundedYear', v)}`,
    },
    readScope: partyReadScope(partyOrgs.regionCode),
    write: {
      roles: PARTY_WRITERS,
      allows: regionWriteAllowed,
      readOnlyFields: ['parentName', 'registeredMembers', 'companyName', 'compoundName', 'createdAt', 'updatedAt'],
      create: { schema: partyOrgSchema, prepare: prepareOrg },
      update: { schema: partyOrgSchema, prepare: prepareOrg },
      remove: true,
    },
  };
}

export function partyMembersResource(cipher: PersonalDataCipher): ResourceDef {
  async function prepare(input: Record<string, any>, c: WriteContext) {
    const org = await mustExist(c.tx, 'org', input.orgId, 'orgId');
    const employer = input.employerCompanyId ? await mustExist(c.tx, 'company', input.employerCompanyId, 'employerCompanyId') : null;
    const compound = input.compoundId ? await mustExist(c.tx, 'compound', input.compoundId, 'compoundId') : null;
    const regionCode = input.role === 'community_worker' ? input.regionCode : (compound?.regionCode ?? employer?.regionCode ?? org.regionCode);
    // Without a phone, the same name in the same organisation is taken to be the same person.
    if (!input.phone && !(c.existing && c.existing.phoneHash && input.phone === undefined)) {
      const dup = await c.tx.execute(
        sql`SELECT id FROM party_members WHERE name = ${input.name} AND org_id = ${input.orgId} AND phone_hash IS NULL ${c.existing ? sql`AND id <> ${c.existing.id as number}` : sql``} LIMIT 1`,
      );
      if (dup.rows.length) throw conflict('PARTY_MEMBER_DUPLICATE', `党员“${input.name}”已在该党组织登记`);
    }
    // The unique (name, phone index) catches a duplicate under the active key; one stored under an older key (a rotation under way) is looked up here.
    const olderIndexes = input.phone ? cipher.hashCandidates(input.phone).slice(1) : [];
    if (olderIndexes.length) {
      const dup = await c.tx.execute(
        sql`SELECT id FROM party_members WHERE name = ${input.name} AND phone_hash IN (${sql.join(
          olderIndexes.map((h) => sql`${h}`),
          sql`, `,
        )}) ${c.existing ? sql`AND id <> ${c.existing.id as number}` : sql``} LIMIT 1`,
      );
      if (dup.rows.length) throw conflict('PARTY_MEMBER_DUPLICATE', `党员“${input.name}”已登记`);
    }
    return {
      name: input.name,
      gender: input.gender,
      joinedOn: input.joinedOn,
      orgId: input.orgId,
      role: input.role,
      employerCompanyId: input.employerCompanyId ?? null,
      compoundId: input.compoundId ?? null,
      regionCode,
      ...personalColumns(cipher, c.existing ? input.phone : (input.phone ?? null), undefined),
    };
  }
  return {
    name: 'party-members',
    label: '党员',
    table: partyMembers,
    id: partyMembers.id,
    idKind: 'int',
    fields: {
      id: partyMembers.id,
      name: partyMembers.name,
      gender: partyMembers.gender,
      joinedOn: partyMembers.joinedOn,
      orgId: partyMembers.orgId,
      orgName: sql<string>`(SELECT o.name FROM party_orgs o WHERE o.id = "party_members"."org_id")`,
      role: partyMembers.role,
      employerCompanyId: partyMembers.employerCompanyId,
      employerName: sql<string>`(SELECT c.name FROM companies c WHERE c.id = "party_members"."employer_company_id")`,
      compoundId: partyMembers.compoundId,
      compoundName: sql<string>`(SELECT c.name FROM compounds c WHERE c.id = "party_members"."compound_id")`,
      regionCode: partyMembers.regionCode,
      phone: partyMembers.phoneMasked,
      createdAt: partyMembers.createdAt,
    },
    sortable: {
      id: partyMembers.id,
      name: partyMembers.name,
      joinedOn: partyMembers.joinedOn,
      orgId: partyMembers.orgId,
      role: partyMembers.role,
      regionCode: partyMembers.regionCode,
    },
    defaultSort: ['id', 'ASC'],
    filters: {
      q: (v) => ilike(partyMembers.name, `%${likeEscape(filterValue.string('q', v, 40))}%`),
      orgId: (v) => eq(partyMembers.orgId, filterValue.int('orgId', v)),
      role: (v) => eq(partyMembers.role, filterValue.oneOf('role', v, PARTY_MEMBER_ROLES)),
      gender: (v) => eq(partyMembers.gender, filterValue.oneOf('gender', v, PARTY_GENDERS)),
      employerCompanyId: (v) => eq(partyMembers.employerCompanyId, filterValue.int('employerCompanyId', v)),
      compoundId: (v) => eq(partyMembers.compoundId, filterValue.int('compoundId', v)),
      regionCode: regionPrefix(partyMembers.regionCode),
      joinedYear: (v) => sql`extract(year FROM ${partyMembers.joinedOn}) = ${filterValue.int('joinedYear', v)}`,
    },
    readScope: partyReadScope(partyMembers.regionCode),
    write: {
      roles: PARTY_WRITERS,
      allows: regionWriteAllowed,
      readOnlyFields: ['orgName', 'employerName', 'compoundName', 'createdAt', 'updatedAt'],
      normalize: dropMaskedPersonalFields,
      create: { schema: partyMemberSchema, prepare },
      update: { schema: partyMemberSchema, prepare },
      remove: true,
    },
  };
}

/** 双向进入、交叉任职: refused with the reason when the person does not belong to that community. */
async function prepareCrossAppointment(input: Record<string, any>, c: WriteContext) {
  const person = await appointeeFacts(c.tx, input.memberId);
  if (!person) throw badRequest('VALIDATION_FAILED', '党员不存在', { memberId: '党员不存在' });
  const [community] = (await c.tx.execute(sql`SELECT code FROM regions WHERE code = ${input.communityCode} AND level = 'community'`)).rows;
  if (!community) throw badRequest('VALIDATION_FAILED', '社区不存在', { communityCode: '社区不存在' });
  // A committee member's appointment concerns their own committee unless another is named.
  const compoundId: number | null =
    input.compoundId ?? (person.role === 'committee_member' && person.compoundCommunity === input.communityCode ? person.compoundId : null);
  const compound = compoundId ? await mustExist(c.tx, 'compound', compoundId, 'compoundId') : null;
  const reason = crossAppointmentProblem(person, { kind: input.kind, communityCode: input.communityCode, compoundCommunity: compound?.regionCode ?? null });
  if (reason) throw badRequest('CROSS_APPOINTMENT_NOT_ELIGIBLE', reason, { memberId: reason });
  return {
    memberId: input.memberId,
    kind: input.kind,
    regionCode: input.communityCode,
    compoundId,
    startDate: input.startDate,
    endDate: input.endDate ?? null,
  };
}

export function crossAppointmentsResource(): ResourceDef {
  return {
    name: 'cross-appointments',
    label: '交叉任职',
    table: crossAppointments,
    id: crossAppointments.id,
    idKind: 'int',
    fields: {
      id: crossAppointments.id,
      memberId: crossAppointments.memberId,
      memberName: sql<string>`(SELECT m.name FROM party_members m WHERE m.id = "cross_appointments"."member_id")`,
      memberRole: sql<string>`(SELECT m.role FROM party_members m WHERE m.id = "cross_appointments"."member_id")`,
      kind: crossAppointments.kind,
      communityCode: crossAppointments.regionCode,
      communityName: sql<string>`(SELECT r.name FROM regions r WHERE r.code = "cross_appointments"."region_code")`,
      compoundId: crossAppointments.compoundId,
      compoundName: sql<string>`(SELECT c.name FROM compounds c WHERE c.id = "cross_appointments"."compound_id")`,
      startDate: crossAppointments.startDate,
      endDate: crossAppointments.endDate,
      active: sql<boolean>`("cross_appointments"."start_date" <= CURRENT_DATE AND ("cross_appointments"."end_date" IS NULL OR "cross_appointments"."end_date" >= CURRENT_DATE))`,
      regionCode: crossAppointments.regionCode,
      createdAt: crossAppointments.createdAt,
    },
    sortable: {
      id: crossAppointments.id,
      startDate: crossAppointments.startDate,
      endDate: crossAppointments.endDate,
      kind: crossAppointments.kind,
      communityCode: crossAppointments.regionCode,
    },
    defaultSort: ['id', 'ASC'],
    filters: {
      q: (v) => sql`${crossAppointments.memberId} IN (SELECT id FROM party_members WHERE name ILIKE ${`%${likeEscape(filterValue.string('q', v, 40))}%`})`,
      kind: (v) => eq(crossAppointments.kind, filterValue.oneOf('kind', v, CROSS_APPOINTMENT_KINDS)),
      memberId: (v) => eq(crossAppointments.memberId, filterValue.int('memberId', v)),
      compoundId: (v) => eq(crossAppointments.compoundId, filterValue.int('compoundId', v)),
      regionCode: regionPrefix(crossAppointments.regionCode),
      active: (v) =>
        filterValue.bool('active', v)
          ? sql`(${crossAppointments.startDate} <= CURRENT_DATE AND (${crossAppointments.endDate} IS NULL OR ${crossAppointments.endDate} >= CURRENT_DATE))`
          : sql`NOT (${crossAppointments.startDate} <= CURRENT_DATE AND (${crossAppointments.endDate} IS NULL OR ${crossAppointments.endDate} >= CURRENT_DATE))`,
      startYear: (v) => sql`extract(year FROM ${crossAppointments.startDate}) = ${filterValue.int('startYear', v)}`,
    },
    readScope: partyReadScope(crossAppointments.regionCode),
    write: {
      roles: PARTY_WRITERS,
      allows: regionWriteAllowed,
      readOnlyFields: ['memberName', 'memberRole', 'communityName', 'compoundName', 'active', 'regionCode', 'createdAt', 'updatedAt'],
      create: { schema: crossAppointmentSchema, prepare: prepareCrossAppointment },
      update: { schema: crossAppointmentSchema, prepare: prepareCrossAppointment },
      remove: true,
    },
  };
}

async function prepareRedProject(input: Record<string, any>, c: WriteContext) {
  const compound = await mustExist(c.tx, 'compound', input.compoundId, 'compoundId');
  return { compoundId: input.compoundId, designation: input.designation, year: input.year, result: input.result, regionCode: compound.regionCode };
}

export function redProjectsResource(): ResourceDef {
  return {
    name: 'red-projects',
    label: '红色物业示范项目',
    table: redProjects,
    id: redProjects.id,
    idKind: 'int',
    fields: {
      id: redProjects.id,
      compoundId: redProjects.compoundId,
      compoundName: sql<string>`(SELECT c.name FROM compounds c WHERE c.id = "red_projects"."compound_id")`,
      compoundCode: sql<string>`(SELECT c.code FROM compounds c WHERE c.id = "red_projects"."compound_id")`,
      designation: redProjects.designation,
      year: redProjects.year,
      result: redProjects.result,
      regionCode: redProjects.regionCode,
      createdAt: redProjects.createdAt,
    },
    sortable: {
      id: redProjects.id,
      year: redProjects.year,
      result: redProjects.result,
      compoundId: redProjects.compoundId,
      regionCode: redProjects.regionCode,
    },
    defaultSort: ['year', 'DESC'],
    filters: {
      q: (v) => {
        const q = `%${likeEscape(filterValue.string('q', v, 40))}%`;
        return or(ilike(redProjects.designation, q), sql`${redProjects.compoundId} IN (SELECT id FROM compounds WHERE name ILIKE ${q})`);
      },
      year: (v) => eq(redProjects.year, filterValue.int('year', v)),
      result: (v) => eq(redProjects.result, filterValue.oneOf('result', v, RED_PROJECT_RESULTS)),
      compoundId: (v) => eq(redProjects.compoundId, filterValue.int('compoundId', v)),
      regionCode: regionPrefix(redProjects.regionCode),
    },
    readScope: partyReadScope(redProjects.regionCode),
    write: {
      roles: PARTY_WRITERS,
      allows: regionWriteAllowed,
      readOnlyFields: ['compoundName', 'compoundCode', 'regionCode', 'createdAt', 'updatedAt'],
      create: { schema: redProjectSchema, prepare: prepareRedProject },
      update: { schema: redProjectSchema, prepare: prepareRedProject },
      remove: true,
    },
  };
}
