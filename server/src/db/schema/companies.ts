import { date, index, integer, pgTable, smallint, uniqueIndex, varchar } from 'drizzle-orm/pg-core';
import { id, regionCode, timestamps } from './columns';
import { compounds } from './places';
import { pricingForm, selectionMethod } from './qualityEnums';

export const companies = pgTable(
  'companies',
  {
    id: id(),
    name: varchar({ length: 100 }).notNull(),
    creditCode: varchar({ length: 18 }).notNull(),
    legalRepresentative: varchar({ length: 40 }).notNull(),
    contactName: varchar({ length: 40 }),
    contactPhone: varchar({ length: 20 }),
    address: varchar({ length: 200 }),
    regionCode: regionCode(),
    /** Staff headcount (Red Property registry: party members as a share of staff). */
    staffCount: integer(),
    ...timestamps,
  },
  (t) => [
    // one company per credit code
    uniqueIndex('companies_credit_code_idx').on(t.creditCode),
    index('companies_region_idx').on(t.regionCode.op('varchar_pattern_ops')),
  ],
);

export const projects = pgTable(
  'projects',
  {
    id: id(),
    companyId: integer()
      .notNull()
      .references(() => companies.id, { onDelete: 'restrict' }),
    compoundId: integer()
      .notNull()
      .references(() => compounds.id, { onDelete: 'restrict' }),
    regionCode: regionCode(),
    startDate: date().notNull(),
    endDate: date().notNull(),
    feeFenPerM2Month: integer().notNull(),
    serviceLevel: smallint().notNull(),
    contractFilingNo: varchar({ length: 40 }),
    contractFilingDate: date(),
    managerName: varchar({ length: 40 }).notNull(),
    managerPhone: varchar({ length: 20 }),
    managerFilingNo: varchar({ length: 40 }),
    /** How the contract prices and how the company was chosen (DOMAIN.md §11; quality). */
    pricingForm: pricingForm(),
    selectionMethod: selectionMethod(),
    tenderDate: date(),
    tenderResult: varchar({ length: 200 }),
    ...timestamps,
  },
  (t) => [
    // a company's projects (company staff scope)
    index('projects_company_idx').on(t.companyId),
    // a compound's service contracts
    index('projects_compound_idx').on(t.compoundId),
    index('projects_region_idx').on(t.regionCode.op('varchar_pattern_ops')),
  ],
);
