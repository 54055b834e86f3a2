import { eq } from 'drizzle-orm';
import type { FundSettings } from '@baotou/config';
import type { Tx } from '../db/client';
import { fundPayments, type PayOrderRow } from '../db/schema';
import { conflict, notFound } from '../http/errors';
import { bookSelfDeposit } from '../fund/ledgerService';

/**
 * A maintenance-fund self-deposit paid through WeChat Pay (purpose fund_deposit): books the
 * order's fund payment once, its row locked; a payment already booked by the signed callback is
 * 409 ALREADY_POSTED (the order is then kept as 'unposted' for staff to look at, never booked twice).
 */
export async function postFundDeposit(tx: Tx, fund: FundSettings, order: Pick<PayOrderRow, 'fundPaymentId' | 'amountFen'>): Promise<void> {
  if (!order.fundPaymentId) throw notFound('维修资金交存记录');
  const [p] = await tx.select().from(fundPayments).where(eq(fundPayments.id, order.fundPaymentId)).for('update');
  if (!p) throw notFound('维修资金交存记录');
  if (p.status !== 'pending') throw conflict('ALREADY_POSTED', '该笔交存已入账');
  if (p.amountFen !== order.amountFen) throw conflict('AMOUNT_MISMATCH', '交存金额与订单金额不符');
  await bookSelfDeposit(tx, fund, p);
}
