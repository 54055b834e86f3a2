import type { SQL } from 'drizzle-orm';
import { badRequest } from './errors';

/**
 * The query ra-data-simple-rest sends: sort=["field","ASC"], range=[0,24], filter={...}.
 * Anything else is refused with a 400 rather than guessed at.
 */
export interface ListQuery {
  sort: [string, 'ASC' | 'DESC'];
  range: [number, number];
  filter: Record<string, unknown>;
}

export const MAX_PAGE = 1000;
/** Ids are PostgreSQL `integer`s; a larger filter value can match nothing and would fail the cast. */
const MAX_INT4 = 2147483647;

function parseJson(name: string, raw: unknown): unknown {
  if (raw === undefined) return undefined;
  if (typeof raw !== 'string') throw badRequest('BAD_QUERY', `参数 ${name} 只能出现一次`);
  try {
    return JSON.parse(raw);
  } catch {
    throw badRequest('BAD_QUERY', `参数 ${name} 不是有效的JSON`);
  }
}

export function parseListQuery(
  query: Record<string, unknown>,
  opts: { sortable: readonly string[]; filters: readonly string[]; defaultSort: [string, 'ASC' | 'DESC'] },
): ListQuery {
  for (const key of Object.keys(query)) {
    if (key !== 'sort' && key !== 'range' && key !== 'filter') throw badRequest('BAD_QUERY', `不支持的查询参数: ${key}`);
  }
  const sortRaw = parseJson('sort', query.sort);
  let sort = opts.defaultSort;
  if (sortRaw !== undefined) {
    if (!Array.isArray(sortRaw) || sortRaw.length !== 2 || typeof sortRaw[0] !== 'string' || !['ASC', 'DESC'].includes(String(sortRaw[1]).toUpperCase())) {
      throw badRequest('BAD_QUERY', 'sort 必须是 ["字段","ASC|DESC"]');
    }
    if (!opts.sortable.includes(sortRaw[0])) throw badRequest('UNSORTABLE_FIELD', `字段 ${sortRaw[0]} 不支持排序`);
    sort = [sortRaw[0], String(sortRaw[1]).toUpperCase() as 'ASC' | 'DESC'];
  }
  const rangeRaw = parseJson('range', query.range);
  let range: [number, number] = [0, 24];
  if (rangeRaw !== undefined) {
    if (!Array.isArray(rangeRaw) || rangeRaw.length !== 2 || !rangeRaw.every((n) => Number.isSafeInteger(n) && n >= 0) || rangeRaw[1] < rangeRaw[0]) {
      throw badRequest('BAD_QUERY', 'range 必须是 [起始, 结束]，均为非负整数且结束不小于起始');
    }
    if (rangeRaw[1] - rangeRaw[0] + 1 > MAX_PAGE) throw badRequest('BAD_QUERY', `每页最多 ${MAX_PAGE} 条`);
    range = [rangeRaw[0], rangeRaw[1]];
  }
  const filterRaw = parseJson('filter', query.filter) ?? {};
  if (typeof filterRaw !== 'object' || filterRaw === null || Array.isArray(filterRaw)) {
    throw badRequest('BAD_QUERY', 'filter 必须是JSON对象');
  }
  for (const key of Object.keys(filterRaw)) {
    if (key !== 'id' && !opts.filters.includes(key)) throw badRequest('UNKNOWN_FILTER', `不支持的筛选条件: ${key}`);
  }
  return { sort, range, filter: filterRaw as Record<string, unknown> };
}

/** Filter value helpers: each returns the value or throws a 400 naming the filter. */
export const filterValue = {
  string(name: string, v: unknown, max = 100): string {
    if (typeof v !== 'string' || v.length > max) throw badRequest('BAD_FILTER', `筛选条件 ${name} 必须是不超过${max}字的文字`);
    return v;
  },
  /** A positive int4 id or level: a JSON number, or decimal text without sign or leading zeros (query strings are text). */
  int(name: string, v: unknown): number {
    const n = typeof v === 'string' && /^[1-9]\d{0,9}$/.test(v) ? Number(v) : v;
    if (typeof n !== 'number' || !Number.isSafeInteger(n) || n <= 0 || n > MAX_INT4) throw badRequest('BAD_FILTER', `筛选条件 ${name} 必须是正整数`);
    return n;
  },
  bool(name: string, v: unknown): boolean {
    if (v === true || v === 'true') return true;
    if (v === false || v === 'false') return false;
    throw badRequest('BAD_FILTER', `筛选条件 ${name} 必须是 true 或 false`);
  },
  oneOf<T extends string>(name: string, v: unknown, values: readonly T[]): T {
    if (typeof v !== 'string' || !values.includes(v as T)) throw badRequest('BAD_FILTER', `筛选条件 ${name} 的取值无效`);
    return v as T;
  },
};

export type FilterFn = (value: unknown) => SQL | undefined;

/** Escapes LIKE wildcards so a search for "50%" means the text "50%". */
export function likeEscape(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}
