import { randomUUID } from 'node:crypto';
import { eq, sql, type SQL } from 'drizzle-orm';
import {
  createStaffRowValidator,
  createTrainingRowValidator,
  MAX_TRAINING_TENTHS_PER_DAY,
  STAFF_IMPORT_KIND_LABELS,
  type StaffImportKind,
} from '@baotou/shared';
import type { Actor } from '../auth/actor';
import type { Db, Tx } from '../db/client';
import { staffImports } from '../db/schema';
import { writeAudit } from '../audit/audit';
import { conflict, notFound } from '../http/errors';
import { personalColumns } from '../places/owners';
import type { PersonalDataCipher } from '../places/personalData';
import { beijingDate } from '../jurisdiction/scope';

/**
 * A workforce import is two steps (issue 12, as the party registry's): upload → preview (every row
 * checked in the background with progress, errors listed row by row, nothing written to the
 * registry), then commit (the valid rows, one transaction). The preview — checked rows with phones
 * already encrypted, and the report — is a staff_imports row, so any server process can show or
 * commit it and a restart loses nothing. Only the uploader sees or commits it.
 *
 * Commit policy: a sheet with bad rows commits only when the user confirms "import the valid rows
 * only" ({confirmValidOnly: true}); otherwise 409 and nothing is written. The move ready → committing
 * is one conditional UPDATE, so a batch is committed at most once however many requests race.
 */
const CHUNK = 1000;
const BATCH = 2000;
const MAX_ERRORS_SHOWN = 2000;

/** The report of an import (without its checked rows). */
export async function readImport(db: Db, actor: Actor, id: string) {
  if (!/^[0-9a-f-]{36}$/.test(id)) throw notFound('导入批次');
  const { rows } = await db.execute(sql`
    SELECT id, kind, file_name, status, total, done, committed, failure, actor_id,
           jsonb_array_length(valid)::int AS valid_count, jsonb_array_length(errors)::int AS error_count,
           (SELECT coalesce(jsonb_agg(e), '[]'::jsonb) FROM (SELECT e FROM jsonb_array_elements(errors) e LIMIT ${MAX_ERRORS_SHOWN}) x) AS errors
      FROM staff_imports WHERE id = ${id}`);
  const r = rows[0] as
    | {
        id: string;
        kind: StaffImportKind;
        file_name: string;
        status: string;
        total: number;
        done: number;
        committed: number;
        failure: string | null;
        actor_id: number;
        valid_count: number;
        error_count: number;
        errors: { row: number; messages: string[] }[];
      }
    | undefined;
  if (!r || r.actor_id !== actor.id) throw notFound('导入批次');
  return {
    id: r.id,
    kind: r.kind,
    fileName: r.file_name,
    status: r.status,
    progress: {
      done: r.status === 'committing' || r.status === 'committed' ? r.committed : r.done,
      total: r.status === 'committing' || r.status === 'committed' ? r.valid_count : r.total,
    },
    counts: { total: r.total, valid: r.valid_count, invalid: r.error_count },
    errors: r.errors,
    errorsTruncated: r.error_count > MAX_ERRORS_SHOWN,
    committed: r.committed,
    ...(r.failure ? { failure: r.failure } : {}),
  };
}

async function validateRows(
  db: Db,
  cipher: PersonalDataCipher,
  companyId: number,
  kind: StaffImportKind,
  rows: Record<string, string>[],
  rowNumbers: number[],
  onProgress: (done: number) => Promise<void>,
) {
  const today = beijingDate();
  const q = async <T>(s: ReturnType<typeof sql>) => (await db.execute(s)).rows as T[];
  let validate: (row: Record<string, string>) => { ok: true; value: Record<string, unknown> } | { ok: false; errors: string[] };
  if (kind === 'staff') {
    const [nos, projects] = await Promise.all([
      q<{ staff_no: string }>(sql`SELECT staff_no FROM staff WHERE company_id = ${companyId}`),
      q<{ id: number; code: string }>(
        sql`SELECT p.id, c.code FROM projects p JOIN compounds c ON c.id = p.compound_id WHERE p.company_id = ${companyId} ORDER BY p.end_date DESC`,
      ),
    ]);
    const byCode = new Map<string, { projectId: number }>();
    for (const p of projects) if (!byCode.has(p.code.toUpperCase())) byCode.set(p.code.toUpperCase(), { projectId: p.id });
    const check = createStaffRowValidator({ today, staffNos: new Set(nos.map((n) => n.staff_no)), projects: byCode });
    validate = (row) => {
      const r = check(row);
      if (!r.ok) return r;
      // Phones are encrypted before the preview is stored (no plain personal data at rest).
      const { phone, ...rest } = r.value;
      return { ok: true, value: { ...rest, ...personalColumns(cipher, phone, undefined) } };
    };
  } else {
    const [people, days] = await Promise.all([
      q<{ id: number; staff_no: string; hired_on: string; left_on: string | null }>(
        sql`SELECT id, staff_no, hired_on::text, left_on::text FROM staff WHERE company_id = ${companyId}`,
      ),
      q<{ staff_id: number; day: string; tenths: number }>(
        sql`SELECT staff_id, trained_on::text AS day, sum(hours_tenths)::int AS tenths FROM trainings WHERE company_id = ${companyId} GROUP BY 1, 2`,
      ),
    ]);
    validate = createTrainingRowValidator({
      today,
      staff: new Map(people.map((p) => [p.staff_no, { id: p.id, hiredOn: p.hired_on, leftOn: p.left_on }])),
      dayTenths: new Map(days.map((d) => [`${d.staff_id}|${d.day}`, d.tenths])),
    }) as typeof validate;
  }
  const valid: { row: number; value: Record<string, unknown> }[] = [];
  const errors: { row: number; messages: string[] }[] = [];
  for (let i = 0; i < rows.length; i += CHUNK) {
    const end = Math.min(rows.length, i + CHUNK);
    for (let k = i; k < end; k++) {
      const r = validate(rows[k]);
      if (r.ok) valid.push({ row: rowNumbers[k], value: r.value });
      else errors.push({ row: rowNumbers[k], messages: r.errors });
    }
    await onProgress(end);
  }
  return { valid, errors };
}

/** Stores the upload as an import being checked and checks its rows in the background; returns its report. */
export async function startImport(
  db: Db,
  cipher: PersonalDataCipher,
  actor: Actor,
  kind: StaffImportKind,
  fileName: string,
  rows: Record<string, string>[],
  rowNumbers: number[],
) {
  const id = randomUUID();
  const companyId = actor.companyId!;
  // Previews hold checked rows (phones encrypted) only as long as a person needs to confirm them.
  await db.execute(sql`DELETE FROM staff_imports WHERE created_at < now() - interval '1 day' AND status <> 'committing'`);
  await db.insert(staffImports).values({
    id,
    kind,
    companyId,
    actorId: actor.id,
    fileName: fileName.replace(/\p{Cc}/gu, '').slice(0, 200) || 'upload.xlsx',
    status: 'validating',
    total: rows.length,
    done: 0,
    committed: 0,
    valid: [],
    errors: [],
  });
  void (async () => {
    try {
      const { valid, errors } = await validateRows(db, cipher, companyId, kind, rows, rowNumbers, async (done) => {
        await db.update(staffImports).set({ done, updatedAt: new Date() }).where(eq(staffImports.id, id));
      });
      await db.execute(
        sql`UPDATE staff_imports SET status = 'ready', done = total, valid = ${JSON.stringify(valid)}::jsonb, errors = ${JSON.stringify(errors)}::jsonb, updated_at = now() WHERE id = ${id}`,
      );
    } catch (err) {
      console.error(err);
      await db
        .update(staffImports)
        .set({ status: 'failed', failure: '校验失败，请重新上传', updatedAt: new Date() })
        .where(eq(staffImports.id, id))
        .catch(() => undefined);
    }
  })();
  return readImport(db, actor, id);
}

/**
 * Claims a checked import for commit (ready → committing, at most once) and writes its valid rows
 * in the background, in one transaction with their audit rows; progress (`committed`) is reported
 * from outside the transaction as batches go in. Refusals (409) change nothing.
 */
export async function commitImport(db: Db, actor: Actor, id: string, confirmValidOnly: boolean, log: (err: unknown) => void = console.error) {
  const job = await readImport(db, actor, id);
  if (job.status === 'validating') throw conflict('IMPORT_NOT_READY', '文件仍在校验中，请稍候');
  if (job.status === 'committed' || job.status === 'committing') throw conflict('IMPORT_ALREADY_COMMITTED', '该批次已导入，不能重复导入');
  if (job.status === 'failed') throw conflict('IMPORT_FAILED', job.failure ?? '该批次校验失败，请重新上传');
  if (job.counts.valid === 0) throw conflict('IMPORT_NOTHING_VALID', '没有可导入的正确行，请修正后重新上传');
  if (job.counts.invalid > 0 && !confirmValidOnly) {
    throw conflict('IMPORT_HAS_ERRORS', `表中有${job.counts.invalid}行错误：请修正后重新上传，或确认只导入正确的${job.counts.valid}行`);
  }
  const claimed = await db.execute(
    sql`UPDATE staff_imports SET status = 'committing', committed = 0, failure = NULL, updated_at = now() WHERE id = ${id} AND actor_id = ${actor.id} AND status = 'ready' RETURNING id`,
  );
  if (!claimed.rows.length) throw conflict('IMPORT_ALREADY_COMMITTED', '该批次已导入，不能重复导入');
  void runCommit(db, actor, id).catch(async (err) => {
    const known = err instanceof Error && 'status' in err && (err as { status: number }).status < 500;
    if (!known) log(err);
    const failure = known ? (err as Error).message : '导入失败：登记数据在预览后发生了变化，请重新上传';
    await db
      .execute(sql`UPDATE staff_imports SET status = 'failed', failure = ${failure}, committed = 0, updated_at = now() WHERE id = ${id}`)
      .catch(() => undefined);
  });
  return readImport(db, actor, id);
}

interface Claimed {
  kind: StaffImportKind;
  companyId: number;
  fileName: string;
  validCount: number;
  skippedRows: number[];
}

async function runCommit(db: Db, actor: Actor, id: string) {
  // The checked rows stay in the database: the commit reads them there, never through this process.
  const { rows } = await db.execute(sql`
    SELECT kind, company_id, file_name, jsonb_array_length(valid)::int AS valid_count,
           (SELECT coalesce(jsonb_agg(e->'row'), '[]'::jsonb) FROM (SELECT e FROM jsonb_array_elements(errors) e LIMIT 200) x) AS skipped
      FROM staff_imports WHERE id = ${id}`);
  const r = rows[0] as { kind: StaffImportKind; company_id: number; file_name: string; valid_count: number; skipped: number[] };
  const imp: Claimed = { kind: r.kind, companyId: r.company_id, fileName: r.file_name, validCount: r.valid_count, skippedRows: r.skipped };
  const progress = (n: number) => {
    // Outside the transaction, so a poll sees it; harmless if it lands after the commit (status no longer matches).
    void db.execute(sql`UPDATE staff_imports SET committed = GREATEST(committed, ${n}) WHERE id = ${id} AND status = 'committing'`).catch(() => undefined);
  };
  await db.transaction(async (tx) => {
    const n = imp.kind === 'staff' ? await commitStaff(tx, actor, id, imp, progress) : await commitTrainings(tx, actor, id, imp, progress);
    await writeAudit(tx, actor, {
      action: 'import_commit',
      entity: 'staff-imports',
      entityId: id,
      after: { kind: imp.kind, fileName: imp.fileName, committed: n, skippedRows: imp.skippedRows },
      regionCode: actor.regionCode ?? null,
    });
    await tx.update(staffImports).set({ status: 'committed', committed: n, updatedAt: new Date() }).where(eq(staffImports.id, id));
  });
}

/** Row values `v` of the stored preview, rows (from, to] in sheet order. */
const previewRows = (id: string, from: number, to: number) =>
  sql`SELECT x.e->'value' AS v FROM staff_imports i, jsonb_array_elements(i.valid) WITH ORDINALITY AS x(e, n) WHERE i.id = ${id} AND x.n > ${from} AND x.n <= ${to}`;

/** Runs one INSERT … RETURNING (with its audit rows in the same statement) per BATCH rows, reporting progress. */
async function inBatches(tx: Tx, total: number, progress: (n: number) => void, insert: (from: number, to: number) => SQL) {
  let n = 0;
  for (let from = 0; from < total; from += BATCH) {
    const { rows } = await tx.execute(insert(from, Math.min(total, from + BATCH)));
    n += Number((rows[0] as { n: number }).n);
    progress(n);
  }
  return n;
}

async function commitStaff(tx: Tx, actor: Actor, id: string, imp: Claimed, progress: (n: number) => void) {
  const taken = await tx.execute(
    sql`SELECT s.staff_no FROM staff s WHERE s.company_id = ${imp.companyId} AND s.staff_no IN (SELECT v->>'staffNo' FROM (${previewRows(id, 0, imp.validCount)}) src) LIMIT 1`,
  );
  if (taken.rows.length) throw conflict('STAFF_NO_TAKEN', `工号“${(taken.rows[0] as { staff_no: string }).staff_no}”在预览后已被登记：请重新上传`);
  return inBatches(
    tx,
    imp.validCount,
    progress,
    (from, to) => sql`
    WITH src AS (${previewRows(id, from, to)}),
    ins AS (
      INSERT INTO staff (company_id, project_id, region_code, staff_no, name, post, specialist, hired_on, left_on, phone_enc, phone_hash, phone_masked, certificates, certificate_expires_on)
      SELECT ${imp.companyId}, p.id, coalesce(p.region_code, (SELECT region_code FROM companies WHERE id = ${imp.companyId})), v->>'staffNo', v->>'name', (v->>'post')::staff_post,
             (v->>'specialist')::boolean, (v->>'hiredOn')::date, (v->>'leftOn')::date, v->>'phoneEnc', v->>'phoneHash', v->>'phoneMasked', v->'certificates',
             (SELECT min((c->>'expiresOn')::date) FROM jsonb_array_elements(v->'certificates') c)
        FROM src LEFT JOIN projects p ON p.id = (v->>'projectId')::int AND p.company_id = ${imp.companyId}
      RETURNING *
    ),
    audit AS (
      INSERT INTO audit_logs (actor_id, actor_name, action, entity, entity_id, after, region_code, ip, user_agent)
      SELECT ${actor.id}, ${actor.name.slice(0, 40)}, 'import', 'staff', ins.id::text,
             jsonb_build_object('id', ins.id, 'companyId', ins.company_id, 'projectId', ins.project_id, 'regionCode', ins.region_code, 'staffNo', ins.staff_no, 'name', ins.name,
               'post', ins.post, 'specialist', ins.specialist, 'hiredOn', ins.hired_on, 'leftOn', ins.left_on, 'phoneMasked', ins.phone_masked,
               'certificates', ins.certificates, 'certificateExpiresOn', ins.certificate_expires_on),
             ins.region_code, ${actor.ip?.slice(0, 45) ?? null}, ${actor.userAgent?.slice(0, 200) ?? null}
        FROM ins
      RETURNING 1
    )
    SELECT count(*)::int AS n FROM audit`,
  );
}

async function commitTrainings(tx: Tx, actor: Actor, id: string, imp: Claimed, progress: (n: number) => void) {
  const all = previewRows(id, 0, imp.validCount);
  // Lock the people, then check again what the preview checked: still on this company's staff, within employment.
  await tx.execute(sql`SELECT id FROM staff WHERE id IN (SELECT DISTINCT (v->>'staffId')::int FROM (${all}) src) ORDER BY id FOR UPDATE`);
  const stale = await tx.execute(sql`
    SELECT 1 FROM (${all}) src LEFT JOIN staff s ON s.id = (v->>'staffId')::int
     WHERE s.id IS NULL OR s.company_id <> ${imp.companyId} OR (v->>'trainedOn')::date < s.hired_on OR (v->>'trainedOn')::date > s.left_on LIMIT 1`);
  if (stale.rows.length) throw conflict('IMPORT_STALE', '员工名册在预览后发生了变化：请重新上传');
  const n = await inBatches(
    tx,
    imp.validCount,
    progress,
    (from, to) => sql`
    WITH src AS (${previewRows(id, from, to)}),
    ins AS (
      INSERT INTO trainings (staff_id, company_id, region_code, kind, course, provider, hours_tenths, trained_on, certificate_no, evidence)
      SELECT s.id, ${imp.companyId}, s.region_code, (v->>'kind')::training_kind, v->>'course', v->>'provider', (v->>'hoursTenths')::smallint, (v->>'trainedOn')::date,
             v->>'certificateNo', v->>'evidence'
        FROM src JOIN staff s ON s.id = (v->>'staffId')::int
      RETURNING *
    ),
    audit AS (
      INSERT INTO audit_logs (actor_id, actor_name, action, entity, entity_id, after, region_code, ip, user_agent)
      SELECT ${actor.id}, ${actor.name.slice(0, 40)}, 'import', 'trainings', ins.id::text,
             jsonb_build_object('id', ins.id, 'staffId', ins.staff_id, 'companyId', ins.company_id, 'regionCode', ins.region_code, 'kind', ins.kind, 'course', ins.course,
               'provider', ins.provider, 'hoursTenths', ins.hours_tenths, 'trainedOn', ins.trained_on, 'certificateNo', ins.certificate_no, 'evidence', ins.evidence),
             ins.region_code, ${actor.ip?.slice(0, 45) ?? null}, ${actor.userAgent?.slice(0, 200) ?? null}
        FROM ins
      RETURNING 1
    )
    SELECT count(*)::int AS n FROM audit`,
  );
  const over = await tx.execute(
    sql`SELECT 1 FROM trainings WHERE staff_id IN (SELECT DISTINCT (v->>'staffId')::int FROM (${all}) src) GROUP BY staff_id, trained_on HAVING sum(hours_tenths) > ${MAX_TRAINING_TENTHS_PER_DAY} LIMIT 1`,
  );
  if (over.rows.length) throw conflict('TRAINING_DAY_OVER_24H', '有员工某天的培训学时合计超过24小时（预览后又登记了培训）：请重新上传');
  return n;
}

export const importKindLabel = (kind: StaffImportKind) => STAFF_IMPORT_KIND_LABELS[kind];
