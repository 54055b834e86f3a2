import type Router from '@koa/router';
import { asc, eq } from 'drizzle-orm';
import { HOME_ITEMS, type HomeChart, type HomeChartBar, type HomeItem, type HomeResponse } from '@baotou/shared';
import type { Actor } from '../auth/actor';
import type { Db } from '../db/client';
import { regions } from '../db/schema';
import { AppError } from '../http/errors';
import { listPresented, registeredResources, type ResourceDef } from '../http/resource';
import { isBureau } from '../jurisdiction/scope';

/**
 * The count a list shows for this actor under this filter: the list's own query (listPresented,
 * with its jurisdiction scope and filter functions), so a home figure and the list it links to
 * cannot disagree. Undefined when the role may not read the list or filter it so.
 */
async function listCount(db: Db, def: ResourceDef, actor: Actor, filter: Record<string, unknown>): Promise<number | undefined> {
  if (def.readScope(actor) === 'deny') return undefined;
  if (Object.keys(filter).some((k) => !def.filters[k])) return undefined;
  try {
    return (await listPresented(db, def, actor, { filter: JSON.stringify(filter), range: '[0,0]' })).total;
  } catch (err) {
    if (err instanceof AppError && err.status === 403) return undefined;
    throw err;
  }
}

/** Which ticket filter names a region of this level. */
const TICKET_REGION_FILTER = { district: 'districtCode', street: 'streetCode', community: 'regionCode' } as const;

/** Open and overdue tickets in each region one level below the actor's (city → districts, district → streets, …). */
async function ticketCharts(db: Db, defs: ReadonlyMap<string, ResourceDef>, actor: Actor): Promise<HomeChart[]> {
  const def = defs.get('tickets');
  if (!def || !isBureau(actor) || actor.role === 'party_staff' || def.readScope(actor) === 'deny') return [];
  const children = await db
    .select({ code: regions.code, name: regions.name, level: regions.level })
    .from(regions)
    .where(eq(regions.parentCode, actor.regionCode!))
    .orderBy(asc(regions.code));
  if (!children.length) return [];
  const bars = async (extra: Record<string, unknown>): Promise<HomeChartBar[]> =>
    Promise.all(
      children.map(async (c) => {
        const filter = { ...extra, [TICKET_REGION_FILTER[c.level as keyof typeof TICKET_REGION_FILTER]]: c.code };
        return { code: c.code, name: c.name, value: (await listCount(db, def, actor, filter)) ?? 0, filter };
      }),
    );
  return [
    { key: 'openTicketsByRegion', label: '各地区未办结工单', resource: 'tickets', bars: await bars({ open: true }) },
    { key: 'overdueTicketsByRegion', label: '各地区超时工单', resource: 'tickets', bars: await bars({ overdue: true }) },
  ];
}

/** The caller's home page: to-dos and alerts of their jurisdiction, each with its list's filter, and comparison charts. */
export async function homeFor(db: Db, router: Router, actor: Actor): Promise<HomeResponse> {
  const defs = registeredResources(router);
  const items: HomeItem[] = [];
  for (const item of HOME_ITEMS) {
    const filter = item.filter(actor.role);
    const def = defs.get(item.resource);
    if (!filter || !def) continue;
    const count = await listCount(db, def, actor, filter);
    if (count === undefined) continue;
    items.push({ key: item.key, section: item.section, label: item.label, resource: item.resource, filter, count });
  }
  return { items, charts: await ticketCharts(db, defs, actor) };
}
