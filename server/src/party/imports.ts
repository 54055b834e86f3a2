import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import {
  createPartyRowValidator,
  partyMemberKey,
  type CrossAppointmentImportValue,
  type PartyImportKind,
  type PartyImportLookups,
  type PartyImportValue,
  type PartyMemberImportValue,
  type PartyOrgImportValue,
} from '@baotou/shared';
import type { Actor } from '../auth/actor';
import type { Db, Tx } from '../db/client';
import { auditLogs, companies, crossAppointments, partyImports, partyMembers, partyOrgs } from '../db/schema';
import { writeAudit } from '../audit/audit';
import { conflict, notFound } from '../http/errors';
import { personalColumns } from '../places/owners';
import type { PersonalDataCipher } from '../places/personalData';
import { todayIso } from './scope';

/**
 * An import is two steps: upload → preview (every row checked in the background with progress,
 * errors listed, nothing written to the registry), then commit (valid rows, one transaction). The
 * preview — checked rows with phones already encrypted, and the report — is a party_imports row, so
 * any server process can show or commit it and a restart loses nothing (issue 15, as the workforce
 * imports of issue 12). Only the uploader sees or commits it; previews are kept a day.
 *
 * Commit policy: a sheet with bad rows commits only when the user confirms "import the valid rows
 * only" ({confirmValidOnly: true}); otherwise 409 and nothing is written. The commit claims the
 * preview (status 'ready' → 'committed') with one conditional UPDATE inside its transaction, so a
 * preview is committed at most once however many requests race, on however many processes.
 */
export type ImportStatus = 'validating' | 'ready' | 'committing' | 'committed' | 'failed';

const CHUNK = 500;
const PROGRESS_MS = 300;
const MAX_ERRORS_SHOWN = 2000;
/** A preview still 'validating' with no progress for this long lost its process (killed, restarted). */
const STALLED_MINUTES = 10;

const validId = (id: string) => /^[0-9a-f-]{36}$/.test(id);

/** The report of an import (without its checked rows); 404 to anyone but the uploader. */
export async function readImport(db: Db | Tx, actor: Actor, id: string) {
  if (!validId(id)) throw notFound('导入批次');
  const { rows } = await db.execute(sql`
    SELECT id, kind, file_name, total, done, committed, actor_id,
           CASE WHEN status = 'validating' AND updated_at < now() - make_interval(mins => ${STALLED_MINUTES}) THEN 'failed' ELSE status END AS status,
           CASE WHEN status = 'validating' AND updated_at < now() - make_interval(mins => ${STALLED_MINUTES}) THEN '校验中断，请重新上传' ELSE failure END AS failure,
           jsonb_array_length(valid)::int AS valid_count, jsonb_array_length(errors)::int AS error_count,
           (SELECT coalesce(jsonb_agg(e), '[]'::jsonb) FROM (SELECT e FROM jsonb_array_elements(errors) e LIMIT ${MAX_ERRORS_SHOWN}) x) AS errors
      FROM party_imports WHERE id = ${id}`);
  const r = rows[0] as
    | {
        id: string;
        kind: PartyImportKind;
        file_name: string;
        status: ImportStatus;
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
    progress: { done: r.done, total: r.total },
    counts: { total: r.total, valid: r.valid_count, invalid: r.error_count },
    errors: r.errors,
    errorsTruncated: r.error_count > MAX_ERRORS_SHOWN,
    committed: r.committed,
    ...(r.failure ? { failure: r.failure } : {}),
  };
}
export type ImportReport = Awaited<ReturnType<typeof readImport>>;

/** What the registry holds, as the pure row rules need it. */
async function loadLookups(db: Db, kind: PartyImportKind, cipher: PersonalDataCipher): Promise<PartyImportLookups> {
  const q = async <T>(s: ReturnType<typeof sql>) => (await db.execute(s)).rows as T[];
  const [orgRows, companyRows, compoundRows, communityRows] = await Promise.all([
    q<{ id: number; name: string }>(sql`SELECT id, name FROM party_orgs`),
    q<{ id: number; name: string; communities: string[] | null }>(
      sql`SELECT c.id, c.name, array_agg(DISTINCT p.region_code) FILTER (WHERE p.region_code IS NOT NULL) AS communities FROM companies c LEFT JOIN projects p ON p.company_id = c.id GROUP BY c.id`,
    ),
    q<{ id: number; code: string; region_code: string }>(sql`SELECT id, code, region_code FROM compounds`),
    q<{ code: string }>(sql`SELECT code FROM regions WHERE level = 'community'`),
  ]);
  const companiesById = new Map(companyRows.map((c) => [c.id, c.communities ?? []]));
  const memberKeys = new Set<string>();
  const members: PartyImportLookups['members'] = new Map();
  if (kind !== 'orgs') {
    const orgName = new Map(orgRows.map((o) => [o.id, o.name]));
    const rows = await q<{
      id: number;
      name: string;
      org_id: number;
      role: any;
      phone_hash: string | null;
      phone_enc: string | null;
      region_code: string;
      employer_company_id: number | null;
      compound_region: string | null;
    }>(
      sql`SELECT m.id, m.name, m.org_id, m.role, m.phone_hash, m.phone_enc, m.region_code, m.employer_company_id, c.region_code AS compound_region FROM party_members m LEFT JOIN compounds c ON c.id = m.compound_id`,
    );
    for (const m of rows) {
      // A row a key rotation has not reached yet keeps an index under the old key: compare under the active one.
      const phoneKey = m.phone_enc && !cipher.isCurrent(m.phone_enc) ? cipher.hash(cipher.decrypt(m.phone_enc)) : m.phone_hash;
      memberKeys.add(partyMemberKey(m.name, phoneKey, m.org_id));
      if (kind === 'cross_appointments') {
        const key = `${m.name}|${orgName.get(m.org_id)}`;
        members.set(key, [
          ...(members.get(key) ?? []),
          {
            id: m.id,
            role: m.role,
            compoundCommunity: m.compound_region,
            regionCode: m.region_code,
            employerCommunities: m.employer_company_id ? (companiesById.get(m.employer_company_id) ?? []) : [],
          },
        ]);
      }
    }
  }
  return {
    today: todayIso(),
    orgs: new Map(orgRows.map((o) => [o.name, { id: o.id }])),
    companies: new Map(companyRows.map((c) => [c.name, { id: c.id, communities: c.communities ?? [] }])),
    compounds: new Map(compoundRows.map((c) => [c.code.toUpperCase(), { id: c.id, regionCode: c.region_code }])),
    communities: new Set(communityRows.map((r) => r.code)),
    memberKeys,
    members,
    phoneKey: (p) => cipher.hash(p),
  };
}

/** Stores the upload as an import being checked and checks its rows in the background, a chunk at a time; returns its report. */
export async function startImport(
  db: Db,
  cipher: PersonalDataCipher,
  actor: Actor,
  kind: PartyImportKind,
  fileName: string,
  rows: Record<string, string>[],
  rowNumbers: number[],
): Promise<ImportReport> {
  const id = randomUUID();
  // Previews hold checked rows (phones encrypted) only as long as a person needs to confirm them.
  await db.execute(sql`DELETE FROM party_imports WHERE created_at < now() - interval '1 day'`);
  await db.insert(partyImports).values({
    id,
    kind,
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
      const validate = createPartyRowValidator(kind, await loadLookups(db, kind, cipher));
      const valid: { row: number; value: Record<string, unknown> }[] = [];
      const errors: { row: number; messages: string[] }[] = [];
      let reported = Date.now();
      for (let i = 0; i < rows.length; i += CHUNK) {
        const end = Math.min(rows.length, i + CHUNK);
        for (let k = i; k < end; k++) {
          const r = validate(rows[k]);
          // Row numbers as Excel shows them.
          if (r.ok) valid.push({ row: rowNumbers[k], value: stored(cipher, kind, r.value) });
          else errors.push({ row: rowNumbers[k], messages: r.errors });
        }
        // Progress for pollers on any process, written at most every PROGRESS_MS (a write per chunk cost seconds on 20,000 rows).
        if (Date.now() - reported >= PROGRESS_MS) {
          await db.update(partyImports).set({ done: end, updatedAt: new Date() }).where(eq(partyImports.id, id));
          reported = Date.now();
        } else await new Promise((resolve) => setImmediate(resolve));
      }
      await db.execute(
        sql`UPDATE party_imports SET status = 'ready', done = total, valid = ${JSON.stringify(valid)}::jsonb, errors = ${JSON.stringify(errors)}::jsonb, updated_at = now() WHERE id = ${id}`,
      );
    } catch (err) {
      console.error(err);
      await db
        .update(partyImports)
        .set({ status: 'failed', failure: '校验失败，请重新上传', updatedAt: new Date() })
        .where(eq(partyImports.id, id))
        .catch(() => undefined);
    }
  })();
  return readImport(db, actor, id);
}

/** A checked row as the preview keeps it: a member's phone encrypted (no plain personal data at rest). */
function stored(cipher: PersonalDataCipher, kind: PartyImportKind, value: PartyImportValue): Record<string, unknown> {
  if (kind !== 'members') return { ...value };
  const { phone, ...rest } = value as PartyMemberImportValue;
  return { ...rest, ...personalColumns(cipher, phone, undefined) };
}

/** Writes rows and their audit entries in batches (one audit row per registry row, ciphertexts left out). */
async function insertBatch(tx: Tx, actor: Actor, entity: string, table: typeof partyMembers | typeof crossAppointments, values: Record<string, unknown>[]) {
  let n = 0;
  for (let i = 0; i < values.length; i += 2000) {
    const batch = values.slice(i, i + 2000);
    const ids = (await tx
      .insert(table as typeof partyMembers)
      .values(batch as never)
      .returning({ id: table.id })) as { id: number }[];
    await tx.insert(auditLogs).values(
      ids.map(({ id }, k) => {
        const { phoneEnc: _e, phoneHash: _h, ...after } = batch[k];
        return {
          actorId: actor.id,
          actorName: actor.name,
          action: 'import',
          entity,
          entityId: String(id),
          after: { id, ...after },
          regionCode: after.regionCode as string,
        };
      }),
    );
    n += ids.length;
  }
  return n;
}

type StoredMember = Omit<PartyMemberImportValue, 'phone'> & { phoneEnc: string | null; phoneHash: string | null; phoneMasked: string | null };

export async function commitImport(db: Db, actor: Actor, id: string, confirmValidOnly: boolean): Promise<ImportReport> {
  const job = await readImport(db, actor, id);
  if (job.status === 'validating') throw conflict('IMPORT_NOT_READY', '文件仍在校验中，请稍候');
  if (job.status === 'committed' || job.status === 'committing') throw conflict('IMPORT_ALREADY_COMMITTED', '该批次已导入，不能重复导入');
  if (job.status === 'failed') throw conflict('IMPORT_FAILED', job.failure ?? '该批次校验失败，请重新上传');
  if (job.counts.valid === 0) throw conflict('IMPORT_NOTHING_VALID', '没有可导入的正确行，请修正后重新上传');
  if (job.counts.invalid > 0 && !confirmValidOnly) {
    throw conflict('IMPORT_HAS_ERRORS', `表中有${job.counts.invalid}行错误：请修正后重新上传，或确认只导入正确的${job.counts.valid}行`);
  }
  await db.transaction(async (tx) => {
    // The claim: a racing commit (here or on another process) waits on this row, then finds it taken.
    const { rows } = await tx.execute(sql`
      UPDATE party_imports SET status = 'committed', updated_at = now() WHERE id = ${id} AND actor_id = ${actor.id} AND status = 'ready'
      RETURNING valid, (SELECT coalesce(jsonb_agg(e->'row'), '[]'::jsonb) FROM (SELECT e FROM jsonb_array_elements(errors) e LIMIT 200) x) AS skipped`);
    const claimed = rows[0] as { valid: { row: number; value: Record<string, unknown> }[]; skipped: number[] } | undefined;
    if (!claimed) throw conflict('IMPORT_ALREADY_COMMITTED', '该批次已导入，不能重复导入');
    const valid = claimed.valid.map((v) => v.value);
    let n = 0;
    if (job.kind === 'orgs') n = await commitOrgs(tx, actor, valid as unknown as PartyOrgImportValue[]);
    if (job.kind === 'members') {
      const orgRegion = new Map((await tx.select({ id: partyOrgs.id, regionCode: partyOrgs.regionCode }).from(partyOrgs)).map((o) => [o.id, o.regionCode]));
      const compoundRegion = new Map(
        ((await tx.execute(sql`SELECT id, region_code FROM compounds`)).rows as { id: number; region_code: string }[]).map((c) => [c.id, c.region_code]),
      );
      const companyRegion = new Map((await tx.select({ id: companies.id, regionCode: companies.regionCode }).from(companies)).map((c) => [c.id, c.regionCode]));
      const values = (valid as unknown as StoredMember[]).map((m) => {
        const regionCode =
          m.role === 'community_worker'
            ? m.regionCode!
            : (m.compoundId && compoundRegion.get(m.compoundId)) || (m.employerCompanyId && companyRegion.get(m.employerCompanyId)) || orgRegion.get(m.orgId!)!;
        return {
          name: m.name,
          gender: m.gender,
          joinedOn: m.joinedOn,
          orgId: m.orgId!,
          role: m.role,
          employerCompanyId: m.employerCompanyId,
          compoundId: m.compoundId,
          regionCode,
          phoneEnc: m.phoneEnc,
          phoneHash: m.phoneHash,
          phoneMasked: m.phoneMasked,
        };
      });
      n = await insertBatch(tx, actor, 'party-members', partyMembers, values);
    }
    if (job.kind === 'cross_appointments') {
      const values = (valid as unknown as CrossAppointmentImportValue[]).map((a) => ({
        memberId: a.memberId,
        kind: a.kind,
        regionCode: a.communityCode,
        compoundId: a.compoundId,
        startDate: a.startDate,
        endDate: a.endDate,
      }));
      n = await insertBatch(tx, actor, 'cross-appointments', crossAppointments, values);
    }
    await tx.update(partyImports).set({ committed: n, done: job.counts.total }).where(eq(partyImports.id, id));
    await writeAudit(tx, actor, {
      action: 'import_commit',
      entity: 'party-imports',
      entityId: id,
      after: { kind: job.kind, fileName: job.fileName, committed: n, skippedRows: claimed.skipped },
      regionCode: actor.regionCode,
    });
  });
  return readImport(db, actor, id);
}

/** Organisations go in row order, so a parent named earlier in the sheet gets its id first. */
async function commitOrgs(tx: Tx, actor: Actor, rows: PartyOrgImportValue[]): Promise<number> {
  const ids = new Map(((await tx.execute(sql`SELECT id, name FROM party_orgs`)).rows as { id: number; name: string }[]).map((o) => [o.name, o.id]));
  const compoundRegion = new Map(
    ((await tx.execute(sql`SELECT id, region_code FROM compounds`)).rows as { id: number; region_code: string }[]).map((c) => [c.id, c.region_code]),
  );
  const companyRegion = new Map((await tx.select({ id: companies.id, regionCode: companies.regionCode }).from(companies)).map((c) => [c.id, c.regionCode]));
  for (const o of rows) {
    const regionCode =
      (o.compoundId && compoundRegion.get(o.compoundId)) || (o.companyId && companyRegion.get(o.companyId)) || o.regionCode || actor.regionCode || '150200';
    const [row] = await tx
      .insert(partyOrgs)
      .values({
        type: o.type,
        setting: o.setting,
        name: o.name,
        parentId: o.parentName ? ids.get(o.parentName)! : null,
        secretaryName: o.secretaryName,
        foundedOn: o.foundedOn,
        memberCount: o.memberCount,
        companyId: o.companyId,
        compoundId: o.compoundId,
        regionCode,
      })
      .returning();
    ids.set(o.name, row.id);
    await writeAudit(tx, actor, { action: 'import', entity: 'party-orgs', entityId: row.id, after: row, regionCode: row.regionCode });
    if (o.staffCount !== null && o.companyId) {
      const [before] = await tx.select({ staffCount: companies.staffCount }).from(companies).where(eq(companies.id, o.companyId));
      await tx.update(companies).set({ staffCount: o.staffCount, updatedAt: new Date() }).where(eq(companies.id, o.companyId));
      await writeAudit(tx, actor, {
        action: 'import',
        entity: 'companies',
        entityId: o.companyId,
        before,
        after: { staffCount: o.staffCount },
        regionCode: companyRegion.get(o.companyId),
      });
    }
  }
  return rows.length;
}
