import { sql } from 'drizzle-orm';
import { billStatusFor, type CounterPaymentInput, type FeeReminderSender } from '@baotou/shared';
import type { FeesSettings } from '@baotou/config';
import type { Actor } from '../auth/actor';
import type { Db, Tx } from '../db/client';
import { writeAudit } from '../audit/audit';
import { conflict, forbidden, notFound } from '../http/errors';
import { companyServes } from '../jurisdiction/scope';
import { requestRefund } from '../pay/refunds';
import { postFeePayment } from './posting';
import { verifiedClaims } from '../places/residentHomes';

const intArray = (xs: number[]) => `{${xs.join(',')}}`;

/**
 * 409 BILL_IN_OPEN_ORDER when any of `billIds` is in an open WeChat order: the resident may be paying
 * it this minute, and money WeChat takes for a bill reversed or paid at the counter meanwhile could
 * not be posted (the order would end 'unposted'). The caller holds the bills' locks (FOR UPDATE), as
 * createFeeOrder does while it opens an order, so an order cannot open between this check and the write.
 */
async function refuseBillsInOpenOrder(tx: Tx, billIds: number[]): Promise<void> {
  const open = (await tx.execute(sql`SELECT id FROM pay_orders WHERE status = 'open' AND bill_ids && ${intArray(billIds)}::int[] LIMIT 1`)).rows;
  if (open.length) throw conflict('BILL_IN_OPEN_ORDER', '账单正在微信支付中，请待该笔支付完成或超时关闭后再操作');
}

function requireCompany(actor: Actor): number {
  if (actor.role !== 'company_staff' || !actor.companyId) throw forbidden('ROLE_FORBIDDEN', '只有物业服务企业可以执行此操作');
  return actor.companyId;
}

/**
 * Reverses a wrong bill with a reason (issue 13): the company's own bills only (403); a bill
 * already reversed is 409 ALREADY_REVERSED; a bill with money on it is 409 BILL_HAS_PAYMENTS —
 * refund first; a bill in an open WeChat order is 409 BILL_IN_OPEN_ORDER. Under the bill's lock,
 * audited in the same transaction.
 */
export async function reverseBill(db: Db, actor: Actor, billId: number, reason: string) {
  const companyId = requireCompany(actor);
  return db.transaction(async (tx) => {
    const [b] = (
      await tx.execute(
        sql`SELECT id, company_id AS "companyId", status, paid_fen::text AS "paidFen", region_code AS "regionCode", amount_fen::text AS "amountFen" FROM bills WHERE id = ${billId} FOR UPDATE`,
      )
    ).rows as {
      id: number;
      companyId: number;
      status: string;
      paidFen: string;
      regionCode: string;
      amountFen: string;
    }[];
    if (!b) throw notFound('账单');
    if (Number(b.companyId) !== companyId) throw forbidden('OUT_OF_JURISDICTION', '不能冲销其他企业的账单');
    if (b.status === 'reversed') throw conflict('ALREADY_REVERSED', '该账单已冲销');
    if (Number(b.paidFen) > 0) throw conflict('BILL_HAS_PAYMENTS', '该账单已有缴费，须先退款再冲销');
    await refuseBillsInOpenOrder(tx, [billId]);
    await tx.execute(
      sql`UPDATE bills SET status = 'reversed', reverse_reason = ${reason}, reversed_by = ${actor.id}, reversed_at = now(), updated_at = now() WHERE id = ${billId}`,
    );
    await writeAudit(tx, actor, {
      action: 'reverse_bill',
      entity: 'bills',
      entityId: billId,
      before: { status: b.status },
      after: { status: 'reversed', reason, amountFen: Number(b.amountFen) },
      regionCode: b.regionCode,
    });
    return { id: billId, status: 'reversed' as const };
  });
}

/**
 * A counter payment (cash or bank transfer; partial allowed): the company's staff, for a home in a
 * compound it serves today (403), onto the company's open bills of that home — those chosen, or all
 * of them oldest first. More than owed is 409 AMOUNT_ABOVE_OWED (postFeePayment); a bill in an open
 * WeChat order is 409 BILL_IN_OPEN_ORDER (the bills locked first, so no order opens meanwhile).
 */
export async function recordCounterPayment(db: Db, actor: Actor, input: CounterPaymentInput) {
  const companyId = requireCompany(actor);
  return db.transaction(async (tx) => {
    const [home] = (await tx.execute(sql`SELECT compound_id AS "compoundId" FROM households WHERE id = ${input.householdId}`)).rows as { compoundId: number }[];
    if (!home) throw notFound('房屋');
    if (!(await companyServes(tx, companyId, Number(home.compoundId)))) throw forbidden('OUT_OF_JURISDICTION', '该房屋不在本企业服务的小区内');
    let billIds = input.billIds ?? null;
    if (billIds) {
      const foreign = (await tx.execute(sql`SELECT id FROM bills WHERE id = ANY(${intArray(billIds)}::int[]) AND company_id <> ${companyId} LIMIT 1`)).rows;
      if (foreign.length) throw forbidden('OUT_OF_JURISDICTION', '不能收取其他企业的账单');
      await tx.execute(sql`SELECT id FROM bills WHERE id = ANY(${intArray(billIds)}::int[]) ORDER BY id FOR UPDATE`);
    } else {
      billIds = (
        (
          await tx.execute(
            sql`SELECT id FROM bills WHERE household_id = ${input.householdId} AND company_id = ${companyId} AND status IN ('unpaid', 'partly_paid') ORDER BY id FOR UPDATE`,
          )
        ).rows as { id: number }[]
      ).map((r) => Number(r.id));
      if (!billIds.length) throw conflict('NOTHING_OWED', '该房屋没有待缴账单');
    }
    await refuseBillsInOpenOrder(tx, billIds);
    return postFeePayment(tx, {
      householdId: input.householdId,
      billIds,
      amountFen: input.amountFen,
      method: input.method,
      reference: input.reference ?? '',
      actor,
    });
  });
}

/**
 * Refunds part or all of a payment (issue 13): the company's own payments (403); more than paid
 * less refunded is 409 REFUND_ABOVE_PAID. The money comes off the payment's bills, the latest period
 * first (negative allocations, so Σ bills paid = Σ allocations = Σ payments − refunds). A WeChat
 * payment is refunded through the pay layer in the same transaction (requestRefund): WeChat's
 * refusal rolls everything back.
 */
export async function refundPayment(db: Db, actor: Actor, paymentId: number, input: { amountFen: number; reason: string }) {
  const companyId = requireCompany(actor);
  return db.transaction(async (tx) => {
    const [p] = (
      await tx.execute(sql`
      SELECT id, company_id AS "companyId", method, amount_fen::text AS "amountFen", refunded_fen::text AS "refundedFen", pay_order_id AS "payOrderId", region_code AS "regionCode"
        FROM fee_payments WHERE id = ${paymentId} FOR UPDATE`)
    ).rows as { id: number; companyId: number; method: string; amountFen: string; refundedFen: string; payOrderId: number | null; regionCode: string }[];
    if (!p) throw notFound('缴费记录');
    if (Number(p.companyId) !== companyId) throw forbidden('OUT_OF_JURISDICTION', '不能退还其他企业收取的款项');
    const refundable = Number(p.amountFen) - Number(p.refundedFen);
    if (input.amountFen > refundable) throw conflict('REFUND_ABOVE_PAID', `退款金额超过可退金额 ${refundable} 分`);
    const allocs = (
      await tx.execute(sql`
      SELECT a.bill_id AS "billId", sum(a.amount_fen)::text AS net FROM fee_allocations a JOIN bills b ON b.id = a.bill_id
       WHERE a.payment_id = ${paymentId} GROUP BY a.bill_id, b.period_start HAVING sum(a.amount_fen) > 0 ORDER BY b.period_start DESC, a.bill_id DESC`)
    ).rows as { billId: number; net: string }[];
    const lines: { billId: number; amountFen: number }[] = [];
    let left = input.amountFen;
    for (const a of allocs) {
      if (left === 0) break;
      const take = Math.min(left, Number(a.net));
      lines.push({ billId: Number(a.billId), amountFen: take });
      left -= take;
    }
    if (left > 0) throw conflict('REFUND_ABOVE_PAID', '退款金额超过该笔缴费在账单上的金额');
    const locked = (
      await tx.execute(
        sql`SELECT id, amount_fen::text AS "amountFen", paid_fen::text AS "paidFen" FROM bills WHERE id = ANY(${intArray(lines.map((l) => l.billId))}::int[]) ORDER BY id FOR UPDATE`,
      )
    ).rows as { id: number; amountFen: string; paidFen: string }[];
    const billById = new Map(locked.map((b) => [Number(b.id), b]));
    let provider: { refundNo: string; status: string } | null = null;
    if (p.method === 'wechat' && p.payOrderId !== null)
      provider = await requestRefund(tx, { payOrderId: Number(p.payOrderId), refundFen: input.amountFen, reason: input.reason });
    const [refund] = (
      await tx.execute(sql`
      INSERT INTO fee_refunds (payment_id, amount_fen, reason, refund_no, provider_status, created_by)
      VALUES (${paymentId}, ${input.amountFen}, ${input.reason}, ${provider?.refundNo ?? null}, ${provider?.status ?? null}, ${actor.id}) RETURNING id`)
    ).rows as { id: number }[];
    for (const l of lines) {
      const b = billById.get(l.billId)!;
      const paid = Number(b.paidFen) - l.amountFen;
      await tx.execute(
        sql`INSERT INTO fee_allocations (payment_id, bill_id, refund_id, amount_fen) VALUES (${paymentId}, ${l.billId}, ${refund.id}, ${-l.amountFen})`,
      );
      await tx.execute(
        sql`UPDATE bills SET paid_fen = ${paid}, status = ${billStatusFor(Number(b.amountFen), paid)}::bill_status, updated_at = now() WHERE id = ${l.billId}`,
      );
    }
    await tx.execute(sql`UPDATE fee_payments SET refunded_fen = refunded_fen + ${input.amountFen}, updated_at = now() WHERE id = ${paymentId}`);
    await writeAudit(tx, actor, {
      action: 'fee_refund',
      entity: 'fee-payments',
      entityId: paymentId,
      after: { refundId: Number(refund.id), amountFen: input.amountFen, reason: input.reason, lines, provider },
      regionCode: p.regionCode,
    });
    return { refundId: Number(refund.id), amountFen: input.amountFen, refundNo: provider?.refundNo ?? null, providerStatus: provider?.status ?? null };
  });
}

const yuan = (fen: number) => `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}元`;

/**
 * Records a reminder to each home and tells its verified residents (a WeChat subscribe message,
 * template FEES reminder setting), in one transaction: homes owing nothing, or reminded by the same
 * sender within FEES_REMINDER_MIN_DAYS, are skipped and reported. `billScope` narrows the bills
 * counted (the company's own). Never any step that cuts a service (Civil Code Art. 944).
 */
export async function sendReminders(
  tx: Tx,
  actor: Actor,
  settings: FeesSettings,
  opts: { householdIds: number[]; sender: FeeReminderSender; companyId?: number; compoundId?: number },
): Promise<{ sent: { householdId: number; reminderId: number; owedFen: number; notified: number }[]; skipped: { householdId: number; reason: string }[] }> {
  const ids = [...new Set(opts.householdIds)].sort((a, b) => a - b);
  // The homes' locks: two reminders to one home at once queue here, and the second sees the first.
  await tx.execute(sql`SELECT id FROM households WHERE id = ANY(${intArray(ids)}::int[]) ORDER BY id FOR UPDATE`);
  const owing = (
    await tx.execute(sql`
    SELECT h.id, h.compound_id AS "compoundId", h.region_code AS "regionCode",
           coalesce(sum(b.amount_fen - b.paid_fen), 0)::text AS owed, count(b.id)::int AS n,
           EXISTS (SELECT 1 FROM fee_reminders r WHERE r.household_id = h.id AND r.sender = ${opts.sender}::fee_reminder_sender AND r.sent_at > now() - make_interval(days => ${settings.reminderMinDays})) AS recent
      FROM households h
      LEFT JOIN bills b ON b.household_id = h.id AND b.status IN ('unpaid', 'partly_paid') AND b.due_on < (now() AT TIME ZONE 'Asia/Shanghai')::date
           ${opts.companyId ? sql`AND b.company_id = ${opts.companyId}` : sql``}
     WHERE h.id = ANY(${intArray(ids)}::int[]) ${opts.compoundId ? sql`AND h.compound_id = ${opts.compoundId}` : sql``}
     GROUP BY h.id ORDER BY h.id`)
  ).rows as { id: number; compoundId: number; regionCode: string; owed: string; n: number; recent: boolean }[];
  if (owing.length !== ids.length) throw notFound('房屋');
  const sent: { householdId: number; reminderId: number; owedFen: number; notified: number }[] = [];
  const skipped: { householdId: number; reason: string }[] = [];
  const who = opts.sender === 'committee' ? '业主委员会' : '物业服务中心';
  for (const h of owing) {
    const owed = Number(h.owed);
    if (owed <= 0) {
      skipped.push({ householdId: Number(h.id), reason: '无逾期欠费' });
      continue;
    }
    if (h.recent) {
      skipped.push({ householdId: Number(h.id), reason: `${settings.reminderMinDays}天内已提醒过` });
      continue;
    }
    const [r] = (
      await tx.execute(sql`
      INSERT INTO fee_reminders (household_id, compound_id, region_code, sender, owed_fen, bill_count, sent_by)
      VALUES (${h.id}, ${h.compoundId}, ${h.regionCode}, ${opts.sender}::fee_reminder_sender, ${owed}, ${h.n}, ${actor.id}) RETURNING id`)
    ).rows as { id: number }[];
    const title = opts.sender === 'committee' ? '业主委员会缴费提醒' : '物业费缴费提醒';
    const body = `${who}提醒：您的房屋有逾期未缴物业费 ${yuan(owed)}，请及时缴纳。`;
    const notified = (
      await tx.execute(sql`
      INSERT INTO notifications (user_id, channel, kind, event_key, title, body, link, entity, entity_id, payload, status)
      SELECT DISTINCT ON (hc.user_id) hc.user_id, 'wechat', 'bill', ${'fee-reminder:' + r.id}, ${title}, ${body}, 'packages/fees/index/index', 'fee-reminders', ${String(r.id)},
             jsonb_build_object('template_id', ${settings.reminderTemplateId}::text, 'page', 'packages/fees/index/index', 'data', jsonb_build_object(
               'thing1', jsonb_build_object('value', ${title}::text),
               'amount2', jsonb_build_object('value', ${yuan(owed)}::text),
               'thing3', jsonb_build_object('value', ${who + '提醒'}::text))),
             'pending'
        FROM ${verifiedClaims} hc JOIN users u ON u.id = hc.user_id AND u.openid IS NOT NULL
       WHERE hc.household_id = ${h.id}
      ON CONFLICT DO NOTHING RETURNING 1`)
    ).rows.length;
    await tx.execute(sql`UPDATE fee_reminders SET notified = ${notified} WHERE id = ${r.id}`);
    await writeAudit(tx, actor, {
      action: opts.sender === 'committee' ? 'fee_urge' : 'fee_reminder',
      entity: 'fee-reminders',
      entityId: Number(r.id),
      after: { householdId: Number(h.id), owedFen: owed, bills: h.n, notified },
      regionCode: h.regionCode,
    });
    sent.push({ householdId: Number(h.id), reminderId: Number(r.id), owedFen: owed, notified });
  }
  return { sent, skipped };
}
