import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import {
  createStaffRowValidator,
  createTrainingRowValidator,
  STAFF_IMPORT_KIND_LABELS,
  type StaffImportKind,
  type StaffImportValue,
  type TrainingImportValue,
} from '@baotou/shared';
import type { Actor } from '../auth/actor';
import type { Db, Tx } from '../db/client';
import { auditLogs, staff, staffImports, trainings } from '../db/schema';
import { writeAudit } from '../audit/audit';
import { conflict, notFound } from '../http/errors';
import { personalColumns } from '../places/owners';
import type { PersonalDataCipher } from '../places/personalData';
import { beijingDate } from '../jurisdiction/scope';
import { earliestExpiry } from './staffResource';

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

type ImportRow = typeof staffImports.$inferSelect;

/** The report of an import (without its checked rows). */
export async function readImport(db: Db, actor: Actor, id: string) {
  if (!/^[0-9a-f-]{36}$/.test(id)) throw notFound('导入批次');
  const { rows } = await db.execute(sql`
    SELECT id, kind, file_name, status, total, done, committed, failure, actor_id,
           jsonb_array_length(valid)::int AS valid_count, jsonb_array_length(errors)::int AS error_count,
           (SELECT coalesce(jsonb_agg(e), '[]'::jsonb) FROM (SELECT e FROM jsonb_array_elements(errors) e LIMIT ${MAX_ERRORS_SHOWN}) x) AS errors
      FROM staff_imports WHERE id = ${id}`);
  const r = rows[0] as
    | { id: string; kind: StaffImportKind; file_name: string; status: string; total: number; done: number; committed: number; failure: string | null; actor_id: number; valid_count: number; error_count: number; errors: { row: number; messages: string[] }[] }
    | undefined;
  if (!r || r.actor_id !== actor.id) throw notFound('导入批次');
  return {
    id: r.id,
    kind: r.kind,
    fileName: r.file_name,
    status: r.status,
    progress: { done: r.status === 'committing' || r.status === 'committed' ? r.committed : r.done, total: r.status === 'committing' || r.status === 'committed' ? r.valid_count : r.total },
    counts: { total: r.total, valid: r.valid_count, invalid: r.error_count },
    errors: r.errors,
    errorsTruncated: r.error_count > MAX_ERRORS_SHOWN,
    committed: r.committed,
    ...(r.failure ? { failure: r.failure } : {}),
  };
}

async function validateRows(db: Db, cipher: PersonalDataCipher, companyId: number, kind: StaffImportKind, rows: Record<string, string>[], rowNumbers: number[], onProgress: (done: number) => Promise<void>) {
  const today = beijingDate();
  const q = async <T>(s: ReturnType<typeof sql>) => (await db.execute(s)).rows as T[];
  let validate: (row: Record<string, string>) => { ok: true; value: Record<string, unknown> } | { ok: false; errors: string[] };
  if (kind === 'staff') {
    const [nos, projects] = await Promise.all([
      q<{ staff_no: string }>(sql`SELECT staff_no FROM staff WHERE company_id = ${companyId}`),
      q<{ id: number; code: string }>(sql`SELECT p.id, c.code FROM projects p JOIN compounds c ON c.id = p.compound_id WHERE p.company_id = ${companyId} ORDER BY p.end_date DESC`),
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
      q<{ id: number; staff_no: string; hired_on: string; left_on: string | null }>(sql`SELECT id, staff_no, hired_on::text, left_on::text FROM staff WHERE company_id = ${companyId}`),
      q<{ staff_id: number; day: string; tenths: number }>(sql`SELECT staff_id, trained_on::text AS day, sum(hours_tenths)::int AS tenths FROM trainings WHERE company_id = ${companyId} GROUP BY 1, 2`),
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
export async function startImport(db: Db, cipher: PersonalDataCipher, actor: Actor, kind: StaffImportKind, fileName: string, rows: Record<string, string>[], rowNumbers: number[]) {
  const id = randomUUID();
  const companyId = actor.companyId!;
  await db.insert(staffImports).values({ id, kind, companyId, actorId: actor.id, fileName: fileName.slice(0, 200), status: 'validating', total: rows.length, done: 0, committed: 0, valid: [], errors: [] });
  void (async () => {
    try {
      const { valid, errors } = await validateRows(db, cipher, companyId, kind, rows, rowNumbers, async (done) => {
        await db.update(staffImports).set({ done, updatedAt: new Date() }).where(eq(staffImports.id, id));
      });
      await db.execute(sql`UPDATE staff_imports SET status = 'ready', done = total, valid = ${JSON.stringify(valid)}::jsonb, errors = ${JSON.stringify(errors)}::jsonb, updated_at = now() WHERE id = ${id}`);
    } catch (err) {
      console.error(err);
      await db.update(staffImports).set({ status: 'failed', failure: '校验失败，请重新上传', updatedAt: new Date() }).where(eq(staffImports.id, id)).catch(() => undefined);
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
  const claimed = await db.execute(sql`UPDATE staff_imports SET status = 'committing', committed = 0, failure = NULL, updated_at = now() WHERE id = ${id} AND actor_id = ${actor.id} AND status = 'ready' RETURNING id`);
  if (!claimed.rows.length) throw conflict('IMPORT_ALREADY_COMMITTED', '该批次已导入，不能重复导入');
  void runCommit(db, actor, id).catch(async (err) => {
    const known = err instanceof Error && 'status' in err && (err as { status: number }).status < 500;
    if (!known) log(err);
    const failure = known ? (err as Error).message : '导入失败：登记数据在预览后发生了变化，请重新上传';
    await db.execute(sql`UPDATE staff_imports SET status = 'failed', failure = ${failure}, committed = 0, updated_at = now() WHERE id = ${id}`).catch(() => undefined);
  });
  return readImport(db, actor, id);
}

async function runCommit(db: Db, actor: Actor, id: string) {
  const [imp] = (await db.select().from(staffImports).where(eq(staffImports.id, id))) as ImportRow[];
  const progress = (n: number) => {
    // Outside the transaction, so a poll sees it; harmless if it lands after the commit (status no longer matches).
    void db.execute(sql`UPDATE staff_imports SET committed = GREATEST(committed, ${n}) WHERE id = ${id} AND status = 'committing'`).catch(() => undefined);
  };
  await db.transaction(async (tx) => {
    const n = imp.kind === 'staff' ? await commitStaff(tx, actor, imp, progress) : await commitTrainings(tx, actor, imp, progress);
    await writeAudit(tx, actor, {
      action: 'import_commit',
      entity: 'staff-imports',
      entityId: id,
      after: { kind: imp.kind, fileName: imp.fileName, committed: n, skippedRows: imp.errors.map((e) => e.row).slice(0, 200) },
      regionCode: actor.regionCode ?? null,
    });
    await tx.update(staffImports).set({ status: 'committed', committed: n, updatedAt: new Date() }).where(eq(staffImports.id, id));
  });
}

async function insertWithAudit(tx: Tx, actor: Actor, entity: 'staff' | 'trainings', values: Record<string, unknown>[], progress: (n: number) => void) {
  const table = entity === 'staff' ? staff : trainings;
  let n = 0;
  for (let i = 0; i < values.length; i += BATCH) {
    const batch = values.slice(i, i + BATCH);
    const ids = (await tx.insert(table as typeof staff).values(batch as never).returning({ id: table.id })) as { id: number }[];
    await tx.insert(auditLogs).values(
      ids.map(({ id }, k) => {
        const { phoneEnc: _e, phoneHash: _h, ...after } = batch[k];
        return { actorId: actor.id, actorName: actor.name, action: 'import', entity, entityId: String(id), after: { id, ...after }, regionCode: after.regionCode as string, ip: actor.ip?.slice(0, 45) ?? null, userAgent: actor.userAgent?.slice(0, 200) ?? null };
      }),
    );
    n += ids.length;
    progress(n);
  }
  return n;
}

async function commitStaff(tx: Tx, actor: Actor, imp: ImportRow, progress: (n: number) => void) {
  const regions = new Map(
    ((await tx.execute(sql`SELECT p.id, p.region_code FROM projects p WHERE p.company_id = ${imp.companyId}`)).rows as { id: number; region_code: string }[]).map((p) => [p.id, p.region_code]),
  );
  const [company] = (await tx.execute(sql`SELECT region_code FROM companies WHERE id = ${imp.companyId}`)).rows as { region_code: string }[];
  const taken = await tx.execute(sql`SELECT staff_no FROM staff WHERE company_id = ${imp.companyId} AND staff_no IN ${imp.valid.map((v) => (v.value as unknown as StaffImportValue).staffNo)}`);
  if (taken.rows.length) throw conflict('STAFF_NO_TAKEN', `工号“${(taken.rows[0] as { staff_no: string }).staff_no}”在预览后已被登记：请重新上传`);
  const values = imp.valid.map(({ value }) => {
    const v = value as unknown as StaffImportValue & Record<string, unknown>;
    return {
      companyId: imp.companyId,
      projectId: v.projectId,
      regionCode: (v.projectId && regions.get(v.projectId)) || company.region_code,
      staffNo: v.staffNo,
      name: v.name,
      post: v.post,
      specialist: v.specialist,
      hiredOn: v.hiredOn,
      leftOn: v.leftOn,
      phoneEnc: v.phoneEnc ?? null,
      phoneHash: v.phoneHash ?? null,
      phoneMasked: v.phoneMasked ?? null,
      certificates: v.certificates,
      certificateExpiresOn: earliestExpiry(v.certificates),
    };
  });
  return insertWithAudit(tx, actor, 'staff', values, progress);
}

async function commitTrainings(tx: Tx, actor: Actor, imp: ImportRow, progress: (n: number) => void) {
  const rows = imp.valid.map((v) => v.value as unknown as TrainingImportValue);
  const ids = [...new Set(rows.map((r) => r.staffId))];
  // Lock the people, then check again what the preview checked: still on this company's staff, within employment.
  const people = new Map(
    ((await tx.execute(sql`SELECT id, company_id, region_code, hired_on::text, left_on::text FROM staff WHERE id IN ${ids} ORDER BY id FOR UPDATE`)).rows as { id: number; company_id: number; region_code: string; hired_on: string; left_on: string | null }[]).map((p) => [p.id, p]),
  );
  const values = rows.map((r) => {
    const p = people.get(r.staffId);
    if (!p || p.company_id !== imp.companyId || r.trainedOn < p.hired_on || (p.left_on && r.trainedOn > p.left_on)) {
      throw conflict('IMPORT_STALE', '员工名册在预览后发生了变化：请重新上传');
    }
    return { staffId: r.staffId, companyId: imp.companyId, regionCode: p.region_code, kind: r.kind, course: r.course, provider: r.provider, hoursTenths: r.hoursTenths, trainedOn: r.trainedOn, certificateNo: r.certificateNo, evidence: r.evidence };
  });
  const n = await insertWithAudit(tx, actor, 'trainings', values, progress);
  const over = await tx.execute(sql`SELECT 1 FROM trainings WHERE staff_id IN ${ids} GROUP BY staff_id, trained_on HAVING sum(hours_tenths) > 240 LIMIT 1`);
  if (over.rows.length) throw conflict('TRAINING_DAY_OVER_24H', '有员工某天的培训学时合计超过24小时（预览后又登记了培训）：请重新上传');
  return n;
}

export const importKindLabel = (kind: StaffImportKind) => STAFF_IMPORT_KIND_LABELS[kind];
