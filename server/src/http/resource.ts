import type Router from '@koa/router';
import { and, asc, desc, eq, getTableColumns, inArray, is, sql, Column, type SQL } from 'drizzle-orm';
import { PgDialect, type PgTable } from 'drizzle-orm/pg-core';
import { createHash } from 'node:crypto';
import { Pool, escapeLiteral, types as pgTypes, type PoolClient, type QueryResult } from 'pg';
import type { ZodType } from 'zod';
import type { Role } from '@baotou/shared';
import type { Actor } from '../auth/actor';
import { requireActor } from '../auth/middleware';
import { writeAudit } from '../audit/audit';
import type { Db, DbOrTx, Tx } from '../db/client';
import { AppError, badRequest, forbidden, notFound } from './errors';
import { filterValue, parseListQuery } from './listQuery';

type Row = Record<string, unknown>;

export interface WriteContext {
  tx: Tx;
  actor: Actor;
  /** The stored row, on update. */
  existing?: Row;
}

export interface ResourceDef {
  /** URL segment under /api, e.g. "compounds". */
  name: string;
  /** Chinese name for messages, e.g. "小区". */
  label: string;
  table: PgTable;
  id: Column;
  idKind: 'int' | 'code';
  /** The select shape of a presented row (getOne, what a write returns, exports; the list too unless listFields). */
  fields: Record<string, Column | SQL | SQL.Aliased>;
  /**
   * The list's own shape when its readers need less than the whole row (keys of `fields`): GET
   * /api/<name> selects only these, and `present` completes them as it completes a whole row.
   * A row by id, what a write returns, exports and audit rows keep `fields`. fieldAccess still applies.
   */
  listFields?: readonly string[];
  /**
   * 'generic': the list's statements run on one plan per connection, made without the values
   * (runGeneric) — for a resource whose list shapes have one good plan for every value, so that a
   * page pays no planning; otherwise PostgreSQL decides per statement, and plans list pages anew.
   */
  listPlan?: 'generic';
  sortable: Record<string, Column | SQL>;
  defaultSort: [string, 'ASC' | 'DESC'];
  filters: Record<string, (value: unknown, actor: Actor) => SQL | undefined>;
  /** Rows this actor may read; 'deny' when the role may not read the resource at all (403). */
  readScope(actor: Actor): SQL | 'deny';
  /**
   * Fields only some roles need (DOMAIN.md §7, PIPL Art. 6): field → the roles that see it. For any
   * other role the field is left out of the select (list, getOne, what a write returns, the
   * entity's audit rows) and may not be filtered or sorted on. One rule per resource, not per route.
   */
  fieldAccess?: Record<string, readonly Role[]>;
  present?(row: Row, actor: Actor): Row;
  write?: {
    roles: readonly Role[];
    /** May this actor change a row like this (stored row, or the values about to be stored)? */
    allows(actor: Actor, row: Row): boolean;
    /** Presented fields a client may send back unchanged (ra-data-simple-rest sends the whole record). */
    readOnlyFields: readonly string[];
    /** Rewrites a request body before validation (e.g. masked values sent back mean "unchanged"). */
    normalize?(body: Row): Row;
    create?: { schema: ZodType; prepare(input: any, c: WriteContext): Promise<Row>; after?(row: Row, c: WriteContext): Promise<void> };
    update?: { schema: ZodType; prepare(input: any, c: WriteContext): Promise<Row>; after?(row: Row, c: WriteContext): Promise<void> };
    remove?: boolean;
    /** Refuses a delete the database cannot refuse by itself (rows pointing here without a foreign key): throw an AppError. */
    beforeRemove?(existing: Row, c: WriteContext): Promise<void>;
  };
}

function parseId(def: ResourceDef, raw: string): string | number {
  if (def.idKind === 'int') {
    if (!/^\d{1,10}$/.test(raw) || Number(raw) > 2147483647) throw notFound(def.label);
    return Number(raw);
  }
  if (!/^[0-9A-Za-z_-]{1,40}$/.test(raw)) throw notFound(def.label);
  return raw;
}

/** The presented fields this role may not see (fieldAccess), e.g. to leave them out of audit rows too. */
export function hiddenFields(def: ResourceDef, role: Role): readonly string[] {
  return compileSelect(def, role).hidden;
}

function refuseHiddenField(def: ResourceDef, role: Role, field: string): void {
  if (def.fieldAccess?.[field] && !def.fieldAccess[field].includes(role)) {
    throw forbidden('FIELD_FORBIDDEN', `当前角色无权查看${def.label}的该项信息`);
  }
}

function selectRows(db: DbOrTx, def: ResourceDef, role: Role) {
  return db
    .select(compileSelect(def, role).fields as never)
    .from(def.table as never)
    .$dynamic();
}

export async function getPresented(db: DbOrTx, def: ResourceDef, actor: Actor, id: string | number): Promise<Row | undefined> {
  const scope = def.readScope(actor);
  if (scope === 'deny') throw forbidden('ROLE_FORBIDDEN', `当前角色无权查看${def.label}`);
  const rows = (await selectRows(db, def, actor.role)
    .where(and(eq(def.id, id), scope))
    .limit(1)) as Row[];
  return rows[0] && (def.present ? def.present(rows[0], actor) : rows[0]);
}

/**
 * getPresented as a query to run inside a larger statement (the main SELECT after a step's
 * data-modifying CTEs, saving the step its own read), and how to present the raw rows it returns.
 * Throws as getPresented does (403 when the role may not read the resource). `from` replaces the
 * table, e.g. a CTE of the statement's INSERT … RETURNING aliased as the table (rows a statement
 * inserts are not visible to its own main query).
 */
export function presentedRowQuery(
  def: ResourceDef,
  actor: Actor,
  id: string | number,
  from: SQL = sql`${def.table}`,
): { query: SQL; present(rows: unknown[]): Row | undefined } {
  const scope = def.readScope(actor);
  if (scope === 'deny') throw forbidden('ROLE_FORBIDDEN', `当前角色无权查看${def.label}`);
  const { selectList, mappers } = compileSelect(def, actor.role);
  return {
    query: sql`SELECT ${selectList} FROM ${from} WHERE ${and(eq(def.id, id), scope)} LIMIT 1`,
    present(rows) {
      const row = rows[0] as Row | undefined;
      if (!row) return undefined;
      for (const [key, map] of mappers) row[key] = map(row[key]);
      return def.present ? def.present(row, actor) : row;
    },
  };
}

/**
 * The list query is the hot path (every console table, the benchmark): its select list is
 * rendered to SQL once per resource, and rows are mapped column by column as drizzle would,
 * instead of rebuilding and re-rendering the whole select on every request.
 */
interface CompiledSelect {
  /** The fields this role sees, and those it does not (fieldAccess). */
  fields: ResourceDef['fields'];
  hidden: string[];
  selectList: SQL;
  mappers: [string, (v: unknown) => unknown][];
}
/** Per resource, per role (one entry for every role when the resource has no fieldAccess) and view. */
const compiled = new WeakMap<ResourceDef, Map<string, CompiledSelect>>();
const dialect = new PgDialect({ casing: 'snake_case' });

/** 'row': the whole presented row (`fields`); 'list': the list's shape (`listFields`, else the whole row). */
type SelectView = 'row' | 'list';

function compileSelect(def: ResourceDef, role: Role, view: SelectView = 'row'): CompiledSelect {
  let byRole = compiled.get(def);
  if (!byRole) compiled.set(def, (byRole = new Map()));
  const listed = view === 'list' ? def.listFields : undefined;
  const key = `${def.fieldAccess ? role : '*'}:${listed ? 'list' : 'row'}`;
  let c = byRole.get(key);
  if (!c) {
    const unknown = listed?.filter((k) => !(k in def.fields));
    if (unknown?.length) throw new Error(`${def.name}: listFields not among its fields: ${unknown.join(', ')}`);
    const hidden = Object.keys(def.fields).filter((k) => def.fieldAccess?.[k] && !def.fieldAccess[k].includes(role));
    const fields = Object.fromEntries(Object.entries(def.fields).filter(([k]) => !hidden.includes(k) && (!listed || listed.includes(k))));
    const parts = Object.entries(fields).map(([key, field]) => sql`${field} AS ${sql.identifier(key)}`);
    const rendered = dialect.sqlToQuery(sql.join(parts, sql`, `));
    if (rendered.params.length) throw new Error(`${def.name}: select fields must not carry parameters`);
    const mappers = Object.entries(fields)
      .filter(([, field]) => is(field, Column))
      .map(([key, field]) => [key, (v: unknown) => (v === null ? null : (field as Column).mapFromDriverValue(v))] as [string, (v: unknown) => unknown]);
    c = { fields, hidden, selectList: sql.raw(rendered.sql), mappers };
    byRole.set(key, c);
  }
  return c;
}

/**
 * On a PostgreSQL server, list queries run as named prepared statements, so each connection plans
 * a query shape once (a list's text depends only on its filters and sort, values are parameters).
 * Shapes with a variable-length id list are not named, to keep the per-connection cache bounded.
 * Dates and timestamps come back as text, as drizzle's own driver reads them, for the column mappers.
 */
const RAW_DATE_TYPES = new Set([1082, 1083, 1114, 1184, 1186, 1231, 1115, 1185, 1187, 1182]);
const rawDateTypes = {
  getTypeParser: ((oid: number, format: 'text' | 'binary') => (RAW_DATE_TYPES.has(oid) ? (v: string) => v : pgTypes.getTypeParser(oid, format))) as never,
};
/** Statement names by query text, so a repeated shape is not hashed again (bounded: shapes are few). */
const statementNames = new Map<string, string>();
function statementName(text: string): string {
  let name = statementNames.get(text);
  if (!name) {
    name = `bt_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
    if (statementNames.size >= 2000) statementNames.clear();
    statementNames.set(text, name);
  }
  return name;
}
export async function runPrepared(db: Db, query: SQL, named: boolean, plan?: 'generic'): Promise<{ rows: unknown[] }> {
  const client = (db as unknown as { $client?: unknown }).$client;
  if (!(client instanceof Pool)) return db.execute(query);
  const { sql: text, params } = dialect.sqlToQuery(query);
  if (named && plan === 'generic') return runGeneric(client, text, params);
  return client.query({
    text,
    values: params,
    ...(named ? { name: statementName(text) } : {}),
    types: rawDateTypes,
  });
}

/** A value as the quoted literal PostgreSQL reads as node-postgres's text parameter; undefined for other kinds (a Buffer). */
function literal(v: unknown): string | undefined {
  if (v === null || v === undefined) return 'NULL';
  if (typeof v === 'string') return escapeLiteral(v);
  if (typeof v === 'number' || typeof v === 'bigint') return escapeLiteral(String(v));
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return undefined;
}
/** The statements each pooled connection has prepared (SQL PREPARE) for runGeneric. */
const preparedGeneric = new WeakMap<PoolClient, Set<string>>();

/**
 * A named statement on PostgreSQL's generic plan, whatever its values. PostgreSQL plans a named
 * statement anew on every run while its generic plan looks dearer than those made for the values
 * at hand — always so for a page past the first, whose generic plan must guess the OFFSET (a tenth
 * of the rows) — and planning a queue page costs about what running it does (0.3–0.4 ms of 0.9 ms at
 * 1M tickets). Here the statement is prepared once per connection (SQL PREPARE) and run by EXECUTE
 * under plan_cache_mode = force_generic_plan set for that statement alone: SET LOCAL in the same
 * message, which PostgreSQL runs as one implicit transaction (one round trip; the setting ends with
 * it, also on error). Values travel as quoted literals; a value of another kind runs the ordinary
 * named way. Rows as runPrepared returns them.
 */
async function runGeneric(pool: Pool, text: string, params: unknown[]): Promise<{ rows: unknown[] }> {
  const args = params.map(literal);
  if (args.some((a) => a === undefined)) return pool.query({ text, values: params, name: statementName(text), types: rawDateTypes });
  const name = `${statementName(text)}_g`;
  const execute = `SET LOCAL plan_cache_mode = force_generic_plan; EXECUTE ${name}${args.length ? `(${args.join(', ')})` : ''}`;
  const client = await pool.connect();
  try {
    let done = preparedGeneric.get(client);
    if (!done) preparedGeneric.set(client, (done = new Set()));
    for (let attempt = 0; ; attempt++) {
      try {
        const results = (await client.query({
          text: done.has(name) ? execute : `PREPARE ${name} AS ${text}; ${execute}`,
          types: rawDateTypes,
        })) as unknown as QueryResult[];
        done.add(name);
        return results[results.length - 1];
      } catch (err) {
        // Prepared already (a run whose EXECUTE failed after its PREPARE), or gone (DEALLOCATE): once more.
        const code = (err as { code?: string }).code;
        if (attempt > 0 || (code !== '42P05' && code !== '26000')) throw err;
        if (code === '42P05') done.add(name);
        else done.delete(name);
      }
    }
  } finally {
    client.release();
  }
}

/**
 * A list query's rows for this actor: its scope and filters as one condition, its order (then id),
 * and the compiled select list — the whole row, or with view 'list' the list's shape (listFields).
 * Throws as the list does (403 deny or hidden field, 400 bad query). The list and the server-side
 * export (server/src/exports, whole rows) both read rows through it.
 */
export function compileListQuery(def: ResourceDef, actor: Actor, query: Record<string, unknown>, view: SelectView = 'row') {
  const scope = def.readScope(actor);
  if (scope === 'deny') throw forbidden('ROLE_FORBIDDEN', `当前角色无权查看${def.label}`);
  const q = parseListQuery(query, { sortable: Object.keys(def.sortable), filters: Object.keys(def.filters), defaultSort: def.defaultSort });
  const conditions: (SQL | undefined)[] = [scope];
  if (def.fieldAccess) refuseHiddenField(def, actor.role, q.sort[0]);
  for (const [key, value] of Object.entries(q.filter)) {
    if (value === undefined || value === null || value === '') continue;
    if (def.fieldAccess) refuseHiddenField(def, actor.role, key);
    if (key === 'id') {
      const ids = (Array.isArray(value) ? value : [value]).map((v) => (def.idKind === 'int' ? filterValue.int('id', v) : filterValue.string('id', v, 40)));
      if (ids.length > 1000) throw badRequest('BAD_FILTER', '一次最多查询1000条');
      conditions.push(ids.length ? inArray(def.id, ids) : sql`false`);
    } else {
      conditions.push(def.filters[key](value, actor));
    }
  }
  const where = and(...conditions)!;
  const order = q.sort[1] === 'ASC' ? asc(def.sortable[q.sort[0]]) : desc(def.sortable[q.sort[0]]);
  return { q, where, order, ...compileSelect(def, actor.role, view) };
}

/**
 * One page of GET /api/<name> (ra-data-simple-rest's getList, or getMany with filter.id): the
 * presented rows in the list's shape (listFields), the index of the first and the total the filter
 * matches (for Content-Range). Throws as compileListQuery does.
 */
export async function listPresented(db: Db, def: ResourceDef, actor: Actor, query: Record<string, unknown>) {
  const { q, where, order, selectList, mappers } = compileListQuery(def, actor, query, 'list');
  // getMany sends filter={"id":[...]} and no range: answer every id asked for.
  const idsAsked = Array.isArray(q.filter.id) ? q.filter.id.length : 0;
  const [start, end] = query.range === undefined && idsAsked > 0 ? [0, idsAsked - 1] : q.range;
  // The count rides on the page as an uncorrelated subquery (run once, as an InitPlan): one round
  // trip per list instead of two. Only a page past the end (no row to carry it) asks separately.
  const count = sql`(SELECT count(*)::int FROM ${def.table} WHERE ${where}) AS "__total"`;
  const result = await runPrepared(
    db,
    // Past the first page, page first and then compute the select list (its subqueries) for that
    // page's rows only: PostgreSQL would otherwise evaluate them for every skipped row too.
    start === 0
      ? sql`SELECT ${selectList}, ${count} FROM ${def.table} WHERE ${where} ORDER BY ${order}, ${def.id} ASC LIMIT ${end + 1}`
      : sql`SELECT ${selectList}, ${count} FROM (SELECT * FROM ${def.table} WHERE ${where} ORDER BY ${order}, ${def.id} ASC LIMIT ${end - start + 1} OFFSET ${start}) AS ${def.table} ORDER BY ${order}, ${def.id} ASC`,
    !idsAsked,
    def.listPlan,
  );
  const first = result.rows[0] as Row | undefined;
  const total = first
    ? Number(first.__total)
    : start === 0
      ? 0
      : Number(((await runPrepared(db, sql`SELECT count(*)::int AS n FROM ${def.table} WHERE ${where}`, !idsAsked, def.listPlan)).rows[0] as { n: number }).n);
  const rows = (result.rows as Row[]).map((row) => {
    delete row.__total;
    for (const [key, map] of mappers) row[key] = map(row[key]);
    return def.present ? def.present(row, actor) : row;
  });
  return { rows, start, total };
}

async function loadRaw(tx: DbOrTx, def: ResourceDef, id: string | number): Promise<Row | undefined> {
  const rows = (await tx
    .select(getTableColumns(def.table as never) as never)
    .from(def.table as never)
    .where(eq(def.id, id))
    .limit(1)) as Row[];
  return rows[0];
}

/** keepId: on create of a code-keyed resource the creator chooses the id (a region's 行政区划代码). */
function stripReadOnly(def: ResourceDef, body: unknown, keepId = false): Row {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw badRequest('INVALID_BODY', '请求体必须是JSON对象');
  const out: Row = {};
  for (const [k, v] of Object.entries(body as Row)) {
    if ((k === 'id' && !keepId) || def.write!.readOnlyFields.includes(k)) continue;
    out[k] = v;
  }
  return def.write!.normalize ? def.write!.normalize(out) : out;
}

/**
 * A whole record sent back (ra-data-simple-rest's update) carries fields that cannot change after
 * creation (a household's unitId, say): drop them when unchanged; a changed one stays and is refused.
 */
function withoutUnchangedFixedFields(body: Row, updatable: string[], existing: Row): Row {
  return Object.fromEntries(Object.entries(body).filter(([k, v]) => updatable.includes(k) || !(k in existing) || existing[k] !== v));
}

/** The shape of an object schema's keys (refined schemas keep their shape in zod 4). */
function schemaKeys(schema: ZodType): string[] {
  const shape = (schema as unknown as { shape?: Record<string, unknown> }).shape;
  return shape ? Object.keys(shape) : [];
}

/** The resources registered on each app's router, by name (the audit log asks who may read an entity). */
const registries = new WeakMap<Router, Map<string, ResourceDef>>();
export function registeredResources(router: Router): ReadonlyMap<string, ResourceDef> {
  return registries.get(router) ?? new Map();
}

/** Registers the ra-data-simple-rest routes of one resource. */
export function registerResource(router: Router, db: Db, def: ResourceDef): void {
  const base = `/api/${def.name}`;
  if (!registries.has(router)) registries.set(router, new Map());
  registries.get(router)!.set(def.name, def);
  const idColumnName = Object.entries(getTableColumns(def.table as never) as Record<string, Column>).find(([, c]) => c === def.id)?.[0] ?? 'id';

  router.get(base, async (ctx) => {
    const actor = requireActor(ctx);
    const { rows, start, total } = await listPresented(db, def, actor, ctx.query);
    const last = rows.length ? start + rows.length - 1 : start;
    ctx.set('Content-Range', `${def.name} ${start}-${last}/${total}`);
    ctx.body = rows;
  });

  router.get(`${base}/:id`, async (ctx) => {
    const actor = requireActor(ctx);
    const row = await getPresented(db, def, actor, parseId(def, ctx.params.id));
    if (!row) throw notFound(def.label);
    ctx.body = row;
  });

  const w = def.write;
  if (!w) {
    const readOnly = () => {
      throw new AppError('READ_ONLY', 403, `${def.label}为只读数据`);
    };
    router.post(base, readOnly).put(`${base}/:id`, readOnly).delete(`${base}/:id`, readOnly);
    return;
  }

  if (w.create) {
    const create = w.create;
    router.post(base, async (ctx) => {
      const actor = requireActor(ctx, w.roles);
      const input = create.schema.parse(stripReadOnly(def, ctx.request.body, def.idKind === 'code'));
      const created = await db.transaction(async (tx) => {
        const values = await create.prepare(input, { tx, actor });
        if (!w.allows(actor, values)) throw forbidden('OUT_OF_JURISDICTION', `不能在管辖范围以外新建${def.label}`);
        const [row] = (await tx
          .insert(def.table)
          .values(values as never)
          .returning()) as Row[];
        const id = row[idColumnName] as string | number;
        await create.after?.(row, { tx, actor });
        await writeAudit(tx, actor, { action: 'create', entity: def.name, entityId: id, after: row, regionCode: row.regionCode as string });
        return getPresented(tx, def, actor, id);
      });
      ctx.status = 201;
      ctx.body = created;
    });
  }

  if (w.update) {
    const update = w.update;
    router.put(`${base}/:id`, async (ctx) => {
      const actor = requireActor(ctx, w.roles);
      const id = parseId(def, ctx.params.id);
      const body = stripReadOnly(def, ctx.request.body);
      ctx.body = await db.transaction(async (tx) => {
        const existing = await loadRaw(tx, def, id);
        if (!existing) throw notFound(def.label);
        if (!w.allows(actor, existing)) throw forbidden('OUT_OF_JURISDICTION', `无权修改管辖范围以外的${def.label}`);
        const keys = schemaKeys(update.schema);
        const current = Object.fromEntries(keys.filter((k) => k in existing).map((k) => [k, existing[k]]));
        const input = update.schema.parse({ ...current, ...withoutUnchangedFixedFields(body, keys, existing) });
        const values = await update.prepare(input, { tx, actor, existing });
        if (!w.allows(actor, { ...existing, ...values })) throw forbidden('OUT_OF_JURISDICTION', `不能把${def.label}移出管辖范围`);
        const [row] = (await tx
          .update(def.table)
          .set({ ...values, ...('updatedAt' in existing ? { updatedAt: new Date() } : {}) } as never)
          .where(eq(def.id, id))
          .returning()) as Row[];
        await update.after?.(row, { tx, actor, existing });
        await writeAudit(tx, actor, { action: 'update', entity: def.name, entityId: id, before: existing, after: row, regionCode: row.regionCode as string });
        return getPresented(tx, def, actor, id);
      });
    });
  }

  if (w.remove) {
    router.delete(`${base}/:id`, async (ctx) => {
      const actor = requireActor(ctx, w.roles);
      const id = parseId(def, ctx.params.id);
      ctx.body = await db.transaction(async (tx) => {
        const existing = await loadRaw(tx, def, id);
        if (!existing) throw notFound(def.label);
        if (!w.allows(actor, existing)) throw forbidden('OUT_OF_JURISDICTION', `无权删除管辖范围以外的${def.label}`);
        await w.beforeRemove?.(existing, { tx, actor, existing });
        const presented = await getPresented(tx, def, actor, id);
        await tx.delete(def.table).where(eq(def.id, id));
        await writeAudit(tx, actor, { action: 'delete', entity: def.name, entityId: id, before: existing, regionCode: existing.regionCode as string });
        return presented ?? { id };
      });
    });
  }
}
