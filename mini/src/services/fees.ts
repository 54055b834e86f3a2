import Taro from '@tarojs/taro';

import { request } from './request';
import { listQuery } from './votes';

// Property fees and WeChat Pay (docs/API.md, "Property fees" and "WeChat Pay"). Money is integer fen.

export interface Bill {
  id: number;
  householdId: number;
  feeItemName: string;
  periodStart: string;
  periodEnd: string;
  amountFen: number;
  paidFen: number;
  owedFen: number;
  status: 'unpaid' | 'partly_paid' | 'paid' | 'reversed';
  payer: 'household' | 'developer';
  dueOn: string;
  overdueDays: number;
}

export interface FeePayment {
  id: number;
  method: 'wechat' | 'cash' | 'bank_transfer';
  amountFen: number;
  refundedFen: number;
  receiptNo: string;
  receiptId: number | null;
  paidAt: string;
}

export interface Receipt {
  id: number;
  receiptNo: string;
  compoundName: string;
  buildingName: string;
  unitName: string | null;
  room: string;
  amountFen: number;
  refundedFen: number;
  method: FeePayment['method'];
  companyName: string;
  issuedAt: string;
  lines: { billId: number; feeItemName: string; periodStart: string; periodEnd: string; amountFen: number }[];
}

/** wx.requestPayment's parameters, as POST /api/pay/orders answers them, with our order. */
export interface PayOrderCreated {
  timeStamp: string;
  nonceStr: string;
  package: string;
  signType: 'RSA';
  paySign: string;
  orderId: number;
  amountFen: number;
}

export interface PayOrder {
  id: number;
  status: 'open' | 'paid' | 'closed' | 'unposted';
  amountFen: number;
  billIds: number[];
  receiptId: number | null;
  receiptNo: string | null;
}

// Labels as @baotou/shared's BILL_STATUS_LABELS / PAYMENT_METHOD_LABELS (shared/src/fees/enums.ts).
export { BILL_STATUS_LABELS, PAYMENT_METHOD_LABELS } from '@baotou/shared/src/fees/enums';

export function listBills(householdId: number): Promise<Bill[]> {
  return request(`/bills?${listQuery({ householdId, payer: 'household' }, ['periodStart', 'ASC'], 200)}`, { loading: false });
}

export function listFeePayments(householdId: number): Promise<FeePayment[]> {
  return request(`/fee-payments?${listQuery({ householdId }, ['id', 'DESC'], 50)}`, { loading: false });
}

export function getReceipt(id: number): Promise<Receipt> {
  return request(`/receipts/${id}`);
}

export function createPayOrder(billIds: number[]): Promise<PayOrderCreated> {
  return request('/pay/orders', { method: 'POST', data: { billIds }, loading: '下单中' });
}

export function getPayOrder(id: number): Promise<PayOrder> {
  return request(`/pay/orders/${id}`, { loading: false, toast: false });
}

/** The H5 build's stand-in for WeChat's payment sheet: the stand-in pays and notifies the server. */
export function standInPay(id: number): Promise<{ id: number; status: PayOrder['status'] }> {
  return request(`/pay/orders/${id}/stand-in-pay`, { method: 'POST', loading: '支付中' });
}

/** WeChat's payment sheet (weapp); resolves when the resident paid, rejects on cancel or failure. */
export function requestWechatPayment(p: PayOrderCreated): Promise<unknown> {
  return Taro.requestPayment({ timeStamp: p.timeStamp, nonceStr: p.nonceStr, package: p.package, signType: p.signType, paySign: p.paySign });
}

/** The notification reaches the server a moment after the sheet closes: wait for the order to be paid. */
export async function waitPaid(id: number, tries = 15): Promise<PayOrder> {
  let o = await getPayOrder(id);
  for (let i = 0; i < tries && o.status === 'open'; i++) {
    await new Promise((r) => setTimeout(r, 1000));
    o = await getPayOrder(id);
  }
  return o;
}

/** The bills paid first: the oldest (research §6 rule 5). */
export function oldestFirst(bills: Bill[]): Bill[] {
  return [...bills].sort((a, b) => a.periodStart.localeCompare(b.periodStart) || a.id - b.id);
}

export function periodLabel(b: { periodStart: string; periodEnd: string }): string {
  const s = b.periodStart.slice(0, 7).replace('-', '年') + '月';
  const e = b.periodEnd.slice(0, 7).replace('-', '年') + '月';
  return s === e ? s : `${s}至${e}`;
}

export { formatYuan } from '@baotou/shared/src/fund/money';
