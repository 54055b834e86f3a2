/**
 * Issue 4 journey (DOMAIN.md §3 usage procedure), console and mini-program H5 in headless Chromium:
 *  1. the property company serving BT0001 proposes a lift repair for one unit in the console and
 *     submits it, which opens an owners' vote over that unit;
 *  2. the unit's owners vote: all but one through the API as verified residents, the last one in the
 *     mini H5, reaching the vote from their home's fund ledger ("去表决");
 *  3. street staff close the vote in the console (passed); the company submits for review;
 *  4. district staff see the shares (no shortfall), approve, record supervision and the audited cost,
 *     accept with the actual cost, and disburse;
 *  5. the resident sees their share and their new balance in the mini H5, then tops up online.
 * Needs `npm run build -w admin` and `npm run build:h5 -w mini` first.
 */
import type { BrowserContext, Page } from 'playwright-core';

import type { TestApi } from '../support/api';
import { launchBrowser, submitConsoleLogin } from '../support/browser';
import { startPlatform, type Platform } from '../support/platform';
import { residentWithHome } from '../support/residents';
import { button, chipIn, escapeRegExp, field, openH5 as openH5At, stepChip, visible } from '../support/h5';

jest.setTimeout(420_000);

const PASSWORD = 'baotou2024';
const COMPOUND = 'BT0001';

let platform: Platform;
let browser: BrowserContext;

beforeAll(async () => {
  platform = await startPlatform();
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await platform?.stop();
});

// ---------- helpers ----------

/** 12345 → "123.45", grouped like the UIs show it. */
const yuan = (fen: number) => {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}${String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${String(abs % 100).padStart(2, '0')}`;
};

/** The platform's agent, as the resident helpers expect it. */
function testApi(): TestApi {
  return {
    api: platform.api,
    login: platform.login,
    query: platform.query,
    residentToken: async (openid: string) => {
      const res = await platform.api.post('/api/auth/wechat').send({ code: `code-${openid}` });
      if (res.status !== 200) throw new Error(`wechat login: ${res.status}`);
      return res.body.token as string;
    },
  } as unknown as TestApi;
}

async function staffGet<T = any>(username: string, path: string): Promise<T> {
  const res = await platform.api.get(path).set('Authorization', `Bearer ${await platform.login(username)}`);
  if (res.status !== 200) throw new Error(`GET ${path}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as T;
}

const openH5 = (page: Page, hash: string) => openH5At(page, platform.baseUrl, hash);

type Home = { householdId: number; buildingName: string; unitName: string; room: string; name: string; phone: string };

/** A new resident scans BT0001 in, logs in (development login) and binds their registered home. */
async function residentBindsInH5(page: Page, home: Home): Promise<void> {
  await page.goto(`${platform.baseUrl}/api/health`);
  await page.evaluate(() => localStorage.clear());
  await openH5(page, `/pages/scan/index?scene=${COMPOUND}`);
  await page.waitForURL(/#\/pages\/home\/index/);
  await button(page, '绑定房屋').click();
  await page.waitForURL(/#\/packages\/places\/bind\/index/);
  await button(page, '微信登录（开发）').click();
  await stepChip(page, '选择楼栋', home.buildingName).click();
  await stepChip(page, '选择单元', home.unitName).click();
  await stepChip(page, '选择房号', home.room).click();
  await field(page, '与房产登记一致的姓名').fill(home.name);
  await field(page, '业主登记的11位手机号').fill(home.phone);
  await button(page, '提交绑定').click();
  await visible(page.locator('.result-status').filter({ hasText: '已认证' }));
  await page.waitForURL(/#\/pages\/me\/index/);
}

/** Signs in to the console; only the console's session is cleared (the mini H5 shares the origin's storage). */
async function signIn(page: Page, username: string): Promise<void> {
  await submitConsoleLogin(page, platform.baseUrl, username, PASSWORD, 'console');
  await page.getByText('欢迎使用包头智慧物业管理服务平台').waitFor();
}

/** Types into a react-admin AutocompleteInput and picks the option containing `pick`. */
async function autocomplete(page: Page, selector: string, text: string, pick: string): Promise<void> {
  const input = page.locator(selector);
  await input.click();
  await input.fill(text);
  await page
    .getByRole('option', { name: new RegExp(escapeRegExp(pick)) })
    .first()
    .click();
}

/** Presses a workflow button on the application's show page, then the dialog's buttons in turn. */
async function workflow(page: Page, action: string, ...dialogButtons: string[]): Promise<void> {
  await page.getByRole('button', { name: action, exact: true }).click();
  const dialog = page.getByRole('dialog');
  await visible(dialog);
  for (const b of dialogButtons) await dialog.getByRole('button', { name: b, exact: true }).click();
  await dialog.waitFor({ state: 'hidden' });
}

async function expectStatus(page: Page, label: string): Promise<void> {
  await visible(page.locator('.RaShow-main').getByText(label, { exact: true }));
}

// ---------- the journey ----------

test('company proposes a lift repair; the unit votes in the mini H5; the district approves; disbursement reaches the resident', async () => {
  // The compound the `company` account serves, and a unit of it whose homes all have registered owners
  // (no developer-unsold homes), preferring the fewest homes that never paid their first deposit.
  const [compound] = await platform.query<{ id: number; name: string }>(
    `SELECT c.id, c.name FROM compounds c JOIN projects p ON p.compound_id = c.id JOIN users u ON u.company_id = p.company_id AND u.username = 'company'
      WHERE c.code = $1`,
    [COMPOUND],
  );
  expect(compound).toBeDefined();
  const [unit] = await platform.query<{ id: number; building: string; unit: string; homes: number }>(
    `SELECT u.id, b.name AS building, u.name AS unit, count(*)::int AS homes
       FROM units u JOIN buildings b ON b.id = u.building_id JOIN households h ON h.unit_id = u.id
       LEFT JOIN owners o ON o.id = h.owner_id LEFT JOIN fund_ledgers l ON l.household_id = h.id
      WHERE u.compound_id = $1 GROUP BY u.id, b.name, u.name
     HAVING bool_and(o.phone_enc IS NOT NULL) AND NOT bool_or(h.developer_unsold)
      ORDER BY count(*) FILTER (WHERE coalesce(l.first_deposit_fen, 0) = 0), count(*), u.id LIMIT 1`,
    [compound.id],
  );
  expect(unit).toBeDefined();
  // The home voting in the UI comes last and has paid its first deposit.
  const homes = await platform.query<{ id: number; room: string; owner_id: number; name: string }>(
    `SELECT h.id, h.room, h.owner_id, o.name FROM households h JOIN owners o ON o.id = h.owner_id
       LEFT JOIN fund_ledgers l ON l.household_id = h.id
      WHERE h.unit_id = $1 ORDER BY coalesce(l.balance_fen, 0) > 0, h.id`,
    [unit.id],
  );
  expect(homes.length).toBe(unit.homes);
  const last = homes[homes.length - 1];
  const contact = await staffGet('city', `/api/owners/${last.owner_id}/contact`);
  const uiVoter: Home = { householdId: last.id, buildingName: unit.building, unitName: unit.unit, room: last.room, name: last.name, phone: contact.phone };
  const [ledgerBefore] = await staffGet<any[]>('d150203', `/api/fund-ledgers?filter=${encodeURIComponent(JSON.stringify({ householdId: last.id }))}`);
  expect(ledgerBefore.balanceFen).toBeGreaterThan(0);

  // 1. The company proposes the repair in the console and submits it to the owners' vote.
  const console = await browser.newPage();
  console.setDefaultTimeout(20_000);
  await signIn(console, 'company');
  await console.goto(`${platform.baseUrl}/admin/#/fund-applications/create`);
  await autocomplete(console, 'input[name="compoundId"]', compound.name, compound.name);
  const title = `${unit.building}${unit.unit}电梯维修`;
  await console.locator('input[name="title"]').fill(title);
  await console.locator('input[name="items.0.name"]').fill('更换曳引机及控制柜');
  await console.locator('input[name="contractor"]').fill('包头市安达电梯工程有限公司');
  await autocomplete(console, 'input[name="unitBuildingId"]', unit.building, unit.building);
  await autocomplete(console, 'input[name="scopeIds"]', unit.unit, unit.unit);
  // A budget with a third decimal is refused in Chinese before anything is sent; yuan become exact fen.
  await console.locator('input[name="items.0.budgetYuan"]').fill('1.234');
  await visible(console.getByTestId('budget-total').filter({ hasText: '预算合计：— 元' }));
  await console.getByRole('button', { name: '保存' }).click();
  await visible(console.getByText('金额应为不小于零的数字，最多两位小数（元）'));
  await console.locator('input[name="items.0.budgetYuan"]').fill('23800.50');
  await visible(console.getByTestId('budget-total').filter({ hasText: '预算合计：23,800.50 元' }));
  await console.getByRole('button', { name: '保存' }).click();
  await console.waitForURL(/#\/fund-applications\/\d+\/show/);
  const applicationId = Number(/fund-applications\/(\d+)\/show/.exec(console.url())![1]);
  await expectStatus(console, '草稿');
  await visible(console.getByTestId('fund-items').filter({ hasText: '23,800.50' }));

  await workflow(console, '提交业主表决', '提交');
  await expectStatus(console, '业主表决中');
  const submitted = await staffGet('d150203', `/api/fund-applications/${applicationId}`);
  expect(submitted).toMatchObject({ status: 'voting', budgetFen: 2380050, scopeType: 'units', scopeIds: [unit.id] });
  const voteId = submitted.voteId as number;
  expect(voteId).toBeGreaterThan(0);

  // 2. Every other home in the unit votes through the API as a verified resident…
  const t = testApi();
  for (const h of homes.slice(0, -1)) {
    const token = await residentWithHome(t, `fund-voter-${h.id}`, h.id);
    const res = await platform.api
      .post(`/api/votes/${voteId}/ballots`)
      .set('Authorization', `Bearer ${token}`)
      .send({ householdId: h.id, choice: 'agree', channel: 'online' });
    expect(res.status).toBeLessThan(300);
  }

  // …and the last owner binds in the mini H5, finds the repair on their fund ledger, and votes from there.
  const mini = await browser.newPage();
  mini.setDefaultTimeout(20_000);
  await mini.setViewportSize({ width: 375, height: 760 });
  await residentBindsInH5(mini, uiVoter);
  await openH5(mini, '/pages/home/index');
  await button(mini, '维修资金').click();
  await mini.waitForURL(/#\/packages\/fund\/index\/index/);
  const card = mini.locator('.fund-ledger').filter({ hasText: `${unit.building} ${unit.unit} ${last.room}`, visible: true });
  await visible(card);
  await expect(card.innerText()).resolves.toContain(yuan(ledgerBefore.balanceFen));
  await card.click();
  await mini.waitForURL(/#\/packages\/fund\/ledger\/index\?householdId=\d+/);
  const app = mini.locator('.fund-app').filter({ hasText: title, visible: true });
  await visible(app);
  await expect(app.innerText()).resolves.toContain('业主表决中');
  await expect(app.innerText()).resolves.toContain('本户预计分摊');
  await button(app, '去表决').click();
  await mini.waitForURL(new RegExp(`#/packages/votes/detail/index\\?id=${voteId}`));
  const block = mini.locator('.home').filter({ hasText: `${unit.building} ${unit.unit} ${last.room}`, visible: true });
  await visible(block);
  await chipIn(block, '同意').click();
  await button(block, '投票').click();
  await visible(mini.getByText('投票成功'));
  await mini.getByText('知道了', { exact: true }).filter({ visible: true }).click();
  await visible(block.locator('.receipt'));
  await expect(block.innerText()).resolves.toContain('已投：同意');

  // 3. Street staff close the vote: it passed. The company submits the application for review.
  await signIn(console, 'street');
  await console.goto(`${platform.baseUrl}/admin/#/votes/${voteId}/show`);
  await console.getByRole('button', { name: '截止表决' }).click();
  await console.getByRole('button', { name: '截止', exact: true }).click();
  await visible(console.getByTestId('vote-verdict'));
  await expect(console.getByTestId('vote-verdict').innerText()).resolves.not.toContain('未通过');

  await signIn(console, 'company');
  await console.goto(`${platform.baseUrl}/admin/#/fund-applications/${applicationId}/show`);
  await workflow(console, '表决结束，提交审核', '提交');
  await expectStatus(console, '区住建局审核中');

  // 4. District staff see the shares: homes that never paid would be overdrawn, so approval is refused
  //    until their deposits are posted from the account page. Then approve, supervise, accept, disburse.
  await signIn(console, 'd150203');
  await console.goto(`${platform.baseUrl}/admin/#/fund-applications/${applicationId}/show`);
  await expectStatus(console, '区住建局审核中');
  await visible(console.getByTestId('fund-vote-verdict').filter({ hasText: '已通过' }));
  const shares = console.getByTestId('fund-shares');
  await visible(shares);
  await expect(shares.locator('tbody tr').count()).resolves.toBe(homes.length);
  const before = await staffGet<{ shares: { householdId: number; room: string; shortfallFen: number }[]; shortfallFen: number }>(
    'd150203',
    `/api/fund-applications/${applicationId}/shares`,
  );
  // The demo seed leaves about one home in twelve without its first deposit, so the unit has some.
  const short = before.shares.filter((x) => x.shortfallFen > 0);
  expect(short.length).toBeGreaterThan(0);
  {
    await visible(console.getByTestId('fund-shortfall').filter({ hasText: `${short.length} 户余额不足，合计缺口 ${yuan(before.shortfallFen)} 元` }));
    await console.getByRole('button', { name: '审核', exact: true }).click();
    const refused = console.getByRole('dialog');
    await refused.getByRole('button', { name: '提交审核意见', exact: true }).click();
    await refused.getByRole('button', { name: '确认提交审核意见', exact: true }).click();
    await visible(refused.getByRole('alert').filter({ hasText: '余额不足' }));
    await refused.getByRole('button', { name: '返回修改', exact: true }).click();
    await refused.getByRole('button', { name: '取消', exact: true }).click();
    await refused.waitFor({ state: 'hidden' });
    expect((await staffGet('d150203', `/api/fund-applications/${applicationId}`)).status).toBe('under_review');

    // Each short home's deposit, posted from the account page (first deposit: area × the per-m² amount).
    await console.goto(`${platform.baseUrl}/admin/#/fund-accounts/${submitted.accountId}/show`);
    for (const home of short) {
      const [ledger] = await staffGet<any[]>('d150203', `/api/fund-ledgers?filter=${encodeURIComponent(JSON.stringify({ householdId: home.householdId }))}`);
      await console.getByRole('button', { name: '登记交存', exact: true }).click();
      const deposit = console.getByRole('dialog');
      await autocomplete(console, 'input[name="householdId"]', home.room, `${unit.building}${unit.unit} ${home.room}`);
      if (ledger.firstDepositFen > 0) {
        await deposit.locator('input[name="kind"]').locator('..').getByRole('combobox').click();
        await console.getByRole('option', { name: '续交', exact: true }).click();
        await deposit.locator('input[name="amountYuan"]').fill(yuan(home.shortfallFen).replace(/,/g, ''));
      }
      await deposit.getByRole('button', { name: '记账', exact: true }).click();
      await deposit.getByRole('button', { name: '确认记账', exact: true }).click();
      await deposit.waitFor({ state: 'hidden' });
    }
    await visible(console.getByTestId('fund-reconciliation-status').filter({ hasText: '账实相符' }));
    await console.goto(`${platform.baseUrl}/admin/#/fund-applications/${applicationId}/show`);
  }
  await visible(console.getByTestId('fund-shares').filter({ hasText: '各户余额足以承担分摊' }));
  await workflow(console, '审核', '提交审核意见', '确认提交审核意见');
  await expectStatus(console, '已批准');

  await console.getByRole('button', { name: '登记监理审价', exact: true }).click();
  let dialog = console.getByRole('dialog');
  await dialog.locator('input[name="supervisor"]').fill('包头市建设工程监理有限公司');
  await dialog.locator('textarea[name="report"]').fill('施工符合规范，审定造价如下。');
  await dialog.locator('input[name="auditedCostYuan"]').fill('23500.00');
  await dialog.getByRole('button', { name: '登记', exact: true }).click();
  await dialog.waitFor({ state: 'hidden' });
  await expectStatus(console, '已监理审价');

  const actualCostFen = 2345678;
  await console.getByRole('button', { name: '验收', exact: true }).click();
  dialog = console.getByRole('dialog');
  await expect(dialog.locator('input[name="actualCostYuan"]').inputValue()).resolves.toBe('23500.00');
  await dialog.locator('input[name="actualCostYuan"]').fill('23456.78');
  await dialog.getByRole('button', { name: '验收', exact: true }).click();
  await visible(dialog.getByTestId('fund-confirm').filter({ hasText: '23,456.78' }));
  await dialog.getByRole('button', { name: '确认验收', exact: true }).click();
  await dialog.waitFor({ state: 'hidden' });
  await expectStatus(console, '已验收');

  const expected = await staffGet<{ totalFen: number; shares: { householdId: number; fen: number }[]; shortfallFen: number }>(
    'd150203',
    `/api/fund-applications/${applicationId}/shares`,
  );
  expect(expected.totalFen).toBe(actualCostFen);
  expect(expected.shares.reduce((s, x) => s + x.fen, 0)).toBe(actualCostFen);
  const myShare = expected.shares.find((s) => s.householdId === last.id)!.fen;

  await workflow(console, '划拨资金', '划拨', '确认划拨');
  await expectStatus(console, '已划拨');
  const disbursed = await staffGet('d150203', `/api/fund-applications/${applicationId}`);
  expect(disbursed.status).toBe('disbursed');
  expect(disbursed.disclosureId).toBeGreaterThan(0);

  // The account still reconciles to the fen, as the console's reconciliation block shows.
  await console.goto(`${platform.baseUrl}/admin/#/fund-accounts/${submitted.accountId}/show`);
  await visible(console.getByTestId('fund-reconciliation-status').filter({ hasText: '账实相符' }));
  await expect(console.getByTestId('recon-difference').innerText()).resolves.toBe('0.00');
  await console.close();

  // 5. The resident sees their share and new balance, then tops up 100 yuan online.
  const newBalance = ledgerBefore.balanceFen - myShare;
  await openH5(mini, `/packages/fund/ledger/index?householdId=${last.id}`);
  const balance = mini.getByTestId('fund-balance').filter({ visible: true });
  await visible(balance.filter({ hasText: yuan(newBalance) }));
  const paid = mini.locator('.fund-app').filter({ hasText: title, visible: true });
  await expect(paid.innerText()).resolves.toContain('已划拨');
  await expect(paid.innerText()).resolves.toContain(`本户已分摊`);
  await expect(paid.locator('[data-testid="fund-share"]').innerText()).resolves.toBe(`${yuan(myShare)} 元`);
  const usage = mini.locator('.fund-entry').filter({ hasText: '维修分摊', visible: true }).first();
  await expect(usage.innerText()).resolves.toContain(`-${yuan(myShare)}`);

  await button(mini, '线上交存').click();
  await mini.waitForURL(/#\/packages\/fund\/deposit\/index/);
  await field(mini, '输入金额，如 500.00').fill('100.005');
  await visible(mini.locator('.fund-error').filter({ hasText: '金额应为数字，最多两位小数' }));
  await field(mini, '输入金额，如 500.00').fill('100');
  await button(mini, '确认交存').click();
  await mini.getByText('确定', { exact: true }).filter({ visible: true }).click();
  await visible(mini.getByTestId('fund-paid').filter({ hasText: '已交存 100.00 元' }));
  await visible(mini.getByTestId('fund-balance').filter({ visible: true, hasText: yuan(newBalance + 10000) }));

  const [stored] = await platform.query<{ usage: number; usage_sum: string; deposits: number }>(
    `SELECT count(*) FILTER (WHERE kind = 'usage')::int AS usage,
            coalesce(sum(amount_fen) FILTER (WHERE kind = 'usage'), 0)::text AS usage_sum,
            count(*) FILTER (WHERE kind = 'self_deposit' AND household_id = $2)::int AS deposits
       FROM fund_entries WHERE reference = $1 OR (kind = 'self_deposit' AND household_id = $2)`,
    [`application:${applicationId}`, last.id],
  );
  expect(stored).toEqual({ usage: homes.length, usage_sum: String(-actualCostFen), deposits: 1 });
  const recon = await staffGet('d150203', `/api/fund-accounts/${submitted.accountId}/reconciliation`);
  expect(recon.differenceFen).toBe(0);
  await mini.close();
});
