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
import { auditLogs, companies, crossAppointments, partyMembers, partyOrgs } from '../db/schema';
import { writeAudit } from '../audit/audit';
import { conflict, notFound } from '../http/errors';
import { personalColumns } from '../places/owners';
import type { PersonalDataCipher } from '../places/personalData';
import { todayIso } from './scope';

/**
 * An import is two steps: upload → preview (every row checked, errors listed, nothing written),
 * then commit (valid rows, one transaction). Previews live in this process's memory for an hour,
 * keyed by an unguessable id and visible only to the uploader: the platform runs as one process
 * (ARCHITECTURE.md), and a lost preview only means uploading the sheet again.
 *
 * Commit policy: a sheet with bad rows commits only when the user confirms "import the valid rows
 * only" ({confirmValidOnly: true}); otherwise 409 and nothing is written.
 */
export type ImportStatus = 'validating' | 'ready' | 'committing' | 'committed' | 'failed';

interface ImportJob {
  id: string;
  kind: PartyImportKind;
  fileName: string;
  actorId: number;
  status: ImportStatus;
  createdAt: number;
  total: number;
  done: number;
  valid: { row: number; value: PartyImportValue }[];
  errors: { row: number; messages: string[] }[];
  committed: number;
  failure?: string;
}

const TTL_MS = 60 * 60 * 1000;
const MAX_JOBS = 50;
const CHUNK = 500;
const MAX_ERRORS_SHOWN = 2000;
const jobs = new Map<string, ImportJob>();

function sweep() {
  const now = Date.now();
  for (const [id, j] of jobs) if (now - j.createdAt > TTL_MS) jobs.delete(id);
  while (jobs.size >= MAX_JOBS) jobs.delete(jobs.keys().next().value!);
}

export function getJob(id: string, actor: Actor): ImportJob {
  const j = jobs.get(id);
  if (!j || j.actorId !== actor.id) throw notFound('导入批次');
  return j;
}

export function presentJob(j: ImportJob) {
  return {
    id: j.id,
    kind: j.kind,
    fileName: j.fileName,
    status: j.status,
    progress: { done: j.done, total: j.total },
    counts: { total: j.total, valid: j.valid.length, invalid: j.errors.length },
    errors: j.errors.slice(0, MAX_ERRORS_SHOWN),
    errorsTruncated: j.errors.length > MAX_ERRORS_SHOWN,
    committed: j.committed,
    ...(j.failure ? { failure: j.failure } : {}),
  };
}

/** What the registry holds, as the pure row rules need it. */
async function loadLookups(db: Db, kind: PartyImportKind, cipher: PersonalDataCipher): Promise<PartyImportLookups> {
  const q = async <T>(s: ReturnType<typeof sql>) => (await db.execute(s)).rows as T[];
  const [orgRows, companyRows, compoundRows, communityRows] = await Promise.all([
    q<{ id: number; name: string }>(sql`SELECT id, name FROM party_orgs`),
    q<{ id: number; name: string; communities: string[] | null }>(sql`SELECT c.id, c.name, array_agg(DISTINCT p.region_code) FILTER (WHERE p.region_code IS NOT NULL) AS communities FROM companies c LEFT JOIN projects p ON p.company_id = c.id GROUP BY c.id`),
    q<{ id: number; code: string; region_code: string }>(sql`SELECT id, code, region_code FROM compounds`),
    q<{ code: string }>(sql`SELECT code FROM regions WHERE level = 'community'`),
  ]);
  const companiesById = new Map(companyRows.map((c) => [c.id, c.communities ?? []]));
  const memberKeys = new Set<string>();
  const members: PartyImportLookups['members'] = new Map();
  if (kind !== 'orgs') {
    const orgName = new Map(orgRows.map((o) => [o.id, o.name]));
    const rows = await q<{ id: number; name: string; org_id: number; role: any; phone_hash: string | null; phone_enc: string | null; region_code: string; employer_company_id: number | null; compound_region: string | null }>(
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
          { id: m.id, role: m.role, compoundCommunity: m.compound_region, regionCode: m.region_code, employerCommunities: m.employer_company_id ? (companiesById.get(m.employer_company_id) ?? []) : [] },
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

/** Starts checking the rows in the background, a chunk at a time, so progress can be polled. */
export function startImport(db: Db, cipher: PersonalDataCipher, actor: Actor, kind: PartyImportKind, fileName: string, rows: Record<string, string>[], rowNumbers: number[]): ImportJob {
  sweep();
  const job: ImportJob = { id: randomUUID(), kind, fileName, actorId: actor.id, status: 'validating', createdAt: Date.now(), total: rows.length, done: 0, valid: [], errors: [], committed: 0 };
  jobs.set(job.id, job);
  void (async () => {
    try {
      const validate = createPartyRowValidator(kind, await loadLookups(db, kind, cipher));
      for (let i = 0; i < rows.length; i += CHUNK) {
        const end = Math.min(rows.length, i + CHUNK);
        for (let k = i; k < end; k++) {
          const r = validate(rows[k]);
          // Row numbers as Excel shows them.
          if (r.ok) job.valid.push({ row: rowNumbers[k], value: r.value });
          else job.errors.push({ row: rowNumbers[k], messages: r.errors });
        }
        job.done = end;
        await new Promise((resolve) => setImmediate(resolve));
      }
      job.status = 'ready';
    } catch (err) {
      job.status = 'failed';
      job.failure = '校验失败，请重新上传';
      console.error(err);
    }
  })();
  return job;
}

/** Writes rows and their audit entries in batches (one audit row per registry row, ciphertexts left out). */
async function insertBatch(tx: Tx, actor: Actor, entity: string, table: typeof partyMembers | typeof crossAppointments, values: Record<string, unknown>[]) {
  let n = 0;
  for (let i = 0; i < values.length; i += 2000) {
    const batch = values.slice(i, i + 2000);
    const ids = (await tx.insert(table as typeof partyMembers).values(batch as never).returning({ id: table.id })) as { id: number }[];
    await tx.insert(auditLogs).values(
      ids.map(({ id }, k) => {
        const { phoneEnc: _e, phoneHash: _h, ...after } = batch[k];
        return { actorId: actor.id, actorName: actor.name, action: 'import', entity, entityId: String(id), after: { id, ...after }, regionCode: after.regionCode as string };
      }),
    );
    n += ids.length;
  }
  return n;
}

export async function commitImport(db: Db, cipher: PersonalDataCipher, actor: Actor, id: string, confirmValidOnly: boolean) {
  const job = getJob(id, actor);
  if (job.status === 'validating') throw conflict('IMPORT_NOT_READY', '文件仍在校验中，请稍候');
  if (job.status === 'committed' || job.status === 'committing') throw conflict('IMPORT_ALREADY_COMMITTED', '该批次已导入，不能重复导入');
  if (job.status === 'failed') throw conflict('IMPORT_FAILED', job.failure ?? '该批次校验失败，请重新上传');
  if (job.valid.length === 0) throw conflict('IMPORT_NOTHING_VALID', '没有可导入的正确行，请修正后重新上传');
  if (job.errors.length > 0 && !confirmValidOnly) {
    throw conflict('IMPORT_HAS_ERRORS', `表中有${job.errors.length}行错误：请修正后重新上传，或确认只导入正确的${job.valid.length}行`);
  }
  job.status = 'committing';
  try {
    const count = await db.transaction(async (tx) => {
      let n = 0;
      if (job.kind === 'orgs') n = await commitOrgs(tx, actor, job.valid.map((v) => v.value as PartyOrgImportValue));
      if (job.kind === 'members') {
        const orgRegion = new Map((await tx.select({ id: partyOrgs.id, regionCode: partyOrgs.regionCode }).from(partyOrgs)).map((o) => [o.id, o.regionCode]));
        const compoundRegion = new Map(((await tx.execute(sql`SELECT id, region_code FROM compounds`)).rows as { id: number; region_code: string }[]).map((c) => [c.id, c.region_code]));
        const companyRegion = new Map((await tx.select({ id: companies.id, regionCode: companies.regionCode }).from(companies)).map((c) => [c.id, c.regionCode]));
        const values = job.valid.map(({ value }) => {
          const m = value as PartyMemberImportValue;
          const regionCode = m.role === 'community_worker' ? m.regionCode! : ((m.compoundId && compoundRegion.get(m.compoundId)) || (m.employerCompanyId && companyRegion.get(m.employerCompanyId)) || orgRegion.get(m.orgId!)!);
          return { name: m.name, gender: m.gender, joinedOn: m.joinedOn, orgId: m.orgId!, role: m.role, employerCompanyId: m.employerCompanyId, compoundId: m.compoundId, regionCode, ...personalColumns(cipher, m.phone, undefined) };
        });
        n = await insertBatch(tx, actor, 'party-members', partyMembers, values);
      }
      if (job.kind === 'cross_appointments') {
        const values = job.valid.map(({ value }) => {
          const a = value as CrossAppointmentImportValue;
          return { memberId: a.memberId, kind: a.kind, regionCode: a.communityCode, compoundId: a.compoundId, startDate: a.startDate, endDate: a.endDate };
        });
        n = await insertBatch(tx, actor, 'cross-appointments', crossAppointments, values);
      }
      await writeAudit(tx, actor, { action: 'import_commit', entity: 'party-imports', entityId: job.id.slice(0, 36), after: { kind: job.kind, fileName: job.fileName, committed: n, skippedRows: job.errors.map((e) => e.row).slice(0, 200) }, regionCode: actor.regionCode });
      return n;
    });
    job.status = 'committed';
    job.committed = count;
    return presentJob(job);
  } catch (err) {
    job.status = 'ready';
    throw err;
  }
}

/** Organisations go in row order, so a parent named earlier in the sheet gets its id first. */
async function commitOrgs(tx: Tx, actor: Actor, rows: PartyOrgImportValue[]): Promise<number> {
  const ids = new Map(((await tx.execute(sql`SELECT id, name FROM party_orgs`)).rows as { id: number; name: string }[]).map((o) => [o.name, o.id]));
  const compoundRegion = new Map(((await tx.execute(sql`SELECT id, region_code FROM compounds`)).rows as { id: number; region_code: string }[]).map((c) => [c.id, c.region_code]));
  const companyRegion = new Map((await tx.select({ id: companies.id, regionCode: companies.regionCode }).from(companies)).map((c) => [c.id, c.regionCode]));
  for (const o of rows) {
    const regionCode = (o.compoundId && compoundRegion.get(o.compoundId)) || (o.companyId && companyRegion.get(o.companyId)) || o.regionCode || actor.regionCode || '150200';
    const [row] = await tx
      .insert(partyOrgs)
      .values({ type: o.type, setting: o.setting, name: o.name, parentId: o.parentName ? ids.get(o.parentName)! : null, secretaryName: o.secretaryName, foundedOn: o.foundedOn, memberCount: o.memberCount, companyId: o.companyId, compoundId: o.compoundId, regionCode })
      .returning();
    ids.set(o.name, row.id);
    await writeAudit(tx, actor, { action: 'import', entity: 'party-orgs', entityId: row.id, after: row, regionCode: row.regionCode });
    if (o.staffCount !== null && o.companyId) {
      const [before] = await tx.select({ staffCount: companies.staffCount }).from(companies).where(eq(companies.id, o.companyId));
      await tx.update(companies).set({ staffCount: o.staffCount, updatedAt: new Date() }).where(eq(companies.id, o.companyId));
      await writeAudit(tx, actor, { action: 'import', entity: 'companies', entityId: o.companyId, before, after: { staffCount: o.staffCount }, regionCode: companyRegion.get(o.companyId) });
    }
  }
  return rows.length;
}
