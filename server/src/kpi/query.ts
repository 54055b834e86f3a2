import { KPI_GROUPS, isWithin, regionLevel, type KpiGroup } from '@baotou/shared';
import type { Actor } from '../auth/actor';
import { badRequest, forbidden } from '../http/errors';
import { beijingDate } from '../jurisdiction/scope';
import type { KpiQuery } from './figures';

/** Who reads the yearly figures: the city, its party-building office, districts and streets (their own region). */
export const KPI_READERS = ['city_admin', 'party_staff', 'district_staff', 'street_staff'] as const;

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function validDate(v: string): boolean {
  if (!DATE.test(v)) return false;
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
}

function one(v: unknown): string | undefined {
  if (v === undefined) return undefined;
  if (typeof v !== 'string') throw badRequest('BAD_QUERY', '查询参数重复', {});
  return v;
}

/**
 * Reads `year`, `asOf`, `regionCode` and `groupBy` of GET /api/kpi and /api/kpi/report:
 * - year: 4 digits, 2000–2100; default asOf's year, else this year (Beijing);
 * - asOf: a real 'YYYY-MM-DD' within the year, not after today (400 ASOF_IN_FUTURE); default the
 *   year's 31 December, or today for the current year;
 * - regionCode: the actor's own region or one inside it (403 OUT_OF_JURISDICTION otherwise);
 * - groupBy: district | street; default the level below the region (the city by district, a district by street).
 */
export function parseKpiQuery(actor: Actor, query: Record<string, unknown>, now: Date = new Date()): KpiQuery {
  const today = beijingDate(now);
  const yearText = one(query.year);
  const asOfText = one(query.asOf);
  if (yearText !== undefined && (!/^\d{4}$/.test(yearText) || Number(yearText) < 2000 || Number(yearText) > 2100)) {
    throw badRequest('BAD_QUERY', '年份必须是2000至2100之间的四位数', { year: '年份无效' });
  }
  if (asOfText !== undefined && !validDate(asOfText)) throw badRequest('BAD_QUERY', '截至日期必须是有效日期（YYYY-MM-DD）', { asOf: '日期无效' });
  if (asOfText !== undefined && asOfText > today) throw badRequest('ASOF_IN_FUTURE', '截至日期不能晚于今天', { asOf: '不能晚于今天' });
  const year = yearText !== undefined ? Number(yearText) : asOfText !== undefined ? Number(asOfText.slice(0, 4)) : Number(today.slice(0, 4));
  if (asOfText !== undefined && Number(asOfText.slice(0, 4)) !== year) throw badRequest('BAD_QUERY', '截至日期必须在所选年度内', { asOf: '须在所选年度内' });
  const yearEnd = `${year}-12-31`;
  if (asOfText === undefined && `${year}-01-01` > today) throw badRequest('ASOF_IN_FUTURE', `${year}年尚未开始，无法统计`, { year: '年度尚未开始' });
  const asOf = asOfText ?? (yearEnd < today ? yearEnd : today);

  const regionCode = one(query.regionCode) ?? actor.regionCode ?? '';
  if (!/^\d{6}(\d{3}(\d{3})?)?$/.test(regionCode) || !regionLevel(regionCode)) throw badRequest('BAD_QUERY', '区划代码无效', { regionCode: '区划代码无效' });
  if (!actor.regionCode || !isWithin(regionCode, actor.regionCode)) throw forbidden('OUT_OF_JURISDICTION', '该区划不在您的管辖范围内');

  const groupText = one(query.groupBy);
  if (groupText !== undefined && !(KPI_GROUPS as readonly string[]).includes(groupText))
    throw badRequest('BAD_QUERY', 'groupBy 只能是 district 或 street', { groupBy: '分组无效' });
  const groupBy = (groupText as KpiGroup | undefined) ?? (regionLevel(regionCode) === 'city' ? 'district' : 'street');
  return { scopeCode: regionCode, groupBy, year, asOf, today: asOf === today };
}
