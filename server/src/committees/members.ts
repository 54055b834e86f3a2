import { and, eq, ilike, sql } from 'drizzle-orm';
import { MEMBER_ROLES, committeeMemberSchema, maskName } from '@baotou/shared';
import type { ResourceDef } from '../http/resource';
import { badRequest } from '../http/errors';
import { filterValue, likeEscape } from '../http/listQuery';
import { isBureau, regionCondition } from '../jurisdiction/scope';
import { committeeMembers, committees, households } from '../db/schema';
import type { Tx } from '../db/client';
import type { PersonalDataCipher } from '../places/personalData';
import { personalColumns } from '../places/owners';
import { regionWriteAllowed } from '../places/scopes';
import { residentCompoundIds } from '../places/residentHomes';
import { COMMITTEE_WRITERS } from './committees';

async function place(tx: Tx, input: { committeeId: number; ownerId?: number | null }) {
  const [c] = await tx
    .select({ compoundId: committees.compoundId, regionCode: committees.regionCode })
    .from(committees)
    .where(eq(committees.id, input.committeeId));
  if (!c) throw badRequest('VALIDATION_FAILED', '委员会不存在', { committeeId: '委员会不存在' });
  if (input.ownerId) {
    const homes = await tx
      .select({ id: households.id })
      .from(households)
      .where(and(eq(households.ownerId, input.ownerId), eq(households.compoundId, c.compoundId)))
      .limit(1);
    if (!homes.length) throw badRequest('VALIDATION_FAILED', '委员须为本小区业主', { ownerId: '该业主在本小区没有登记房屋' });
  }
  return c;
}

export function committeeMembersResource(cipher: PersonalDataCipher): ResourceDef {
  return {
    name: 'committee-members',
    label: '委员',
    table: committeeMembers,
    id: committeeMembers.id,
    idKind: 'int',
    fields: {
      id: committeeMembers.id,
      committeeId: committeeMembers.committeeId,
      compoundId: committeeMembers.compoundId,
      regionCode: committeeMembers.regionCode,
      ownerId: committeeMembers.ownerId,
      name: committeeMembers.name,
      phone: committeeMembers.phoneMasked,
      role: committeeMembers.role,
      partyMember: committeeMembers.partyMember,
      crossAppointment: committeeMembers.crossAppointment,
      termStart: committeeMembers.termStart,
      termEnd: committeeMembers.termEnd,
    },
    sortable: {
      id: committeeMembers.id,
      role: sql`array_position(ARRAY['chair','vice_chair','member']::member_role[], ${committeeMembers.role})`,
      name: committeeMembers.name,
      committeeId: committeeMembers.committeeId,
    },
    defaultSort: ['id', 'ASC'],
    filters: {
      q: (v) => ilike(committeeMembers.name, `%${likeEscape(filterValue.string('q', v, 40))}%`),
      committeeId: (v) => eq(committeeMembers.committeeId, filterValue.int('committeeId', v)),
      compoundId: (v) => eq(committeeMembers.compoundId, filterValue.int('compoundId', v)),
      role: (v) => eq(committeeMembers.role, filterValue.oneOf('role', v, MEMBER_ROLES)),
      partyMember: (v) => eq(committeeMembers.partyMember, filterValue.bool('partyMember', v)),
    },
    readScope: (actor) => {
      if (isBureau(actor)) return regionCondition(actor, committeeMembers.regionCode);
      if (actor.role === 'resident') return sql`${committeeMembers.compoundId} IN ${residentCompoundIds(actor.id)}`;
      return 'deny';
    },
    // Residents see who serves them, names masked (DOMAIN.md §7); staff see the registry.
    present: (row, actor) => (actor.role === 'resident' ? { ...row, name: maskName(String(row.name)), phone: null, ownerId: null } : row),
    write: {
      roles: COMMITTEE_WRITERS,
      allows: regionWriteAllowed,
      readOnlyFields: ['compoundId', 'regionCode', 'createdAt', 'updatedAt'],
      normalize: (body) => (typeof body.phone === 'string' && body.phone.includes('*') ? (({ phone: _p, ...rest }) => rest)(body) : body),
      create: {
        schema: committeeMemberSchema,
        async prepare(input, c) {
          const { phone, ...rest } = input;
          return { ...rest, ownerId: rest.ownerId ?? null, ...(await place(c.tx, input)), ...phoneColumns(cipher, phone ?? null) };
        },
      },
      update: {
        schema: committeeMemberSchema.extend({ phone: committeeMemberSchema.shape.phone.optional() }),
        async prepare(input, c) {
          const { phone, ...rest } = input;
          return { ...rest, ownerId: rest.ownerId ?? null, ...(await place(c.tx, input)), ...phoneColumns(cipher, phone) };
        },
      },
      remove: true,
    },
  };
}

function phoneColumns(cipher: PersonalDataCipher, phone: string | null | undefined) {
  const { phoneEnc, phoneMasked } = personalColumns(cipher, phone, undefined);
  return phone === undefined ? {} : { phoneEnc, phoneMasked };
}
