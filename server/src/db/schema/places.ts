import { sql } from 'drizzle-orm';
import { type AnyPgColumn, boolean, check, index, integer, numeric, pgEnum, pgTable, text, timestamp, uniqueIndex, varchar } from 'drizzle-orm/pg-core';
import { AREA_BASES, CLAIM_STATUSES, COMPOUND_TYPES, MANAGEMENT_MODES, REGION_LEVELS } from '@baotou/shared';
import { id, regionCode, timestamps } from './columns';
import { users } from './auth';

/** `natural_sort_key(<table>.<column>)`: the SQL function from migration 0010 (natural order under any collation). */
const naturalSortKey = (table: string, column: string) => sql.raw(`natural_sort_key("${table}"."${column}")`);

export const regionLevel = pgEnum('region_level', REGION_LEVELS);
export const compoundType = pgEnum('compound_type', COMPOUND_TYPES);
export const managementMode = pgEnum('management_mode', MANAGEMENT_MODES);
export const areaBasis = pgEnum('area_basis', AREA_BASES);
export const claimStatus = pgEnum('claim_status', CLAIM_STATUSES);

export const regions = pgTable(
  'regions',
  {
    code: varchar({ length: 12 }).primaryKey(),
    name: varchar({ length: 40 }).notNull(),
    level: regionLevel().notNull(),
    parentCode: varchar({ length: 12 }),
  },
  (t) => [
    // jurisdiction prefix filter on the region list
    index('regions_code_prefix_idx').on(t.code.op('varchar_pattern_ops')),
    // children of a region
    index('regions_parent_idx').on(t.parentCode),
  ],
);

export const compounds = pgTable(
  'compounds',
  {
    id: id(),
    code: varchar({ length: 20 }).notNull(),
    name: varchar({ length: 60 }).notNull(),
    regionCode: regionCode(),
    address: varchar({ length: 200 }).notNull(),
    lat: numeric({ precision: 9, scale: 6 }),
    lng: numeric({ precision: 9, scale: 6 }),
    totalArea: numeric({ precision: 12, scale: 2 }).notNull(),
    buildYear: integer(),
    type: compoundType().notNull(),
    managementMode: managementMode().notNull(),
    facilitiesComplete: boolean().notNull().default(false),
    /** The covenant lets non-voters follow the majority (DOMAIN.md §1): off unless the covenant says so. */
    followMajority: boolean().notNull().default(false),
    /** Merged into another compound's management area (issue 11): a retired record, readable, refusing writes. */
    retiredIntoCompoundId: integer().references((): AnyPgColumn => compounds.id, { onDelete: 'restrict' }),
    retiredAt: timestamp({ withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    // scan-in lookup by QR scene; duplicate codes refused
    uniqueIndex('compounds_code_idx').on(t.code),
    // jurisdiction prefix filter
    index('compounds_region_idx').on(t.regionCode.op('varchar_pattern_ops')),
  ],
);

export const buildings = pgTable(
  'buildings',
  {
    id: id(),
    compoundId: integer()
      .notNull()
      .references(() => compounds.id, { onDelete: 'restrict' }),
    regionCode: regionCode(),
    name: varchar({ length: 30 }).notNull(),
    /** Natural-order key of the name (2号楼 before 10号楼), kept by the database: see migration 0010. */
    nameSort: text().generatedAlwaysAs(naturalSortKey('buildings', 'name')).notNull(),
    floors: integer(),
    ...timestamps,
  },
  (t) => [
    // buildings of a compound, and duplicate names in one compound refused
    uniqueIndex('buildings_compound_name_idx').on(t.compoundId, t.name),
    index('buildings_region_idx').on(t.regionCode.op('varchar_pattern_ops')),
  ],
);

export const units = pgTable(
  'units',
  {
    id: id(),
    buildingId: integer()
      .notNull()
      .references(() => buildings.id, { onDelete: 'restrict' }),
    compoundId: integer()
      .notNull()
      .references(() => compounds.id, { onDelete: 'restrict' }),
    regionCode: regionCode(),
    name: varchar({ length: 30 }).notNull(),
    /** Natural-order key of the name (2单元 before 10单元), kept by the database. */
    nameSort: text().generatedAlwaysAs(naturalSortKey('units', 'name')).notNull(),
    ...timestamps,
  },
  (t) => [
    // units of a building; duplicate names refused
    uniqueIndex('units_building_name_idx').on(t.buildingId, t.name),
    // units of a compound (mini-program picker)
    index('units_compound_idx').on(t.compoundId),
  ],
);

export const owners = pgTable(
  'owners',
  {
    id: id(),
    name: varchar({ length: 40 }).notNull(),
    regionCode: regionCode(),
    /** AES-256-GCM ciphertext (base64); the masked form is kept beside it for lists. */
    phoneEnc: text(),
    phoneMasked: varchar({ length: 20 }),
    /** HMAC of the phone, for matching a home binding without decrypting. */
    phoneHash: varchar({ length: 64 }),
    idNumberEnc: text(),
    idNumberMasked: varchar({ length: 20 }),
    /** Blind index of the ID number (as phoneHash), so one person is registered as one owner. */
    idNumberHash: varchar({ length: 64 }),
    /** The compound's developer (开发建设单位): all it holds counts as one owner in votes (SPC interpretation Art. 9). */
    developer: boolean().notNull().default(false),
    ...timestamps,
  },
  (t) => [
    index('owners_region_idx').on(t.regionCode.op('varchar_pattern_ops')),
    // search by name
    index('owners_name_idx').on(t.name),
    index('owners_id_number_hash_idx').on(t.idNumberHash),
  ],
);

export const households = pgTable(
  'households',
  {
    id: id(),
    compoundId: integer()
      .notNull()
      .references(() => compounds.id, { onDelete: 'restrict' }),
    buildingId: integer()
      .notNull()
      .references(() => buildings.id, { onDelete: 'restrict' }),
    unitId: integer()
      .notNull()
      .references(() => units.id, { onDelete: 'restrict' }),
    regionCode: regionCode(),
    room: varchar({ length: 20 }).notNull(),
    /** Natural-order key of the room (101, 0101, 101A, 102, …, 1001), kept by the database: the list's `room` sort. */
    roomSort: text().generatedAlwaysAs(naturalSortKey('households', 'room')).notNull(),
    area: numeric({ precision: 12, scale: 2 }).notNull(),
    areaBasis: areaBasis().notNull(),
    ownerId: integer().references(() => owners.id, { onDelete: 'restrict' }),
    developerUnsold: boolean().notNull().default(false),
    ...timestamps,
  },
  (t) => [
    // the household list filtered by compound and sorted by room in natural order (the benchmarked query)
    index('households_compound_room_sort_idx').on(t.compoundId, t.roomSort, t.id),
    // rooms of a unit; duplicates refused
    uniqueIndex('households_unit_room_idx').on(t.unitId, t.room),
    index('households_region_idx').on(t.regionCode.op('varchar_pattern_ops')),
    // an owner's homes
    index('households_owner_idx').on(t.ownerId),
    check('households_area_positive', sql`${t.area} > 0`),
  ],
);

export const householdClaims = pgTable(
  'household_claims',
  {
    id: id(),
    userId: integer()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    householdId: integer()
      .notNull()
      .references(() => households.id, { onDelete: 'restrict' }),
    compoundId: integer()
      .notNull()
      .references(() => compounds.id, { onDelete: 'restrict' }),
    regionCode: regionCode(),
    name: varchar({ length: 40 }).notNull(),
    phoneEnc: text().notNull(),
    phoneMasked: varchar({ length: 20 }).notNull(),
    status: claimStatus().notNull(),
    reason: varchar({ length: 200 }),
    reviewedBy: integer().references(() => users.id),
    reviewedAt: timestamp({ withTimezone: true }),
    /** When and by whom a claim was revoked or withdrawn (the reason is in `reason`). */
    endedAt: timestamp({ withTimezone: true }),
    endedBy: integer().references(() => users.id),
    ...timestamps,
  },
  (t) => [
    // a resident's homes
    index('claims_user_idx').on(t.userId),
    // the community's approval queue
    index('claims_region_status_idx').on(t.regionCode.op('varchar_pattern_ops'), t.status),
    // one live claim per resident and home
    uniqueIndex('claims_user_household_idx').on(t.userId, t.householdId),
  ],
);
