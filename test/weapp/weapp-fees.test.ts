/**
 * The fees subpackage of the compiled weapp build (mini/dist) in jsdom with miniprogram-simulate
 * (the harness of weapp-pages.test.ts): one tap pays the chosen bills with wx.requestPayment using
 * exactly the parameters POST /api/pay/orders answered, then follows the order to its receipt.
 * Needs `npm run build:weapp -w mini` first.
 */
import { apiPath, calls, installWeapp, openPage, resetWeapp, sent, sleep, storage, stub, tapText, text, until, type Sent } from '../support/weapp';

const payments: unknown[] = [];

beforeAll(() => {
  installWeapp({
    requestPayment: (o: any) => {
      payments.push({ timeStamp: o.timeStamp, nonceStr: o.nonceStr, package: o.package, signType: o.signType, paySign: o.paySign });
      setTimeout(() => {
        o.success?.({ errMsg: 'requestPayment:ok' });
        o.complete?.({});
      });
    },
  });
});
beforeEach(() => {
  resetWeapp();
  payments.length = 0;
  storage.token = 'resident-jwt';
});

const bill = (id: number, periodStart: string, owedFen: number) => ({
  id,
  householdId: 31,
  feeItemName: '物业服务费',
  periodStart,
  periodEnd: periodStart.replace(/-01$/, '-28'),
  amountFen: owedFen,
  paidFen: 0,
  owedFen,
  status: 'unpaid',
  payer: 'household',
  dueOn: periodStart,
  overdueDays: 0,
});
const params = { timeStamp: '1764500000', nonceStr: 'ABCDEF0123456789', package: 'prepay_id=wx30123456789', signType: 'RSA', paySign: 'c2lnbmF0dXJl' };

function replies(req: Sent) {
  const p = apiPath(req);
  if (p.startsWith('/bills?')) return { statusCode: 200, data: [bill(12, '2026-11-01', 13900), bill(11, '2026-10-01', 13900)] };
  if (p.startsWith('/fee-payments?')) return { statusCode: 200, data: [] };
  if (p === '/pay/orders' && req.method === 'POST') return { statusCode: 201, data: { ...params, orderId: 5, amountFen: 27800 } };
  if (p === '/pay/orders/5')
    return { statusCode: 200, data: { id: 5, status: 'paid', amountFen: 27800, billIds: [11, 12], receiptId: 77, receiptNo: 'SF2026113000000009' } };
  return { statusCode: 404, data: { error: { code: 'NOT_FOUND', message: '不存在' } } };
}

test('both open bills chosen, oldest first: one tap → POST /pay/orders {billIds} → wx.requestPayment with its parameters → the receipt', async () => {
  stub.replies = replies;
  const page = openPage('packages/fees/index/index', { householdId: '31' });
  await until(() => text(page).includes('¥278.00'), 'the total of both bills');
  expect(text(page).indexOf('2026年10月')).toBeLessThan(text(page).indexOf('2026年11月'));
  await sleep(50);
  tapText(page, '.btn-primary', '微信支付');
  await until(() => calls.find(([n, url]) => n === 'redirectTo' && url === '/packages/fees/receipt/index?id=77'), 'the receipt opened');
  expect(sent.find((r) => apiPath(r) === '/pay/orders')!.data).toEqual({ billIds: [11, 12] });
  expect(payments).toEqual([params]);
});
