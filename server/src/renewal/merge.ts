import { eq, getTableColumns, getTableName, inArray, sql, type Column, type Table } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { mergeRefusal, parseAreaCenti, formatAreaCenti } from '@baotou/shared';
import type { Actor } from '../auth/actor';
import type { Db, DbOrTx, Tx } from '../db/client';
import { compounds, fundAccounts } from '../db/schema';
import { writeAudit } from '../audit/audit';
import { AppError, badRequest, conflict, forbidden, notFound } from '../http/errors';
import { regionAllows } from '../jurisdiction/scope';
import { COMPOUND_SCOPED_TABLES, moveCompoundRows } from '../places/compoundMove';
import { lockAccount } from '../fund/posting';

/**
 * Compound-scoped tables whose rows stay with the retired compound as its history when it is merged,
 * and why. Every other table of COMPOUND_SCOPED_TABLES (found in the schema, so a table added later
 * follows) moves with the homes: buildings, units, households, claims, fund ledgers, tickets, ….
 */
export const MERGE_KEEPS: Readonly<Record<string, string>> = {
  fund_accounts: "one account per management area: the source's ledgers and entries move into the receiving account, the emptied account stays",
  fund_applications: 'closed applications are the old account’s history (open ones refuse the merge)',
  votes: 'closed votes are decisions of the old owners’ assembly (open ones refuse the merge)',
  ballot_conflicts: 'belong to the old votes',
  committees: 'the old owners’ committee is history; the receiving area’s committee serves the merged homes',
  committee_members: 'members of the old committee',
  disclosures: 'published disclosures are never moved or changed',
  disclosure_flags: 'belong to the old disclosures',
  projects: 'the old service contract is history; the receiving area’s contract serves the merged homes',
  red_projects: 'a designation of the old compound for its year',
  renewal_surveys: 'the survey of the old compound is what justified the merge',
  quasi_enrolments: 'enrolments and assessments are of the old compound',
  quasi_assessments: 'assessments of the old compound’s enrolments',
  subsidy_lines: 'subsidy paid for the old compound',
  subsidy_usages: 'use of subsidy paid for the old compound',
  renovations: 'a renovation project of the old compound',
};

export const MERGED_TABLES: readonly Table[] = COMPOUND_SCOPED_TABLES.filter((t) => !(getTableName(t) in MERGE_KEEPS));

/** Statuses of a fund application that are over (anything else holds money or a vote in flight). */
const CLOSED_APPLICATION_STATUSES = ['disbursed', 'rejected'];

export interface Reconciliation {
  accountBalanceFen: number;
  ledgerSumFen: number;
  entrySumFen: number;
  differenceFen: number;
  mismatches: unknown[];
}
export type Reconcile = (db: DbOrTx, accountId: number) => Promise<Reconciliation>;

export interface MergeResult {
  sourceCompoundId: number;
  targetCompoundId: number;
  rows: Record<string, number>;
  /** Σ balances of both accounts before, and of the receiving account after: equal to the fen. */
  fund: { beforeFen: number; afterFen: number; accountId: number | null };
}

/**
 * Merges compound `sourceId` into `targetId`'s management area (DOMAIN.md §4), in one transaction:
 * district staff whose district holds the source (403 otherwise). Locks both compounds (id order, as the
 * compound move locks its row) and both fund accounts; refuses (mergeRefusal) into itself, across districts,
 * into or from a retired compound, or with open fund applications or votes (4xx, nothing changed).
 * Moves every compound-scoped row but MERGE_KEEPS to the target (building names that collide take the
 * source's name as a prefix), re-homes the fund ledgers and their entries into the target's account
 * (reconciled before and after: a difference throws and rolls back), adds the source's floor area to the
 * target, and retires the source (retired_into_compound_id, retired_at, the target's management mode). Audited as `merge` on the source.
 */
export async function mergeCompound(db: Db, actor: Actor, sourceId: number, targetId: number, reconcile: Reconcile): Promise<MergeResult> {
  return db.transaction(async (tx) => {
    const locked = await tx
      .select({
        id: compounds.id,
        name: compounds.name,
        regionCode: compounds.regionCode,
        totalArea: compounds.totalArea,
        managementMode: compounds.managementMode,
        retiredAt: compounds.retiredAt,
      })
      .from(compounds)
      .where(inArray(compounds.id, [sourceId, targetId]))
      .orderBy(compounds.id)
      .for('update');
    const source = locked.find((c) => c.id === sourceId);
    if (!source) throw notFound('小区');
    if (!regionAllows(actor, source.regionCode)) throw forbidden('OUT_OF_JURISDICTION', '无权合并管辖范围以外的小区');
    const target = locked.find((c) => c.id === targetId);
    if (!target) throw badRequest('VALIDATION_FAILED', '接收小区不存在', { targetCompoundId: '接收小区不存在' });

    const [open] = (
      await tx.execute(sql`SELECT (SELECT count(*)::int FROM fund_applications WHERE compound_id = ${sourceId} AND status NOT IN ${sql.raw(`('${CLOSED_APPLICATION_STATUSES.join("','")}')`)}) AS "fundApplications",
                                  (SELECT count(*)::int FROM votes WHERE compound_id = ${sourceId} AND status <> 'closed') AS votes`)
    ).rows as { fundApplications: number; votes: number }[];
    const refusal = mergeRefusal(source, target, { fundApplications: Number(open.fundApplications), votes: Number(open.votes) });
    if (refusal) {
      const status = refusal.code === 'MERGE_INTO_ITSELF' || refusal.code === 'MERGE_ACROSS_DISTRICTS' ? 400 : 409;
      throw new AppError(refusal.code, status, refusal.message, refusal.field ? { [refusal.field]: refusal.message } : undefined);
    }

    const fund = await mergeFund(tx, sourceId, targetId, reconcile);
    const rows: Record<string, number> = { ...fund.rows };
    await renameCollidingBuildings(tx, source, targetId);
    for (const table of MERGED_TABLES) {
      const cols = getTableColumns(table) as Record<string, Column>;
      const moved = await tx
        .update(table as PgTable)
        .set({ compoundId: targetId } as never)
        .where(eq(cols.compoundId, sourceId))
        .returning({ one: sql<number>`1` });
      rows[getTableName(table)] = moved.length;
    }
    // The moved rows take the receiving compound's region (and owners whose homes are all there follow): the move's own mechanism.
    if (source.regionCode !== target.regionCode) await moveCompoundRows(tx, actor, targetId, source.regionCode, target.regionCode);

    const areaCenti = (parseAreaCenti(source.totalArea) ?? 0) + (parseAreaCenti(target.totalArea) ?? 0);
    await tx
      .update(compounds)
      .set({ totalArea: formatAreaCenti(areaCenti), updatedAt: new Date() })
      .where(eq(compounds.id, targetId));
    const retiredAt = new Date();
    // The retired record takes the receiving area's management mode: its homes are managed as the target's now.
    await tx
      .update(compounds)
      .set({ retiredIntoCompoundId: targetId, retiredAt, managementMode: target.managementMode, updatedAt: retiredAt })
      .where(eq(compounds.id, sourceId));
    const result = { sourceCompoundId: sourceId, targetCompoundId: targetId, rows, fund: fund.summary };
    await writeAudit(tx, actor, {
      action: 'merge',
      entity: 'compounds',
      entityId: sourceId,
      before: { retiredIntoCompoundId: null, managementMode: source.managementMode, totalArea: source.totalArea, targetTotalArea: target.totalArea },
      after: {
        retiredIntoCompoundId: targetId,
        retiredAt,
        managementMode: target.managementMode,
        targetTotalArea: formatAreaCenti(areaCenti),
        rows,
        fund: fund.summary,
      },
      regionCode: source.regionCode,
    });
    return result;
  });
}

/** "1号楼" of the source next to the target's "1号楼": the moved one becomes "<source name>1号楼" (30 characters at most). */
async function renameCollidingBuildings(tx: Tx, source: { id: number; name: string }, targetId: number): Promise<void> {
  const clashes = await tx.execute(sql`
    UPDATE buildings b SET name = left(${source.name} || b.name, 30), updated_at = now()
     WHERE b.compound_id = ${source.id} AND EXISTS (SELECT 1 FROM buildings t WHERE t.compound_id = ${targetId} AND t.name = b.name)
     RETURNING b.name`);
  if (!clashes.rows.length) return;
  const [still] = (
    await tx.execute(
      sql`SELECT count(*)::int AS n FROM buildings b WHERE b.compound_id = ${source.id} AND EXISTS (SELECT 1 FROM buildings t WHERE t.compound_id = ${targetId} AND t.name = b.name)`,
    )
  ).rows as { n: number }[];
  if (Number(still.n) > 0) throw conflict('BUILDING_NAME_CONFLICT', '合并后楼栋名称重复，请先修改楼栋名称');
}

/**
 * The source's fund ledgers and their entries move into the target's account (both locked, id order,
 * as every posting locks its account), the balance moving with them; when the target has no account
 * the source's account itself becomes the target's. Reconciled before and after: Σ of both accounts'
 * balances, ledgers and entries is unchanged, and every reconciliation still balances.
 */
async function mergeFund(tx: Tx, sourceId: number, targetId: number, reconcile: Reconcile) {
  const accounts = await tx
    .select({ id: fundAccounts.id, compoundId: fundAccounts.compoundId })
    .from(fundAccounts)
    .where(inArray(fundAccounts.compoundId, [sourceId, targetId]))
    .orderBy(fundAccounts.id);
  for (const a of accounts) await lockAccount(tx, a.id);
  const from = accounts.find((a) => a.compoundId === sourceId);
  const to = accounts.find((a) => a.compoundId === targetId);
  const rows: Record<string, number> = {};
  const total = async (ids: number[]) => {
    let fen = 0;
    for (const id of ids) {
      const r = await reconcile(tx, id);
      if (r.differenceFen !== 0 || r.accountBalanceFen !== r.entrySumFen || r.mismatches.length) {
        throw conflict('FUND_NOT_RECONCILED', '维修资金账户对账不平，不能合并，请先核对账目');
      }
      fen += r.accountBalanceFen;
    }
    return fen;
  };
  const beforeFen = await total(accounts.map((a) => a.id));
  if (!from) return { rows, summary: { beforeFen, afterFen: beforeFen, accountId: to?.id ?? null } };
  if (!to) {
    await tx.update(fundAccounts).set({ compoundId: targetId, updatedAt: new Date() }).where(eq(fundAccounts.id, from.id));
    rows.fund_accounts = 1;
    return { rows, summary: { beforeFen, afterFen: await total([from.id]), accountId: from.id } };
  }
  rows.fund_ledgers_rehomed = (
    await tx.execute(sql`UPDATE fund_ledgers SET account_id = ${to.id}, updated_at = now() WHERE account_id = ${from.id} RETURNING 1`)
  ).rows.length;
  rows.fund_entries_rehomed = (await tx.execute(sql`UPDATE fund_entries SET account_id = ${to.id} WHERE account_id = ${from.id} RETURNING 1`)).rows.length;
  await tx.execute(
    sql`UPDATE fund_accounts SET balance_fen = balance_fen + (SELECT balance_fen FROM fund_accounts WHERE id = ${from.id}), updated_at = now() WHERE id = ${to.id}`,
  );
  await tx.execute(sql`UPDATE fund_accounts SET balance_fen = 0, updated_at = now() WHERE id = ${from.id}`);
  const afterFen = await total([from.id, to.id]);
  if (afterFen !== beforeFen) throw new Error(`merge would change the fund total: ${beforeFen} → ${afterFen}`);
  return { rows, summary: { beforeFen, afterFen, accountId: to.id } };
}
