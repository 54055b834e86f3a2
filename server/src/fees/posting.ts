import { sql } from 'drizzle-orm';
import { allocatePayment, billStatusFor, PAYMENT_METHODS, type PaymentMethod } from '@baotou/shared';
import type { Actor } from '../auth/actor';
import type { DbOrTx, Tx } from '../db/client';
import { runNamed } from '../db/named';
import { auditRow, type AuditEntry } from '../audit/audit';
import { AppError, badRequest, conflict, forbidden, notFound } from '../http/errors';

export interface FeePaymentInput {
  householdId: number;
  /** The bills chosen, or null: the home's open bills, oldest first (research §6 rule 5). */
  billIds: number[] | null;
  /** Integer fen, 1..what the bills still owe. */
  amountFen: number;
  method: PaymentMethod;
  /** The counter's voucher number, the bank reference, or WeChat's transaction_id. */
  reference: string;
  /** The pay layer's order (WeChat): a payment per order, under a unique index. */
  payOrderId?: number | null;
  actor: Actor | null;
}

/** A bill as a posting reads it under its lock: LOCKED_BILL_COLUMNS of `bills b JOIN fee_items f`, through lockedBill(). */
export interface LockedBill {
  id: number;
  householdId: number;
  compoundId: number;
  projectId: number;
  companyId: number;
  regionCode: string;
  periodStart: string;
  periodEnd: string;
  amountFen: number;
  paidFen: number;
  status: string;
  feeItemName: string;
}

/** The columns of a LockedBill, from `bills b JOIN fee_items f ON f.id = b.fee_item_id` (amounts as text: bigint), as SQL text. */
export const LOCKED_BILL_COLUMNS_TEXT = `b.id, b.household_id AS "householdId", b.compound_id AS "compoundId", b.project_id AS "projectId",
  b.company_id AS "companyId", b.region_code AS "regionCode", b.period_start::text AS "periodStart", b.period_end::text AS "periodEnd",
  b.amount_fen::text AS "amountFen", b.paid_fen::text AS "paidFen", b.status, f.name AS "feeItemName"`;
/** LOCKED_BILL_COLUMNS_TEXT for drizzle's sql. */
export const LOCKED_BILL_COLUMNS = sql.raw(LOCKED_BILL_COLUMNS_TEXT);

/** A row read with LOCKED_BILL_COLUMNS as a LockedBill (ids and amounts as numbers). */
export function lockedBill(row: Record<string, unknown>): LockedBill {
  return {
    id: Number(row.id),
    householdId: Number(row.householdId),
    compoundId: Number(row.compoundId),
    projectId: Number(row.projectId),
    companyId: Number(row.companyId),
    regionCode: String(row.regionCode),
    periodStart: String(row.periodStart),
    periodEnd: String(row.periodEnd),
    amountFen: Number(row.amountFen),
    paidFen: Number(row.paidFen),
    status: String(row.status),
    feeItemName: String(row.feeItemName),
  };
}

/** The bills a caller read for postOntoBills. */
export interface LockedPosting {
  /** The bills named by input.billIds (or the home's open bills), in id order. */
  bills: LockedBill[];
  /** The paying home's region code; null or undefined when the home does not exist (404). */
  homeRegionCode: string | null | undefined;
  /** The payment's id when the caller took it from the fee_payments sequence already (in its locking read). */
  paymentId?: number;
}

/** The receipt number of a payment: SF + Beijing date + the payment's id (18 characters, unique with the id). */
export function receiptNoFor(paymentId: number, at: Date): string {
  const beijing = new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10).replaceAll('-', '');
  return `SF${beijing}${String(paymentId).padStart(8, '0')}`;
}

/**
 * Posts a payment onto a home's bills in the caller's transaction (DOMAIN.md §12; issue 13): locks
 * the bills FOR UPDATE in id order (so concurrent payments of one bill queue and the second sees it
 * paid), refuses — before writing anything — a bill of another home (403 BILL_OF_ANOTHER_HOME), a
 * bill paid (409 BILL_ALREADY_PAID) or reversed (409 BILL_REVERSED), no open bill (409 NOTHING_OWED)
 * and an amount above what the bills still owe (409 AMOUNT_ABOVE_OWED); then writes the payment,
 * its allocations (oldest bill first), the bills' paid amounts and statuses, the receipt, and the
 * audit row. A WeChat order posts at most once (unique index fee_payments_pay_order_idx).
 *
 * @returns the payment's id and its receipt number
 */
export async function postFeePayment(tx: Tx, input: FeePaymentInput): Promise<{ paymentId: number; receiptNo: string }> {
  const chosen = checkInput(input);
  const where =
    chosen === null ? sql`b.household_id = ${input.householdId} AND b.status IN ('unpaid', 'partly_paid')` : sql`b.id = ANY(${`{${chosen.join(',')}}`}::int[])`;
  // The home's region rides on the bills' locking read (one round trip on the notification's path).
  const rows = (
    await tx.execute(sql`
      SELECT ${LOCKED_BILL_COLUMNS}, (SELECT h.region_code FROM households h WHERE h.id = ${input.householdId}) AS "homeRegionCode"
        FROM bills b JOIN fee_items f ON f.id = b.fee_item_id
       WHERE ${where} ORDER BY b.id FOR UPDATE OF b`)
  ).rows as Record<string, unknown>[];
  const homeRegionCode = rows.length
    ? (rows[0].homeRegionCode as string | null)
    : (
        (await tx.execute(sql`SELECT region_code AS "regionCode" FROM households WHERE id = ${input.householdId}`)).rows[0] as
          { regionCode: string } | undefined
      )?.regionCode;
  return writePosting(tx, input, chosen, { bills: rows.map(lockedBill), homeRegionCode }, []);
}

/** A WeChat order a posting settles: set paid, with WeChat's transaction id and time, only while still open. */
export interface SettledOrder {
  id: number;
  /** WeChat's transaction_id (at most 32 characters), or null. */
  transactionId: string | null;
  paidAt: Date;
}

/**
 * postFeePayment for a caller that has read the bills itself (LOCKED_BILL_COLUMNS): the same checks
 * and refusals, then one statement — so the posting is one round trip — that also sets `order` paid
 * (with this payment) only while it is still open, and writes the caller's `audits` rows.
 * The bills may be read under their lock (FOR UPDATE in id order, in the caller's transaction) or
 * without it, outside a transaction: each bill is written only if its home, paid amount and status
 * are still those read, and nothing at all is written unless every bill and the order are —
 * otherwise 409 POSTING_RACED, for the caller to try again under the lock.
 *
 * @returns the payment's id and its receipt number
 */
export async function postOntoBills(
  tx: DbOrTx,
  input: FeePaymentInput,
  read: LockedPosting,
  { order, audits = [] }: { order?: SettledOrder; audits?: { actor: Actor | null; entry: AuditEntry }[] } = {},
): Promise<{ paymentId: number; receiptNo: string }> {
  return writePosting(tx, input, checkInput(input), read, audits, order);
}

/** postFeePayment's checks of its input (400s); the chosen bill ids without repeats, or null for "oldest open first". */
function checkInput(input: FeePaymentInput): number[] | null {
  if (!Number.isSafeInteger(input.amountFen) || input.amountFen <= 0)
    throw badRequest('INVALID_AMOUNT', '缴费金额必须是正整数（分）', { amountFen: '缴费金额必须是正整数（分）' });
  if (!PAYMENT_METHODS.includes(input.method)) throw badRequest('INVALID_METHOD', '收款方式不在可选范围内', { method: '收款方式不在可选范围内' });
  if (typeof input.reference !== 'string' || input.reference.length > 64)
    throw badRequest('INVALID_REFERENCE', '凭证号最多64个字符', { reference: '凭证号最多64个字符' });
  if (
    input.billIds !== null &&
    (!Array.isArray(input.billIds) || input.billIds.length === 0 || input.billIds.some((id) => !Number.isSafeInteger(id) || id <= 0))
  ) {
    throw badRequest('INVALID_BILLS', '请选择要缴纳的账单', { billIds: '请选择要缴纳的账单' });
  }
  return input.billIds === null ? null : [...new Set(input.billIds)];
}

/**
 * The posting as one fixed statement (a named prepared statement: planned once per connection).
 * $21, when not null, is the WeChat order to set paid — only while still open, the gate: without its
 * row no bill is written. Each bill ($1…$5: id, amount allocated, new status, paid amount and status
 * as read) is written only where it is still the home's ($6) with the paid amount and status read
 * (under the lock these hold; read without it, a change since makes the count short); only when every
 * bill was written are the payment, its allocations and receipt inserted. The audit rows ($20, JSON
 * of auditRow) go in with them. No payment → the final division by zero (22012) undoes the whole
 * statement: POSTING_RACED for the caller.
 */
const POSTING_STATEMENT = `
  WITH v AS (
    SELECT * FROM unnest($1::int[], $2::bigint[], $3::text[], $4::bigint[], $5::text[]) AS v(bill_id, amount, status, was_paid, was_status)
  ), gate AS (
    UPDATE pay_orders SET status = 'paid', paid_at = $23::timestamptz, transaction_id = $22::varchar, fee_payment_id = $7::int, updated_at = now()
     WHERE id = $21::int AND status = 'open'
    RETURNING id
  ), paid AS (
    UPDATE bills b SET paid_fen = b.paid_fen + v.amount, status = v.status::bill_status, updated_at = now() FROM v
     WHERE b.id = v.bill_id AND b.household_id = $6::int AND b.paid_fen = v.was_paid AND b.status = v.was_status::bill_status
       AND ($21::int IS NULL OR EXISTS (SELECT 1 FROM gate))
    RETURNING b.id
  ), payment AS (
    INSERT INTO fee_payments (id, household_id, compound_id, project_id, company_id, region_code, method, amount_fen, reference, pay_order_id, receipt_no, recorded_by, paid_at)
    OVERRIDING SYSTEM VALUE
    SELECT $7::int, $6::int, $8::int, $9::int, $10::int, $11::varchar, $12::payment_method, $13::bigint, $14::varchar, $15::int, $16::varchar, $17::int, $18::timestamptz
     WHERE (SELECT count(*) FROM paid) = cardinality($1::int[])
    RETURNING id
  ), allocations AS (
    INSERT INTO fee_allocations (payment_id, bill_id, amount_fen) SELECT payment.id, v.bill_id, v.amount FROM payment, v
  ), receipt AS (
    INSERT INTO receipts (payment_id, receipt_no, household_id, compound_id, region_code, amount_fen, lines, issued_at)
    SELECT payment.id, $16::varchar, $6::int, $8::int, $11::varchar, $13::bigint, $19::jsonb, $18::timestamptz FROM payment
  ), audit AS (
    INSERT INTO audit_logs (actor_id, actor_name, action, entity, entity_id, before, after, region_code, ip, user_agent)
    SELECT a."actorId", a."actorName", a.action, a.entity, a."entityId", a.before, a.after, a."regionCode", a.ip, a."userAgent"
      FROM jsonb_to_recordset($20::jsonb) AS a("actorId" int, "actorName" varchar, action varchar, entity varchar, "entityId" varchar, before jsonb,
                                               after jsonb, "regionCode" varchar, ip varchar, "userAgent" varchar)
  )
  SELECT 1 / (SELECT count(*)::int FROM payment) AS posted`;

/** The refusals on the locked bills, then POSTING_STATEMENT: the bills, payment, allocations, receipt, audit rows and the order, if any. */
async function writePosting(
  tx: DbOrTx,
  input: FeePaymentInput,
  chosen: number[] | null,
  { bills: locked, homeRegionCode, paymentId: takenId }: LockedPosting,
  audits: { actor: Actor | null; entry: AuditEntry }[],
  order?: SettledOrder,
): Promise<{ paymentId: number; receiptNo: string }> {
  if (!homeRegionCode) throw notFound('房屋');
  const home = { regionCode: homeRegionCode };

  if (chosen !== null && locked.length !== chosen.length) throw notFound('账单');
  for (const b of locked) {
    if (b.householdId !== input.householdId) throw forbidden('BILL_OF_ANOTHER_HOME', `账单 ${b.id} 不属于该房屋，不能代缴`);
    if (b.status === 'reversed') throw conflict('BILL_REVERSED', `账单 ${b.id} 已冲销，无需缴纳`);
    if (b.status === 'paid') throw conflict('BILL_ALREADY_PAID', `账单 ${b.id} 已缴清`);
  }
  if (locked.length === 0) throw conflict('NOTHING_OWED', '该房屋没有待缴账单');
  const owed = locked.reduce((s, b) => s + (b.amountFen - b.paidFen), 0);
  if (input.amountFen > owed) throw conflict('AMOUNT_ABOVE_OWED', `缴费金额 ${input.amountFen} 分超过应缴 ${owed} 分`);
  const lines = allocatePayment(
    locked.map((b) => ({ id: b.id, periodStart: b.periodStart, owedFen: b.amountFen - b.paidFen })),
    input.amountFen,
  );
  const byId = new Map(locked.map((b) => [b.id, b]));
  const first = byId.get(lines[0].billId)!;

  const paymentId =
    takenId ?? ((await tx.execute(sql`SELECT nextval(pg_get_serial_sequence('fee_payments', 'id'))::int AS id`)).rows as { id: number }[])[0].id;
  const now = new Date();
  const receiptNo = receiptNoFor(paymentId, now);
  const ids = lines.map((l) => l.billId);
  const amounts = lines.map((l) => l.amountFen);
  const statuses = lines.map((l) => {
    const b = byId.get(l.billId)!;
    return billStatusFor(b.amountFen, b.paidFen + l.amountFen);
  });
  const receiptLines = lines.map((l) => {
    const b = byId.get(l.billId)!;
    return { billId: b.id, feeItemName: b.feeItemName, periodStart: b.periodStart, periodEnd: b.periodEnd, amountFen: l.amountFen };
  });
  const audit = auditRow(input.actor, {
    action: 'fee_payment',
    entity: 'fee-payments',
    entityId: paymentId,
    after: {
      householdId: input.householdId,
      method: input.method,
      amountFen: input.amountFen,
      receiptNo,
      payOrderId: input.payOrderId ?? null,
      allocations: lines,
    },
    regionCode: home.regionCode,
  });
  const wasPaid = lines.map((l) => byId.get(l.billId)!.paidFen);
  const wasStatus = lines.map((l) => byId.get(l.billId)!.status);
  try {
    await runNamed(tx, 'fee_post_onto_bills', POSTING_STATEMENT, [
      `{${ids.join(',')}}`,
      `{${amounts.join(',')}}`,
      `{${statuses.join(',')}}`,
      `{${wasPaid.join(',')}}`,
      `{${wasStatus.join(',')}}`,
      input.householdId,
      paymentId,
      first.compoundId,
      first.projectId,
      first.companyId,
      home.regionCode,
      input.method,
      input.amountFen,
      input.reference,
      input.payOrderId ?? null,
      receiptNo,
      input.actor?.id ?? null,
      now.toISOString(),
      JSON.stringify(receiptLines),
      JSON.stringify([audit, ...audits.map((a) => auditRow(a.actor, a.entry))]),
      order?.id ?? null,
      order?.transactionId ?? null,
      order?.paidAt.toISOString() ?? null,
    ]);
  } catch (e) {
    const code = (e as { code?: string; cause?: { code?: string } }).code ?? (e as { cause?: { code?: string } }).cause?.code;
    if (code === '22012') throw new AppError('POSTING_RACED', 409, '账单或订单已被同时修改，请重试');
    throw e;
  }
  return { paymentId, receiptNo };
}
