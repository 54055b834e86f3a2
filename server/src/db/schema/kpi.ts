import { index, integer, pgEnum, pgTable, smallint, uniqueIndex, varchar } from 'drizzle-orm/pg-core';
import { KPI_INDICATORS } from '@baotou/shared';
import { id, timestamps } from './columns';

export const kpiIndicator = pgEnum('kpi_indicator', KPI_INDICATORS);

/**
 * The yearly targets as data (action plan 三; DOMAIN.md §8): per year and indicator, the value (per
 * mille for ratios, a count otherwise) and the document that sets it. 2022–2024 come from the plan
 * (migration 0030); the city adds later years in the console.
 */
export const kpiTargets = pgTable(
  'kpi_targets',
  {
    id: id(),
    year: smallint().notNull(),
    indicator: kpiIndicator().notNull(),
    value: integer().notNull(),
    document: varchar({ length: 200 }).notNull(),
    ...timestamps,
  },
  (t) => [
    // one target per indicator and year (a second one is a 409 on the indicator)
    uniqueIndex('kpi_targets_year_indicator_idx').on(t.year, t.indicator),
    index('kpi_targets_indicator_idx').on(t.indicator),
  ],
);
