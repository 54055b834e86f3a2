/**
 * Issue 13's journey, over the whole platform with WeChat Pay's local stand-in (signed requests,
 * signed and encrypted notifications, exactly as WeChat): the company bills this month in the console
 * (last month already billed) → a resident pays both bills in one tap in the mini-program H5 (the
 * stand-in's pay page) → the receipt shows → the project's collection rate for the month moves in the
 * console → the company refunds part of the payment, and the refund goes to WeChat. Then an order
 * paid at WeChat only after it was closed here (the books cannot take it) is found in the console's
 * 微信支付订单 and refunded whole by the company.
 * Needs `npm run build -w admin` and `npm run build:h5 -w mini` first.
 */
import type { BrowserContext } from 'playwright-core';
import type { Page } from 'playwright-core';
import { launchBrowser, submitConsoleLogin } from '../support/browser';
import { button, devLogin, exactly, openH5 } from '../support/h5';
import { startPlatform, type Platform } from '../support/platform';
import { startWechatPayStandIn, type WechatPayStandIn } from '../support/wechatPayStandIn';

jest.setTimeout(240_000);

let platform: Platform;
let browser: BrowserContext;
let standIn: WechatPayStandIn;
let company: string;
let compoundName: string;
let project: { id: number; company_id: number; compound_id: number; region_code: string };
const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
const beijing = (d = new Date()) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
const thisMonth = beijing().slice(0, 7);
const lastMonth = (() => {
  const [y, m] = thisMonth.split('-').map(Number);
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
})();

async function bill(period: string) {
  const res = await platform.api.post('/api/billing-runs').set(bearer(company)).send({ projectId: project.id, period });
  expect(res.status).toBe(201);
  for (let i = 0; i < 400; i++) {
    const run = await platform.api.get(`/api/billing-runs/${res.body.id}`).set(bearer(company));
    if (run.body.status === 'completed') return run.body;
    if (run.body.status === 'failed') throw new Error(`billing run failed: ${run.body.error}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('billing run did not finish');
}
const collection = async () =>
  (await platform.api.get(`/api/fees/collection?from=${thisMonth}-01&to=${beijing()}&groupBy=project`).set(bearer(company))).body.total as {
    collectedFen: number;
    dueFen: number;
    rateBp: number | null;
  };

beforeAll(async () => {
  standIn = await startWechatPayStandIn({ appId: 'wxtest000000000001' });
  standIn.retryScale = 0.0001;
  platform = await startPlatform({ ...standIn.env(), PAY_STAND_IN: '1' });
  standIn.notifyUrlOverride = `${platform.baseUrl}/api/pay/wechat/notify`;
  browser = await launchBrowser();
  company = await platform.login('company');
  // A compound the demo company starts serving this year (the seeded projects are billed through the year already).
  const [{ company_id }] = await platform.query<{ company_id: number }>(`SELECT company_id FROM users WHERE username = 'company'`);
  const [c] = await platform.query<{ id: number; region_code: string; name: string }>(
    `SELECT c.id, c.region_code, c.name FROM compounds c WHERE NOT EXISTS (SELECT 1 FROM projects p WHERE p.compound_id = c.id AND p.end_date >= current_date)
        AND EXISTS (SELECT 1 FROM households h WHERE h.compound_id = c.id AND h.owner_id IS NOT NULL) ORDER BY c.id LIMIT 1`,
  );
  [project] = await platform.query(
    `INSERT INTO projects (company_id, compound_id, region_code, start_date, end_date, fee_fen_per_m_2_month, service_level, manager_name)
     VALUES ($1, $2, $3, $4::date, current_date + 365, 139, 3, '赵经理') RETURNING id, company_id, compound_id, region_code`,
    [company_id, c.id, c.region_code, `${lastMonth}-01`],
  );
  compoundName = c.name;
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await platform?.stop();
  await standIn?.close();
});

test('company bills two months → a resident pays both in one tap in the mini H5 → receipt → the collection rate moves → a refund', async () => {
  // The company's fee item and two months billed (one batch each, with progress).
  const item = await platform.api
    .post('/api/fee-items')
    .set(bearer(company))
    .send({
      projectId: project.id,
      kind: 'property_fee',
      name: '物业服务费',
      feeMilliFenPerM2Month: 139000,
      billingCycle: 'monthly',
      startsOn: `${lastMonth}-01`,
    });
  expect(item.status).toBe(201);
  await bill(lastMonth);
  // This month in the console: one batch for the new compound, its page following the progress to the end.
  const console_ = await browser.newPage();
  console_.setDefaultTimeout(30_000);
  await submitConsoleLogin(console_, platform.baseUrl, 'company', 'baotou2024', 'console');
  await console_.getByText('欢迎使用包头智慧物业管理服务平台').waitFor();
  await console_.goto(`${platform.baseUrl}/admin/#/billing-runs/create`);
  const [y, m] = thisMonth.split('-').map(Number);
  await console_.locator('input[name="period"]').locator('..').getByRole('combobox').click();
  await console_.getByRole('option', { name: `${y}年${m}月`, exact: true }).click();
  await console_.locator('input[name="compoundIds"]').locator('..').getByRole('combobox').click();
  await console_.getByRole('option', { name: compoundName, exact: true }).click();
  await console_.keyboard.press('Escape');
  await console_.getByRole('button', { name: '保存' }).click();
  await console_.waitForURL(/#\/billing-runs\/\d+\/show/);
  await console_.getByText('已完成', { exact: true }).first().waitFor();
  const [home] = await platform.query<{ household_id: number; compound_id: number; region_code: string; total: string }>(
    `SELECT b.household_id, b.compound_id, b.region_code, sum(b.amount_fen)::text AS total FROM bills b
      WHERE b.fee_item_id = $1 AND b.payer = 'household' GROUP BY b.household_id, b.compound_id, b.region_code HAVING count(*) = 2 ORDER BY b.household_id LIMIT 1`,
    [item.body.id],
  );
  const totalFen = Number(home.total);
  const before = await collection();
  const consoleRate = async (page: Page) => {
    await page.goto(`${platform.baseUrl}/admin/#/fees-collection`);
    await page.getByTestId('collection-from').fill(`${thisMonth}-01`);
    await page.getByTestId('collection-to').fill(beijing());
    const cell = page.getByTestId(`collection-row-${project.id}`).getByTestId('collection-rate');
    await cell.waitFor();
    return (await cell.innerText()).trim();
  };
  // Nothing collected yet for the month (no figure, or 0.00%).
  expect(await consoleRate(console_)).toMatch(/^(—|0\.00%)$/);

  // The resident: the fees page of their home, signed in with the development login, the home verified.
  const mini = await browser.newPage();
  mini.setDefaultTimeout(30_000);
  await mini.setViewportSize({ width: 390, height: 844 });
  const errors: string[] = [];
  mini.on('pageerror', (e) => errors.push(e.message));
  await openH5(mini, platform.baseUrl, `/packages/fees/index/index?householdId=${home.household_id}`);
  const resident = await devLogin(mini, platform.query);
  await platform.query(
    `INSERT INTO household_claims (user_id, household_id, compound_id, region_code, name, phone_enc, phone_masked, status) VALUES ($1, $2, $3, $4, '王五', 'x', '139****0002', 'verified')`,
    [resident.id, home.household_id, home.compound_id, home.region_code],
  );
  await openH5(mini, platform.baseUrl, `/packages/fees/index/index?householdId=${home.household_id}`);
  // Both bills chosen by default, oldest first; the total is what they owe.
  const yuan = (fen: number) => `¥${(fen / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
  await mini
    .getByTestId('fees-total')
    .filter({ hasText: exactly(yuan(totalFen)) })
    .waitFor();
  await expect(mini.locator('.fees-bill .fees-check-on').filter({ visible: true }).count()).resolves.toBe(2);
  await button(mini, '微信支付').click();
  await mini.waitForURL(/#\/packages\/fees\/pay\/index/);
  await button(mini, '确认支付').click();
  await mini.waitForURL(/#\/packages\/fees\/receipt\/index\?id=\d+/);
  const receiptNo = (await mini.getByTestId('receipt-no').filter({ visible: true }).innerText()).trim();
  expect(receiptNo).toMatch(/^SF\d{16}$/);
  await mini
    .getByTestId('receipt-total')
    .filter({ hasText: exactly(yuan(totalFen)) })
    .waitFor();
  await button(mini, '打印收据').waitFor();

  // One payment posted from WeChat's notification, the two bills paid.
  const [payment] = await platform.query<{ id: number; method: string; amount_fen: string; pay_order_id: number }>(
    `SELECT id, method, amount_fen::text, pay_order_id FROM fee_payments WHERE receipt_no = $1`,
    [receiptNo],
  );
  expect(payment).toMatchObject({ method: 'wechat', amount_fen: String(totalFen) });
  expect(await platform.query(`SELECT DISTINCT status FROM bills WHERE fee_item_id = $1 AND household_id = $2`, [item.body.id, home.household_id])).toEqual([
    { status: 'paid' },
  ]);

  // The month's collection rate moved by this month's bill.
  const after = await collection();
  expect(after.collectedFen).toBeGreaterThan(before.collectedFen);
  expect(after.rateBp!).toBeGreaterThan(before.rateBp ?? 0);
  await console_.reload();
  let shown = await consoleRate(console_);
  for (let i = 0; i < 20 && !/^(?!0\.00%)\d+\.\d\d%$/.test(shown); i++) {
    await new Promise((r) => setTimeout(r, 500));
    shown = (await console_.getByTestId(`collection-row-${project.id}`).getByTestId('collection-rate').innerText()).trim();
  }
  expect(shown).toMatch(/^(?!0\.00%)\d+\.\d\d%$/);

  // A refund of part of it, through WeChat Pay's refund API.
  const refund = await platform.api.post(`/api/fee-payments/${payment.id}/refund`).set(bearer(company)).send({ amountFen: 100, reason: '多收退回' });
  expect(refund.status).toBe(201);
  expect(standIn.refunds.filter((r) => r.refund === 100)).toHaveLength(1);
  expect(await platform.query(`SELECT refund_fen::text, status FROM pay_refunds WHERE pay_order_id = $1`, [payment.pay_order_id])).toEqual([
    { refund_fen: '100', status: 'SUCCESS' },
  ]);
  expect(errors).toEqual([]);
});

test('an order paid at WeChat after it closed here: the company finds it in 微信支付订单 and refunds it whole', async () => {
  const [b] = await platform.query<{ id: number; household_id: number; compound_id: number; region_code: string; amount_fen: string }>(
    `SELECT b.id, b.household_id, b.compound_id, b.region_code, b.amount_fen::text FROM bills b
      WHERE b.project_id = $1 AND b.payer = 'household' AND b.status = 'unpaid' ORDER BY b.id DESC LIMIT 1`,
    [project.id],
  );
  const resident = await platform.residentToken('e2e-unposted-payer');
  const me = await platform.api.get('/api/auth/me').set(bearer(resident));
  await platform.query(
    `INSERT INTO household_claims (user_id, household_id, compound_id, region_code, name, phone_enc, phone_masked, status) VALUES ($1, $2, $3, $4, '赵六', 'x', '139****0003', 'verified')`,
    [me.body.id, b.household_id, b.compound_id, b.region_code],
  );
  const placed = await platform.api
    .post('/api/pay/orders')
    .set(bearer(resident))
    .send({ billIds: [b.id] });
  expect(placed.status).toBe(201);
  const [{ out_trade_no: no }] = await platform.query<{ out_trade_no: string }>(`SELECT out_trade_no FROM pay_orders WHERE id = $1`, [placed.body.orderId]);
  await platform.query(`UPDATE pay_orders SET status = 'closed', closed_at = now() WHERE id = $1`, [placed.body.orderId]);
  await standIn.pay(no);
  await standIn.settled();
  expect(await platform.query(`SELECT status FROM pay_orders WHERE id = $1`, [placed.body.orderId])).toEqual([{ status: 'unposted' }]);

  const page = await browser.newPage();
  page.setDefaultTimeout(30_000);
  await submitConsoleLogin(page, platform.baseUrl, 'company', 'baotou2024', 'console');
  await page.getByText('欢迎使用包头智慧物业管理服务平台').waitFor();
  await page.goto(`${platform.baseUrl}/admin/#/pay-orders`);
  // The list opens on orders awaiting a refund.
  const row = page.getByRole('row').filter({ hasText: no });
  await row.getByText('已支付未入账', { exact: true }).waitFor();
  await row.getByRole('button', { name: '退款' }).click();
  await page.getByLabel('退款原因').fill('订单关闭后支付，原路退回');
  await page.getByRole('dialog').getByRole('button', { name: '退款', exact: true }).click();
  await page.getByRole('dialog').getByText(`将原路退回微信支付`).waitFor();
  await page.getByRole('button', { name: '确认退款' }).click();
  await page.getByText('已退款').first().waitFor();
  expect(standIn.refunds.filter((r) => r.out_trade_no === no).map((r) => r.refund)).toEqual([Number(b.amount_fen)]);
  expect(await platform.query(`SELECT refund_fen::text, status FROM pay_refunds WHERE pay_order_id = $1`, [placed.body.orderId])).toEqual([
    { refund_fen: b.amount_fen, status: 'SUCCESS' },
  ]);
  await page.close();
});
