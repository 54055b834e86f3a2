import { and, eq, getTableColumns, getTableName, is, ne, sql, Table, type Column } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import * as schema from '../db/schema';
import type { Tx } from '../db/client';
import type { Actor } from '../auth/actor';
import { writeAudit } from '../audit/audit';

/**
 * Every table that copies its compound's region for the jurisdiction filter: those with both a
 * `compoundId` and a `regionCode` column, found in the Drizzle schema so a table added later follows
 * a moved compound without being listed here. Tickets also copy the street and district codes.
 */
export const COMPOUND_SCOPED_TABLES: readonly Table[] = (Object.values(schema) as unknown[]).filter(
  (v): v is Table => is(v, Table) && 'compoundId' in getTableColumns(v) && 'regionCode' in getTableColumns(v),
);

/**
 * Tables that copy the region of their project (a project belongs to one compound): those with a
 * `projectId` and a `regionCode` but no `compoundId`, found in the schema like the list above. Their
 * rows of the moved compound's projects follow it (staff without a project keep their company's region).
 */
export const PROJECT_SCOPED_TABLES: readonly Table[] = (Object.values(schema) as unknown[]).filter(
  (v): v is Table => is(v, Table) && 'projectId' in getTableColumns(v) && 'regionCode' in getTableColumns(v) && !('compoundId' in getTableColumns(v)),
);

/**
 * Tables with a `regionCode` but neither a `compoundId` nor a `projectId`, and why a compound's move does or does not touch them.
 * The move's test fails when a table with a region code is in neither list.
 */
export const REGION_TABLES_WITHOUT_COMPOUND: Readonly<Record<string, string>> = {
  compounds: 'the compound itself (the update being made)',
  fund_entries: 'follows its fund account (moved here)',
  owners: 'follows when every home the owner holds is in this compound (moved here)',
  audit_logs: 'history: a row keeps the region it was written under',
  users: 'staff accounts belong to their office, residents are not region-scoped by compound',
  companies: 'a company is registered where it is registered, not where it manages',
  subsidy_batches: 'a district’s yearly batch (its region code is the district’s); its lines carry their compounds',
  upgrade_plans: 'a district’s yearly plan (its region code is the district’s); its items follow their projects',
  cost_reports: 'a company’s yearly report, under the company’s own region',
  trainings: 'follows its staff member (moved here)',
  credit_ratings: 'a company’s frozen yearly record, under the company’s own region',
  blacklist_entries: 'a listing is under the listing authority’s region (district or city), not a compound’s',
};

/**
 * Moves everything of compound `compoundId` from community `from` to community `to` (12-digit codes),
 * in the caller's transaction, right after the compound row itself was updated (which holds its row lock,
 * so a child created through `compoundRegion` waits and reads the new region).
 * Rows of compound-scoped tables, rows of project-scoped tables whose project is in this compound (and
 * those staff members' trainings), the compound's fund entries, and owners all of whose homes are in this
 * compound get the new region (tickets also their street and district). Owners holding homes in several
 * compounds keep theirs; audit rows keep the region they were written under.
 * Writes one audit row `move` on `compounds` with the per-table row counts. Throws nothing of its own.
 */
export async function moveCompoundRows(tx: Tx, actor: Actor | null, compoundId: number, from: string, to: string): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of COMPOUND_SCOPED_TABLES) {
    const cols = getTableColumns(table) as Record<string, Column>;
    const values: Record<string, string> = { regionCode: to };
    if (cols.streetCode) values.streetCode = to.slice(0, 9);
    if (cols.districtCode) values.districtCode = to.slice(0, 6);
    const rows = await tx
      .update(table as PgTable)
      .set(values as never)
      .where(and(eq(cols.compoundId, compoundId), ne(cols.regionCode, to)))
      .returning({ one: sql<number>`1` });
    counts[getTableName(table)] = rows.length;
  }
  counts.fund_entries = await updated(
    tx,
    sql`UPDATE fund_entries SET region_code = ${to} WHERE account_id IN (SELECT id FROM fund_accounts WHERE compound_id = ${compoundId}) AND region_code <> ${to} RETURNING 1`,
  );
  for (const table of PROJECT_SCOPED_TABLES) {
    const cols = getTableColumns(table) as Record<string, Column>;
    const rows = await tx
      .update(table as PgTable)
      .set({ regionCode: to } as never)
      .where(and(sql`${cols.projectId} IN (SELECT id FROM projects WHERE compound_id = ${compoundId})`, ne(cols.regionCode, to)))
      .returning({ one: sql<number>`1` });
    counts[getTableName(table)] = rows.length;
  }
  counts.trainings = await updated(
    tx,
    sql`UPDATE trainings SET region_code = ${to} WHERE staff_id IN (SELECT s.id FROM staff s JOIN projects p ON p.id = s.project_id WHERE p.compound_id = ${compoundId}) AND region_code <> ${to} RETURNING 1`,
  );
  counts.owners = await updated(
    tx,
    sql`UPDATE owners o SET region_code = ${to}, updated_at = now()
        WHERE o.region_code <> ${to}
          AND EXISTS (SELECT 1 FROM households h WHERE h.owner_id = o.id AND h.compound_id = ${compoundId})
          AND NOT EXISTS (SELECT 1 FROM households h WHERE h.owner_id = o.id AND h.compound_id <> ${compoundId})
        RETURNING 1`,
  );
  await writeAudit(tx, actor, {
    action: 'move',
    entity: 'compounds',
    entityId: compoundId,
    before: { regionCode: from },
    after: { regionCode: to, rows: counts },
    regionCode: to,
  });
  return counts;
}

async function updated(tx: Tx, query: ReturnType<typeof sql>): Promise<number> {
  // Counted with RETURNING: the embedded PGlite's results carry no rowCount.
  return (await tx.execute(query)).rows.length;
}
