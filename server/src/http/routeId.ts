import { MAX_ID } from '@baotou/shared';
import { notFound } from './errors';

/**
 * A row id from a URL path segment (`/api/votes/:id`): 1–10 decimal digits, 1..2^31−1 (PostgreSQL
 * `integer`), nothing else — "0xb", "1e1", " 12", "12.0" and "0" are 404 `NOT_FOUND` naming `what`,
 * as a list's own id route answers (http/resource.ts), never read as some other row or sent to the
 * database out of range.
 */
export function routeId(raw: string, what: string): number {
  if (!/^\d{1,10}$/.test(raw)) throw notFound(what);
  const id = Number(raw);
  if (id < 1 || id > MAX_ID) throw notFound(what);
  return id;
}
