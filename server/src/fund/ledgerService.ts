import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { FundSettings } from '@baotou/config';
import { apportionFen, earningsPeriodRefusal, firstDepositFen, firstDepositRateFen, parseAreaCenti, type FundEntryKind } from '@baotou/shared';
import type { Actor } from '../auth/actor';
import type { Db, DbOrTx, Tx } from '../db/client';
import { buildings, compounds, fundAccounts, fundBatches, fundEntries, fundLedgers, fundPayments, households, units } from '../db/schema';
import { badRequest, conflict, forbidden, notFound } from '../http/errors';
import { beijingDate, regionAllows } from '../jurisdiction/scope';
import { assertAmount, lockAccount, postBatch } from './posting';
import { verifiedHome } from '../places/residentHomes';

const FUND_STAFF = ['city_admin', 'district_staff'];

export function assertFundStaff(actor: Actor, regionCode: string) {
  if (!FUND_STAFF.includes(actor.role)) throw forbidden('ROLE_FORBIDDEN', '维修资金记账由市、区住建局办理');
  if (!regionAllows(actor, regionCode)) throw forbidden('OUT_OF_JURISDICTION', '不能为管辖范围以外的小区记账');
}

async function loadAccount(db: DbOrTx, id: number) {
  const [a] = await db.select().from(fundAccounts).where(eq(fundAccounts.id, id));
  if (!a) throw notFound('维修资金账户');
  return a;
}

/** The per-m² first-deposit amount for the home's building: multi-storey up to 6 floors, else high-rise. */
export async function firstDepositDue(db: DbOrTx, settings: FundSettings, householdId: number): Promise<number> {
  const [h] = await db
    .select({ area: households.area, floors: buildings.floors })
    .from(households)
    .innerJoin(buildings, eq(buildings.id, households.buildingId))
    .where(eq(households.id, householdId));
  if (!h) throw notFound('房屋');
  return firstDepositFen(parseAreaCenti(h.area)!, firstDepositRateFen(h.floors, settings.firstDepositPerM2Fen));
}

/** The home's ledger in its compound's account, opened on first use. */
export async function ledgerFor(tx: Tx, householdId: number) {
  const [existing] = await tx.select().from(fundLedgers).where(eq(fundLedgers.householdId, householdId));
  if (existing) return existing;
  const [h] = await tx
    .select({ compoundId: households.compoundId, regionCode: households.regionCode, accountId: fundAccounts.id })
    .from(households)
    .leftJoin(fundAccounts, eq(fundAccounts.compoundId, households.compoundId))
    .where(eq(households.id, householdId));
  if (!h) throw notFound('房屋');
  if (!h.accountId) throw conflict('NO_FUND_ACCOUNT', '该小区尚未开设维修资金专户');
  const [created] = await tx
    .insert(fundLedgers)
    .values({ accountId: h.accountId, householdId, compoundId: h.compoundId, regionCode: h.regionCode })
    .onConflictDoNothing()
    .returning();
  return created ?? (await tx.select().from(fundLedgers).where(eq(fundLedgers.householdId, householdId)))[0];
}

/**
 * Books a self-deposit the provider reported paid (the payment row already locked FOR UPDATE by the
 * caller and still pending): one self_deposit batch, or the first deposit when it completes it, and
 * the payment marked paid. Shared by the signed callback and WeChat Pay's notification (server/src/pay).
 */
export async function bookSelfDeposit(tx: Tx, settings: FundSettings, p: { id: number; householdId: number; amountFen: number; providerTxnId: string }) {
  const limits = settings.limits;
  const opened = await ledgerFor(tx, p.householdId);
  // A payment that completes a home's first deposit books it as the first deposit (issue 16 §2);
  // the ledger row is locked so two payments cannot both complete it.
  const [ledger] = await tx.select().from(fundLedgers).where(eq(fundLedgers.id, opened.id)).for('update');
  const due = ledger.firstDepositFen > 0 ? 0 : await firstDepositDue(tx, settings, p.householdId);
  const completesFirst = ledger.firstDepositFen <= 0 && ledger.depositedFen + p.amountFen >= due;
  const posted = await postBatch(tx, null, {
    accountId: ledger.accountId,
    kind: completesFirst ? 'first_deposit' : 'self_deposit',
    limits,
    reference: `pay:${p.providerTxnId}`,
    lines: [{ ledgerId: ledger.id, amountFen: p.amountFen, memo: completesFirst ? '线上自助交存（首次交存）' : '线上自助交存' }],
  });
  if (completesFirst) await tx.update(fundLedgers).set({ firstDepositFen: due }).where(eq(fundLedgers.id, ledger.id));
  await tx.update(fundPayments).set({ status: 'paid', paidAt: new Date(), updatedAt: new Date() }).where(eq(fundPayments.id, p.id));
  return { status: 'paid', batchId: posted.batchId };
}

export function ledgerService(db: Db, settings: FundSettings) {
  const limits = settings.limits;
  return {
    /**
     * First deposit (area × the per-m² amount, unless an amount is given) or a top-up, one batch.
     * "First deposit at most once" is checked under the account lock (issue 9 §1): a second request
     * for the same home waits for the first to commit, then finds it (409 ALREADY_DEPOSITED).
     */
    async deposit(actor: Actor, accountId: number, input: { householdId: number; kind: 'first_deposit' | 'top_up'; amountFen?: number; memo?: string | null }) {
      if (input.amountFen !== undefined) assertAmount(limits, input.amountFen, 'amountFen');
      return db.transaction(async (tx) => {
        const account = await lockAccount(tx, accountId);
        assertFundStaff(actor, account.regionCode);
        const ledger = await ledgerFor(tx, input.householdId);
        if (ledger.accountId !== accountId) throw badRequest('VALIDATION_FAILED', '该房屋不属于本账户所在小区', { householdId: '房屋不在本小区' });
        const due = await firstDepositDue(tx, settings, input.householdId);
        if (input.kind === 'first_deposit' && ledger.firstDepositFen > 0) throw conflict('ALREADY_DEPOSITED', '该房屋已首次交存');
        const amount = input.amountFen ?? (input.kind === 'first_deposit' ? due : 0);
        if (amount <= 0) throw badRequest('VALIDATION_FAILED', '请填写续交金额', { amountFen: '请填写金额' });
        const posted = await postBatch(tx, actor, {
          accountId,
          kind: input.kind,
          limits,
          lines: [{ ledgerId: ledger.id, amountFen: amount, memo: input.memo ?? null }],
        });
        if (input.kind === 'first_deposit') await tx.update(fundLedgers).set({ firstDepositFen: amount }).where(eq(fundLedgers.id, ledger.id));
        return { batchId: posted.batchId, ledgerId: ledger.id, amountFen: amount, balanceFen: posted.balanceAfter.get(ledger.id) };
      });
    },

    /**
     * Earnings for a period, in proportion to each ledger's balance at the period's end, largest
     * remainder (DOMAIN.md §3). One transaction per account (compound); once per account and
     * period end, checked under the account lock (409 EARNINGS_ALLOCATED, issue 9 §1).
     */
    async allocateEarnings(actor: Actor | null, accountId: number, input: { periodEnd: string; amountFen: number }) {
      assertAmount(limits, input.amountFen, 'amountFen');
      if (earningsPeriodRefusal(input.periodEnd, beijingDate()))
        throw badRequest('PERIOD_IN_FUTURE', `结息日 ${input.periodEnd} 尚未到来，不能分配收益`, { periodEnd: '结息日不能晚于今天' });
      return db.transaction(async (tx) => {
        const account = await lockAccount(tx, accountId);
        if (actor) assertFundStaff(actor, account.regionCode);
        const reference = `earnings:${input.periodEnd}`;
        const [done] = await tx
          .select({ id: fundBatches.id })
          .from(fundBatches)
          .where(and(eq(fundBatches.accountId, accountId), eq(fundBatches.reference, reference), eq(fundBatches.kind, 'earnings')))
          .limit(1);
        if (done) throw conflict('EARNINGS_ALLOCATED', `结息日 ${input.periodEnd} 的收益已分配（批次 ${done.id}），不能重复分配`);
        const end = `${input.periodEnd} 23:59:59.999999+08`;
        // Balances at the period's end, from the journal (served by the account/posted_at index).
        const rows = (
          await tx.execute(sql`
            SELECT ledger_id AS id, sum(amount_fen)::text AS bal FROM fund_entries
             WHERE account_id = ${accountId} AND posted_at <= ${end}::timestamptz GROUP BY ledger_id ORDER BY ledger_id`)
        ).rows as { id: number; bal: string }[];
        const weights = rows.map((r) => ({ id: Number(r.id), weight: BigInt(r.bal) })).filter((w) => w.weight > 0n);
        if (!weights.length) throw conflict('NO_BALANCES', '结息日没有余额，无法分配收益');
        const shares = apportionFen(input.amountFen, weights);
        const posted = await postBatch(tx, actor, {
          accountId,
          kind: 'earnings',
          limits,
          reference,
          lines: shares.map((s) => ({ ledgerId: s.id, amountFen: s.fen, memo: `${input.periodEnd} 增值收益` })),
        });
        return { batchId: posted.batchId, ledgers: posted.entries, totalFen: posted.totalFen };
      });
    },

    /** A posted entry is never edited: a reversing entry cancels it, once (checked under the account lock). */
    async reverse(actor: Actor, entryId: number, reason: string) {
      return db.transaction(async (tx) => {
        const [entry] = await tx.select().from(fundEntries).where(eq(fundEntries.id, entryId));
        if (!entry) throw notFound('记账凭证');
        assertFundStaff(actor, entry.regionCode);
        if (entry.kind === 'reversal') throw conflict('NOT_REVERSIBLE', '冲正凭证不能再冲正');
        await lockAccount(tx, entry.accountId);
        const done = await tx.select({ id: fundEntries.id }).from(fundEntries).where(eq(fundEntries.reversesId, entryId));
        if (done.length) throw conflict('ALREADY_REVERSED', '该凭证已冲正');
        const posted = await postBatch(tx, actor, {
          accountId: entry.accountId,
          kind: 'reversal',
          limits,
          totalsOf: entry.kind as FundEntryKind,
          reference: `reverse:${entryId}`,
          lines: [{ ledgerId: entry.ledgerId, amountFen: -entry.amountFen, payer: entry.payer as 'owner' | 'developer', memo: reason, reversesId: entryId }],
        });
        // A reversed first deposit no longer counts: the home may be first-deposited again.
        if (entry.kind === 'first_deposit') {
          await tx
            .update(fundLedgers)
            .set({ firstDepositFen: sql`GREATEST(${fundLedgers.firstDepositFen} - ${entry.amountFen}, 0)` })
            .where(eq(fundLedgers.id, entry.ledgerId));
        }
        return { batchId: posted.batchId };
      });
    },

    /**
     * Demolition: the home's whole balance is refunded to its owner (DOMAIN.md §3), once: a home
     * with a refund not reversed is refused (409 ALREADY_REFUNDED), checked under the account lock.
     */
    async refund(actor: Actor, ledgerId: number, reason: string) {
      return db.transaction(async (tx) => {
        const [ledger] = await tx.select().from(fundLedgers).where(eq(fundLedgers.id, ledgerId));
        if (!ledger) throw notFound('分户账');
        assertFundStaff(actor, ledger.regionCode);
        // Every posting locks the account first: take that lock, then the balance cannot move under us.
        await lockAccount(tx, ledger.accountId);
        const [locked] = (
          await tx.execute(sql`
            SELECT l.balance_fen::text AS "balanceFen",
                   EXISTS (SELECT 1 FROM fund_entries e WHERE e.ledger_id = l.id AND e.kind = 'refund'
                              AND NOT EXISTS (SELECT 1 FROM fund_entries r WHERE r.reverses_id = e.id)) AS refunded
              FROM fund_ledgers l WHERE l.id = ${ledgerId}`)
        ).rows as { balanceFen: string; refunded: boolean }[];
        if (locked.refunded) throw conflict('ALREADY_REFUNDED', '该房屋的维修资金已退还，不能重复退还');
        const balanceFen = Number(locked.balanceFen);
        if (balanceFen <= 0) throw conflict('NOTHING_TO_REFUND', '该房屋维修资金余额为零，无需退还');
        const posted = await postBatch(tx, actor, {
          accountId: ledger.accountId,
          kind: 'refund',
          limits,
          reference: `refund:${ledger.householdId}`,
          lines: [{ ledgerId, amountFen: -balanceFen, memo: reason }],
        });
        return { batchId: posted.batchId, refundedFen: balanceFen };
      });
    },

    /** Σ household balances = account balance = Σ entries, to the fen, with every mismatched ledger. */
    async reconciliation(db2: DbOrTx, accountId: number) {
      const account = await loadAccount(db2, accountId);
      const [sums] = (
        await db2.execute(sql`SELECT (SELECT coalesce(sum(balance_fen), 0) FROM fund_ledgers WHERE account_id = ${accountId})::text AS ledgers,
                                     (SELECT coalesce(sum(amount_fen), 0) FROM fund_entries WHERE account_id = ${accountId})::text AS entries`)
      ).rows as { ledgers: string; entries: string }[];
      const mismatches = (
        await db2.execute(sql`SELECT l.id AS "ledgerId", l.household_id AS "householdId", l.balance_fen AS "balanceFen", coalesce(sum(e.amount_fen), 0)::bigint AS "entrySumFen"
                                FROM fund_ledgers l LEFT JOIN fund_entries e ON e.ledger_id = l.id WHERE l.account_id = ${accountId}
                               GROUP BY l.id HAVING l.balance_fen <> coalesce(sum(e.amount_fen), 0) ORDER BY l.id LIMIT 100`)
      ).rows.map((r) => ({
        ...(r as object),
        balanceFen: Number((r as { balanceFen: string }).balanceFen),
        entrySumFen: Number((r as { entrySumFen: string }).entrySumFen),
      }));
      const ledgerSumFen = Number(sums.ledgers);
      return {
        accountId,
        accountBalanceFen: account.balanceFen,
        ledgerSumFen,
        entrySumFen: Number(sums.entries),
        differenceFen: account.balanceFen - ledgerSumFen,
        mismatches,
      };
    },

    /** Transfer registration: is this home's fund fully deposited? */
    async check(actor: Actor, q: { householdId?: number; compoundCode?: string; building?: string; unit?: string; room?: string }) {
      const where = q.householdId
        ? eq(households.id, q.householdId)
        : and(
            eq(compounds.code, String(q.compoundCode ?? '').toUpperCase()),
            eq(buildings.name, String(q.building ?? '')),
            eq(units.name, String(q.unit ?? '')),
            eq(households.room, String(q.room ?? '')),
          );
      const [h] = await db
        .select({
          id: households.id,
          regionCode: households.regionCode,
          compound: compounds.name,
          building: buildings.name,
          unit: units.name,
          room: households.room,
        })
        .from(households)
        .innerJoin(compounds, eq(compounds.id, households.compoundId))
        .innerJoin(buildings, eq(buildings.id, households.buildingId))
        .innerJoin(units, eq(units.id, households.unitId))
        .where(where)
        .limit(1);
      if (!h || !regionAllows(actor, h.regionCode)) throw notFound('房屋');
      const due = await firstDepositDue(db, settings, h.id);
      const [l] = await db.select().from(fundLedgers).where(eq(fundLedgers.householdId, h.id));
      const depositedFen = l?.depositedFen ?? 0;
      return {
        householdId: h.id,
        address: `${h.compound}${h.building}${h.unit}${h.room}`,
        firstDepositDueFen: due,
        depositedFen,
        balanceFen: l?.balanceFen ?? 0,
        fullyDeposited: (l?.firstDepositFen ?? 0) > 0 && depositedFen >= due,
      };
    },

    /** Online self-deposit: a pending payment at the provider, posted when the provider calls back. */
    async createPayment(actor: Actor, input: { householdId: number; amountFen: number }) {
      // Refused before the resident pays: a payment the ledger could not post would be money taken and not booked.
      assertAmount(limits, input.amountFen, 'amountFen');
      if (!(await verifiedHome(db, actor.id, input.householdId))) throw forbidden('NOT_OWNER', '只能为本人已认证的房屋交存');
      const [home] = await db
        .select({ accountId: fundAccounts.id })
        .from(households)
        .leftJoin(fundAccounts, eq(fundAccounts.compoundId, households.compoundId))
        .where(eq(households.id, input.householdId));
      if (!home?.accountId) throw conflict('NO_FUND_ACCOUNT', '该小区尚未开设维修资金专户');
      const providerTxnId = `LP${Date.now().toString(36)}${randomBytes(6).toString('hex')}`;
      const [p] = await db
        .insert(fundPayments)
        .values({ householdId: input.householdId, userId: actor.id, amountFen: input.amountFen, providerTxnId })
        .returning();
      return { paymentId: p.id, providerTxnId, amountFen: p.amountFen, status: p.status };
    },

    sign(providerTxnId: string, amountFen: number, status: string) {
      return createHmac('sha256', settings.paymentSecret).update(`${providerTxnId}|${amountFen}|${status}`).digest('hex');
    },

    /**
     * The provider's callback, idempotent by its transaction id: the payment row is locked before
     * its status is read, so a replay (even a concurrent one) waits and then posts nothing.
     */
    async paymentCallback(input: { providerTxnId: string; amountFen: number; status: 'SUCCESS' | 'FAIL'; sign: string }) {
      const expected = Buffer.from(this.sign(input.providerTxnId, input.amountFen, input.status), 'hex');
      if (!timingSafeEqual(expected, Buffer.from(input.sign, 'hex'))) throw forbidden('BAD_SIGNATURE', '回调签名无效');
      return db.transaction(async (tx) => {
        const [p] = await tx.select().from(fundPayments).where(eq(fundPayments.providerTxnId, input.providerTxnId)).for('update');
        if (!p) throw notFound('支付记录');
        if (p.status !== 'pending') throw conflict('CALLBACK_REPLAYED', '该笔支付已处理，重复回调不再入账');
        if (p.amountFen !== input.amountFen) throw badRequest('AMOUNT_MISMATCH', '回调金额与订单金额不符');
        if (input.status === 'FAIL') {
          await tx.update(fundPayments).set({ status: 'failed', updatedAt: new Date() }).where(eq(fundPayments.id, p.id));
          return { status: 'failed' };
        }
        return bookSelfDeposit(tx, settings, p);
      });
    },

    async payment(actor: Actor, id: number) {
      const [p] = await db
        .select()
        .from(fundPayments)
        .where(and(eq(fundPayments.id, id), eq(fundPayments.userId, actor.id)));
      if (!p) throw notFound('支付记录');
      return p;
    },
  };
}
export type LedgerService = ReturnType<typeof ledgerService>;
