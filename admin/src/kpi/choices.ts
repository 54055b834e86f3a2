import { KPI_INDICATORS, KPI_INDICATOR_LABELS } from '@baotou/shared';

export const indicatorChoices = KPI_INDICATORS.map((id) => ({ id, name: KPI_INDICATOR_LABELS[id] }));

const FIRST_YEAR = 2022;
export const thisYear = Number(new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 4));
/** Years the dashboard offers: the plan's first year to next year (targets may be set ahead). */
export const kpiYears = Array.from({ length: thisYear - FIRST_YEAR + 1 }, (_, i) => FIRST_YEAR + i);
export const yearChoices = Array.from({ length: thisYear + 3 - FIRST_YEAR }, (_, i) => ({ id: FIRST_YEAR + i, name: `${FIRST_YEAR + i}年` }));
