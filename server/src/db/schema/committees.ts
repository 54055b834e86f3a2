import { boolean, date, index, integer, pgEnum, pgTable, text, varchar } from 'drizzle-orm/pg-core';
import { COMMITTEE_KINDS, COMMITTEE_STATUSES, CROSS_APPOINTMENTS, MEMBER_ROLES } from '@baotou/shared';
import { id, regionCode, timestamps } from './columns';
import { compounds, owners } from './places';

export const committeeKind = pgEnum('committee_kind', COMMITTEE_KINDS);
export const committeeStatus = pgEnum('committee_status', COMMITTEE_STATUSES);
export const memberRole = pgEnum('member_role', MEMBER_ROLES);
export const crossAppointment = pgEnum('cross_appointment', CROSS_APPOINTMENTS);

export const committees = pgTable(
  'committees',
  {
    id: id(),
    compoundId: integer()
      .notNull()
      .references(() => compounds.id, { onDelete: 'restrict' }),
    regionCode: regionCode(),
    kind: committeeKind().notNull(),
    status: committeeStatus().notNull().default('preparing'),
    electedAt: date(),
    termStart: date(),
    termEnd: date(),
    filedAt: date(),
    ...timestamps,
  },
  (t) => [
    // a compound's committees (current one first)
    index('committees_compound_idx').on(t.compoundId, t.status),
    // jurisdiction filter, and the formation rate by district and street
    index('committees_region_idx').on(t.regionCode.op('varchar_pattern_ops')),
  ],
);

export const committeeMembers = pgTable(
  'committee_members',
  {
    id: id(),
    // a committee with members is ended, not deleted: nothing disappears without an audit row
    committeeId: integer()
      .notNull()
      .references(() => committees.id, { onDelete: 'restrict' }),
    compoundId: integer()
      .notNull()
      .references(() => compounds.id, { onDelete: 'restrict' }),
    regionCode: regionCode(),
    ownerId: integer().references(() => owners.id, { onDelete: 'restrict' }),
    name: varchar({ length: 40 }).notNull(),
    phoneEnc: text(),
    phoneMasked: varchar({ length: 20 }),
    role: memberRole().notNull(),
    partyMember: boolean().notNull().default(false),
    crossAppointment: crossAppointment().notNull().default('none'),
    termStart: date(),
    termEnd: date(),
    ...timestamps,
  },
  (t) => [
    // members of a committee
    index('committee_members_committee_idx').on(t.committeeId),
    // "is this owner on a committee" (mini-program committee rights)
    index('committee_members_owner_idx').on(t.ownerId),
    index('committee_members_region_idx').on(t.regionCode.op('varchar_pattern_ops')),
  ],
);
