import { eq, ilike, or, sql } from 'drizzle-orm';
import { CHECKLIST_CATEGORIES, HAZARD_SEVERITIES, checklistItemSchema } from '@baotou/shared';
import type { ResourceDef } from '../http/resource';
import { filterValue, likeEscape } from '../http/listQuery';
import { inspectionChecklistItems as items } from '../db/schema';
import { isInspector } from './hazardsScope';

/**
 * `inspection-checklist-items` (DOMAIN.md §10: the checklist is data): every staff member who
 * inspects or patrols reads it; only the city keeps it. Items in use are retired (active=false),
 * not deleted — a stored inspection points at them.
 */
export function checklistItemsResource(): ResourceDef {
  return {
    name: 'inspection-checklist-items',
    label: '检查条目',
    table: items,
    id: items.id,
    idKind: 'int',
    fields: {
      id: items.id,
      code: items.code,
      category: items.category,
      text: items.text,
      severity: items.severity,
      onSpot: items.onSpot,
      fireLane: items.fireLane,
      sourceDocument: items.sourceDocument,
      sortOrder: items.sortOrder,
      active: items.active,
      updatedAt: items.updatedAt,
    },
    sortable: { id: items.id, sortOrder: items.sortOrder, code: items.code, category: items.category, severity: items.severity },
    defaultSort: ['sortOrder', 'ASC'],
    filters: {
      q: (v) => {
        const q = `%${likeEscape(filterValue.string('q', v, 40))}%`;
        return or(ilike(items.text, q), ilike(items.code, q), ilike(items.sourceDocument, q));
      },
      category: (v) => eq(items.category, filterValue.oneOf('category', v, CHECKLIST_CATEGORIES)),
      severity: (v) => eq(items.severity, filterValue.oneOf('severity', v, HAZARD_SEVERITIES)),
      onSpot: (v) => eq(items.onSpot, filterValue.bool('onSpot', v)),
      fireLane: (v) => eq(items.fireLane, filterValue.bool('fireLane', v)),
      active: (v) => eq(items.active, filterValue.bool('active', v)),
    },
    readScope: (actor) => (isInspector(actor) || actor.role === 'company_staff' ? sql`true` : 'deny'),
    write: {
      roles: ['city_admin'],
      allows: () => true,
      readOnlyFields: ['updatedAt'],
      create: { schema: checklistItemSchema, prepare: async (input) => input },
      update: { schema: checklistItemSchema, prepare: async (input) => input },
    },
  };
}
