import type { Writable } from 'node:stream';
import { loadExcel } from './excel';
import { and, eq, inArray, sql } from 'drizzle-orm';
import {
  COMMITTEE_KIND_LABELS,
  EXPORT_COLUMNS,
  homeName,
  exportCarriesPersonalData,
  exportCell,
  exportPurposeSchema,
  exportPurposeText,
  type ExportColumn,
  type ExportPurpose,
  type ServerExportResource,
} from '@baotou/shared';
import type { Actor } from '../auth/actor';
import type { DbOrTx, Tx } from '../db/client';
import { buildings, committees, companies, compounds, disclosures, fundAccounts, households, regions, units, users } from '../db/schema';
import { writeAudit } from '../audit/audit';
import { badRequest } from '../http/errors';
import { compileListQuery, type ResourceDef } from '../http/resource';

/**
 * Rows fetched from the cursor at a time: bounded memory whatever the export's size. 250 rather
 * than 1000: a chunk's rows (and exceljs' row objects) outlive fewer young-generation collections,
 * so less of them is promoted to the old generation before it is dropped (peak RSS of a
 * 200,000-row export 306 → 281 MB on the loaded bench machine; the extra FETCHes cost nothing seen).
 */
const CHUNK = 250;
/**
 * Bytes of sheet XML (before deflate) or of file (not yet taken by the reader) let wait before the
 * next chunk is read. exceljs' writers never say "full" (their write() is always true), so without
 * this a slow downloader (or a deflate behind the rows on a busy machine) had the whole file pile
 * up in the server's memory. 512 KiB rather than 2 MiB: the chunks waiting are Buffers, freed only
 * when a collection finds them, and with 2 MiB they peaked at 37–72 MB (peak RSS of a 200,000-row
 * export 276–311 MB → 255–262 MB, three runs each, export time the same: test/bench/export.ts).
 */
const MAX_BACKLOG = 512 * 1024;

interface StreamState {
  _writableState?: { length?: number };
  writableLength?: number;
  destroyed?: boolean;
}
const pending = (s: StreamState | undefined): number => (s ? (s.writableLength ?? s._writableState?.length ?? 0) : 0);

/**
 * Waits until the sheet's zip entry has deflated its input and `out` has handed its bytes on,
 * polling (exceljs' and archiver's streams emit no drain we can rely on). Returns at once when
 * `out` is gone (a reader that left: the export ends as before, its rows going nowhere).
 */
async function backlogDrained(sheetStream: { pipes?: StreamState[] } | undefined, out: Writable, maxBacklog: number): Promise<void> {
  for (;;) {
    if (out.destroyed) return;
    const waiting = (sheetStream?.pipes ?? []).reduce((n, p) => n + pending(p), 0) + pending(out);
    if (waiting <= maxBacklog) return;
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

export interface ExportRequest {
  resource: ServerExportResource;
  /** The list's own query: sort and filter as ra-data-simple-rest sends them (JSON text). */
  query: { sort?: string; filter?: string };
  purpose: ExportPurpose | null;
}

/**
 * The list query of an export: sort and filter only (an export is every row of the filter);
 * `purpose` (JSON {kind, detail}) is required for a list carrying personal data (DOMAIN.md §7).
 * Throws 400 BAD_QUERY / VALIDATION_FAILED naming what is wrong.
 */
export function parseExportRequest(resource: ServerExportResource, raw: Record<string, unknown>): ExportRequest {
  const query: ExportRequest['query'] = {};
  let purposeRaw: unknown;
  for (const [key, value] of Object.entries(raw)) {
    if (typeof value !== 'string') throw badRequest('BAD_QUERY', `参数 ${key} 只能出现一次`);
    if (key === 'sort' || key === 'filter') query[key] = value;
    else if (key === 'purpose') purposeRaw = value;
    else if (key !== 'range') throw badRequest('BAD_QUERY', `不支持的查询参数: ${key}`);
  }
  let purpose: ExportPurpose | null = null;
  if (exportCarriesPersonalData(resource)) {
    if (purposeRaw === undefined) throw badRequest('VALIDATION_FAILED', '导出含个人信息的数据须填写用途', { purpose: '请填写导出用途' });
    let parsed: unknown;
    try {
      parsed = JSON.parse(String(purposeRaw));
    } catch {
      throw badRequest('BAD_QUERY', '参数 purpose 不是有效的JSON');
    }
    purpose = exportPurposeSchema.parse(parsed);
  }
  return { resource, query, purpose };
}

type RefKind = NonNullable<ExportColumn['ref']>;

/** The name each referenced row reads as (the console's reference fields), by the keys asked for. */
const REF_QUERIES: Record<RefKind, (tx: Tx, keys: string[]) => Promise<{ key: unknown; name: string | null }[]>> = {
  compounds: (tx, keys) =>
    tx
      .select({ key: compounds.id, name: compounds.name })
      .from(compounds)
      .where(inArray(compounds.id, keys.map(Number))),
  regions: (tx, keys) => tx.select({ key: regions.code, name: regions.name }).from(regions).where(inArray(regions.code, keys)),
  buildings: (tx, keys) =>
    tx
      .select({ key: buildings.id, name: buildings.name })
      .from(buildings)
      .where(inArray(buildings.id, keys.map(Number))),
  companies: (tx, keys) =>
    tx
      .select({ key: companies.id, name: companies.name })
      .from(companies)
      .where(inArray(companies.id, keys.map(Number))),
  disclosures: (tx, keys) =>
    tx
      .select({ key: disclosures.id, name: disclosures.title })
      .from(disclosures)
      .where(inArray(disclosures.id, keys.map(Number))),
  'fund-accounts': (tx, keys) =>
    tx
      .select({ key: fundAccounts.id, name: compounds.name })
      .from(fundAccounts)
      .innerJoin(compounds, eq(compounds.id, fundAccounts.compoundId))
      .where(inArray(fundAccounts.id, keys.map(Number))),
  // "绿都家园 1号楼1单元101", as the fund journal names a home.
  households: async (tx, keys) =>
    (
      await tx
        .select({ key: households.id, compoundName: compounds.name, buildingName: buildings.name, unitName: units.name, room: households.room })
        .from(households)
        .innerJoin(units, eq(units.id, households.unitId))
        .innerJoin(buildings, eq(buildings.id, households.buildingId))
        .innerJoin(compounds, eq(compounds.id, buildings.compoundId))
        .where(inArray(households.id, keys.map(Number)))
    ).map((r) => ({ key: r.key, name: homeName(r) })),
  // "某小区 业主委员会", as the console's committee reference reads.
  committees: async (tx, keys) =>
    (
      await tx
        .select({ key: committees.id, compound: compounds.name, kind: committees.kind })
        .from(committees)
        .innerJoin(compounds, eq(compounds.id, committees.compoundId))
        .where(inArray(committees.id, keys.map(Number)))
    ).map((r) => ({ key: r.key, name: `${r.compound} ${COMMITTEE_KIND_LABELS[r.kind as keyof typeof COMMITTEE_KIND_LABELS] ?? ''}`.trim() })),
};

/** Names of referenced rows, fetched once per chunk of new keys. */
async function refNames(tx: Tx, ref: RefKind, keys: unknown[], cache: Map<string, string>): Promise<void> {
  const missing = [...new Set(keys.filter((k) => k !== null && k !== undefined && !cache.has(String(k))).map(String))];
  if (!missing.length) return;
  const numeric = ref !== 'regions';
  const asked = numeric ? missing.filter((k) => /^\d{1,10}$/.test(k)) : missing;
  if (!asked.length) return;
  for (const r of await REF_QUERIES[ref](tx, asked)) if (r.name !== null) cache.set(String(r.key), r.name);
}

export interface ExportProgress {
  (done: number, total: number): Promise<void>;
}

/**
 * Records an export on the primary (`tx` is a primary transaction, committed by the caller before
 * the file's first byte leaves): export_personal for personal data (with its purpose), else export,
 * with who, the resource, the filter and `rowCount`, the rows counted for it.
 */
export async function recordExport(tx: Tx, actor: Actor, request: ExportRequest, rowCount: number): Promise<void> {
  await writeAudit(tx, actor, {
    action: request.purpose ? 'export_personal' : 'export',
    entity: request.resource,
    entityId: request.resource,
    after: {
      rowCount,
      filter: request.query.filter ? safeJson(request.query.filter) : {},
      server: true,
      ...(request.purpose ? { purposeKind: request.purpose.kind, purpose: exportPurposeText(request.purpose) } : {}),
    },
  });
}

/**
 * Writes every row of `def`'s list for `actor` (its scope, filter and sort, presented and masked
 * exactly as the list: the list's own select and present()) to `out` as one .xlsx sheet with the
 * shared columns (EXPORT_COLUMNS), streamed through exceljs' WorkbookWriter from a cursor, CHUNK
 * rows at a time, the next chunk read only once `out` has taken all but `maxBacklog` bytes. Only
 * reads, so `tx` may be a read-only snapshot on the replica (readSnapshot); the export's audit row
 * is the caller's (recordExport, on the primary, before this starts).
 * Returns the row count. Throws as the list does for a bad query.
 */
export async function writeListXlsx(
  tx: Tx,
  def: ResourceDef,
  actor: Actor,
  request: ExportRequest,
  out: Writable,
  opts: { sheetName: string; progress?: ExportProgress; total?: number; /** bytes, default MAX_BACKLOG */ maxBacklog?: number },
): Promise<number> {
  const { where, order, selectList, mappers } = compileListQuery(def, actor, request.query);
  const columns: readonly ExportColumn[] = EXPORT_COLUMNS[request.resource];
  const total = opts.total ?? Number(((await tx.execute(sql`SELECT count(*)::int AS n FROM ${def.table} WHERE ${where}`)).rows[0] as { n: number }).n);
  const [account] = await tx.select({ username: users.username }).from(users).where(eq(users.id, actor.id));
  const exportedBy = account?.username ? `${actor.name}（${account.username}）` : actor.name;
  const purpose = request.purpose ? exportPurposeText(request.purpose) : null;

  const excel = await loadExcel();
  const wb = new excel.stream.xlsx.WorkbookWriter({ stream: out, useStyles: false, useSharedStrings: false });
  const now = new Date();
  wb.creator = exportedBy;
  wb.lastModifiedBy = exportedBy;
  wb.created = now;
  wb.modified = now;
  if (purpose) {
    wb.subject = '含个人信息，仅限所述用途使用';
    wb.description = `导出用途：${purpose}；导出账号：${exportedBy}；导出时间：${now.toISOString()}`;
  }
  const ws = wb.addWorksheet(opts.sheetName);
  ws.columns = columns.map((c) => ({ header: c.header, key: c.field, width: Math.min(40, Math.max(c.header.length * 2 + 2, 10)) }));

  const cursor = `bt_export_${Math.random().toString(36).slice(2, 10)}`;
  await tx.execute(
    sql`DECLARE ${sql.identifier(cursor)} NO SCROLL CURSOR FOR SELECT ${selectList} FROM ${def.table} WHERE ${where} ORDER BY ${order}, ${def.id} ASC`,
  );
  const caches = new Map<string, Map<string, string>>();
  let done = 0;
  for (;;) {
    const { rows } = (await tx.execute(sql.raw(`FETCH ${CHUNK} FROM "${cursor}"`))) as unknown as { rows: Record<string, unknown>[] };
    if (!rows.length) break;
    const presented = rows.map((row) => {
      for (const [key, map] of mappers) row[key] = map(row[key]);
      return def.present ? def.present(row, actor) : row;
    });
    for (const c of columns) {
      if (c.kind !== 'ref' || !c.ref) continue;
      if (!caches.has(c.field)) caches.set(c.field, new Map());
      await refNames(
        tx,
        c.ref,
        presented.map((r) => r[c.field]),
        caches.get(c.field)!,
      );
    }
    for (const row of presented) {
      ws.addRow(columns.map((c) => exportCell(c, row[c.field], c.kind === 'ref' ? caches.get(c.field)!.get(String(row[c.field])) : undefined, row))).commit();
    }
    done += rows.length;
    await backlogDrained((ws as unknown as { stream?: { pipes?: StreamState[] } }).stream, out, opts.maxBacklog ?? MAX_BACKLOG);
    await opts.progress?.(done, total);
    if (rows.length < CHUNK) break;
  }
  await tx.execute(sql.raw(`CLOSE "${cursor}"`));
  ws.commit();
  await wb.commit();
  return done;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** The row count of the export's filter, as the list's Content-Range total. */
export async function countListRows(tx: DbOrTx, def: ResourceDef, actor: Actor, request: ExportRequest): Promise<number> {
  const { where } = compileListQuery(def, actor, request.query);
  return Number(((await tx.execute(sql`SELECT count(*)::int AS n FROM ${def.table} WHERE ${and(where)}`)).rows[0] as { n: number }).n);
}
