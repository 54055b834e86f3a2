/**
 * What each user expects on arrival (issue 16 §4), in headless Chromium over the whole platform:
 *  - a district clerk's home shows the overdue count, and its link opens the list with that many rows;
 *  - a resident files a repair in the mini-program H5 (390×844, with a title bar to go back); the
 *    company's staff see it in the console's notifications, accept it, and the WeChat stand-in
 *    receives the resident's subscribe message.
 * Needs `npm run build -w admin` and `npm run build:h5 -w mini` first.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { launchBrowser, submitConsoleLogin } from '../support/browser';
import { button, devLogin, exactly } from '../support/h5';
import { startPlatform, type Platform } from '../support/platform';

jest.setTimeout(240_000);

const PASSWORD = 'baotou2024';
let platform: Platform;
let browser: BrowserContext;
let home: { household_id: number; compound_id: number; code: string; region_code: string };

beforeAll(async () => {
  platform = await startPlatform();
  browser = await launchBrowser();
  // A home in 沼潭社区 whose compound the demo `company` account's company serves today (one is given a project if none is).
  const [{ company_id }] = await platform.query<{ company_id: number }>(`SELECT company_id FROM users WHERE username = 'company'`);
  const served = `SELECT h.id AS household_id, h.compound_id, c.code, h.region_code FROM households h JOIN compounds c ON c.id = h.compound_id
      WHERE h.region_code LIKE '150203001%' AND h.compound_id IN (SELECT p.compound_id FROM projects p WHERE p.company_id = $1 AND p.start_date <= current_date AND p.end_date >= current_date)
        AND NOT EXISTS (SELECT 1 FROM projects p WHERE p.compound_id = h.compound_id AND p.company_id <> $1 AND p.start_date <= current_date AND p.end_date >= current_date)
      ORDER BY h.id LIMIT 1`;
  [home] = await platform.query(served, [company_id]);
  if (!home) {
    const [c] = await platform.query<{ id: number; region_code: string }>(
      `SELECT c.id, c.region_code FROM compounds c WHERE c.region_code = '150203001001' AND NOT EXISTS (SELECT 1 FROM projects p WHERE p.compound_id = c.id AND p.end_date >= current_date) ORDER BY c.id LIMIT 1`,
    );
    await platform.query(
      `INSERT INTO projects (company_id, compound_id, region_code, start_date, end_date, fee_fen_per_m_2_month, service_level, manager_name)
       VALUES ($1, $2, $3, current_date - 30, current_date + 365, 100, 3, '王经理')`,
      [company_id, c.id, c.region_code],
    );
    [home] = await platform.query(served, [company_id]);
  }
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await platform?.stop();
});

async function signInConsole(page: Page, username: string) {
  await submitConsoleLogin(page, platform.baseUrl, username, PASSWORD, 'console');
  await page.getByText('欢迎使用包头智慧物业管理服务平台').waitFor();
}

async function residentWithVerifiedHome(openid: string): Promise<string> {
  const token = (await platform.api.post('/api/auth/dev-login').send({ openid })).body.token as string;
  const [{ id }] = await platform.query<{ id: number }>(`SELECT id FROM users WHERE openid = $1`, [`dev_${openid}`]);
  await platform.query(
    `INSERT INTO household_claims (user_id, household_id, compound_id, region_code, name, phone_enc, phone_masked, status) VALUES ($1, $2, $3, $4, '李四', 'x', '139****0001', 'verified')`,
    [id, home.household_id, home.compound_id, home.region_code],
  );
  return token;
}

test('a district clerk’s home shows the overdue count; its link opens the list with exactly that many rows', async () => {
  // An overdue complaint in 昆都仑区 (150203), filed by a resident and past its time limit.
  const token = await residentWithVerifiedHome('home-overdue');
  const filed = await platform.api
    .post('/api/tickets')
    .set('Authorization', `Bearer ${token}`)
    .send({ kind: 'complaint', category: 'sanitation', against: 'company', householdId: home.household_id, description: '垃圾清运不及时，楼道有异味' });
  expect(filed.status).toBe(201);
  await platform.query(`UPDATE tickets SET due_at = now() - interval '3 hours' WHERE id = $1`, [filed.body.id]);

  const page = await browser.newPage();
  page.setDefaultTimeout(20_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await signInConsole(page, 'd150203');
  const count = page.getByTestId('home-ticketsOverdue-count');
  await count.waitFor();
  const n = Number((await count.innerText()).replace(/,/g, ''));
  expect(n).toBeGreaterThanOrEqual(1);
  // the district compares its streets
  await page.getByTestId('home-chart-openTicketsByRegion').waitFor();

  await page.getByTestId('home-ticketsOverdue').locator('a').click();
  await page.waitForURL(/#\/tickets\?filter=/);
  await page
    .getByText(new RegExp(`共 ${n} 条`))
    .first()
    .waitFor();
  await expect(page.locator('tbody tr').count()).resolves.toBe(Math.min(n, 25));
  await page
    .locator('td')
    .filter({ hasText: exactly(String(filed.body.id)) })
    .first()
    .waitFor();
  expect(errors).toEqual([]);
});

test('a resident files a repair in the mini H5 → the company sees it in its notifications and accepts it → the resident’s WeChat message arrives', async () => {
  const mini = await browser.newPage();
  mini.setDefaultTimeout(20_000);
  await mini.setViewportSize({ width: 390, height: 844 });
  await mini.goto(`${platform.baseUrl}/h5/#/pages/scan/index?scene=${home.code}`);
  await mini.waitForURL(/#\/pages\/home\/index/);
  // not a committee member: no committee workspace on the home page
  await button(mini, '我的工单').waitFor();
  expect(await button(mini, '业委会工作台').count()).toBe(0);

  // A deep page has a title bar that goes back.
  await button(mini, '受理公示').click();
  await mini.waitForURL(/#\/packages\/tickets\/board\/index/);
  await mini.locator('.taro-navigation-bar-show .taro-navigation-bar-back').click();
  await mini.waitForURL(/#\/pages\/home\/index/);

  await button(mini, '报修 · 投诉 · 纠纷').click();
  await mini.waitForURL(/#\/packages\/tickets\/new\/index/);
  await button(mini, '微信登录（开发）').click();
  await mini.getByText('请先绑定并认证您的房屋').first().waitFor();
  const [resident] = await platform.query<{ id: number; openid: string }>(`SELECT id, openid FROM users WHERE openid LIKE 'dev_%' ORDER BY id DESC LIMIT 1`);
  await platform.query(
    `INSERT INTO household_claims (user_id, household_id, compound_id, region_code, name, phone_enc, phone_masked, status) VALUES ($1, $2, $3, $4, '张三', 'x', '139****0000', 'verified')`,
    [resident.id, home.household_id, home.compound_id, home.region_code],
  );
  await mini.reload();
  await mini
    .locator('.chip')
    .filter({ hasText: exactly('给排水'), visible: true })
    .click();
  await mini.locator('.chip-on').filter({ hasText: /号楼/, visible: true }).first().waitFor();
  await mini.locator('textarea').filter({ visible: true }).fill('卫生间地漏堵塞，积水严重');
  await button(mini, '提交').click();
  await mini.waitForURL(/#\/packages\/tickets\/detail\/index\?id=\d+/);
  const id = Number(/id=(\d+)/.exec(mini.url())![1]);

  // The company's staff: the bell counts it, the list names it, opening it leads to the case.
  const admin = await browser.newPage();
  admin.setDefaultTimeout(20_000);
  await signInConsole(admin, 'company');
  await admin.getByTestId('notification-bell').click();
  await admin.waitForURL(/#\/notifications/);
  await admin
    .getByText(new RegExp(`待受理工单T${id}`))
    .first()
    .click();
  await admin.waitForURL(new RegExp(`#/tickets/${id}/show`));
  await admin.getByRole('button', { name: '受理', exact: true }).click();
  await admin.getByRole('button', { name: '确定' }).click();
  await admin.getByText('已受理').first().waitFor();

  // WeChat (the stand-in) received the resident's subscribe message for the acceptance.
  const arrived = async () =>
    platform.wechat.messages.filter((m) => m.touser === resident.openid && m.data.character_string1?.value === `T${id}`).map((m) => m.data.phrase3.value);
  for (let i = 0; i < 50 && !(await arrived()).includes('已受理'); i++) await new Promise((r) => setTimeout(r, 100));
  expect(await arrived()).toEqual(['待受理', '已受理']);
  const [read] = await platform.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM notifications WHERE entity_id = $1 AND channel = 'console' AND read_at IS NOT NULL`,
    [String(id)],
  );
  expect(read.n).toBe(1);
});

test('the owner registers a tenant in the mini H5; the tenant binds and files a repair for the home', async () => {
  const page = await browser.newPage();
  page.setDefaultTimeout(20_000);
  await page.setViewportSize({ width: 390, height: 844 });
  const fresh = async () => {
    await page.goto(`${platform.baseUrl}/h5/#/pages/scan/index?scene=${home.code}`);
    await page.evaluate(() => localStorage.clear());
    await page.goto('about:blank');
    await page.goto(`${platform.baseUrl}/h5/#/pages/scan/index?scene=${home.code}`);
    await page.waitForURL(/#\/pages\/home\/index/);
  };
  // The owner: a verified home, then 我的房屋 → 家庭成员与租户.
  await fresh();
  await button(page, '我的房屋').click();
  const owner = await devLogin(page, platform.query);
  await platform.query(
    `INSERT INTO household_claims (user_id, household_id, compound_id, region_code, name, phone_enc, phone_masked, status) VALUES ($1, $2, $3, $4, '赵业主', 'x', '139****0002', 'verified')`,
    [owner.id, home.household_id, home.compound_id, home.region_code],
  );
  await page.reload();
  await button(page, '家庭成员与租户').click();
  await page.waitForURL(/#\/packages\/places\/members\/index/);
  await page
    .locator('.chip')
    .filter({ hasText: exactly('租户'), visible: true })
    .click();
  await page.locator('input[placeholder="成员姓名"]').filter({ visible: true }).fill('孙租户');
  await page.locator('input[placeholder="成员的11位手机号"]').filter({ visible: true }).fill('13900003333');
  await button(page, '登记').click();
  await page
    .getByText(/孙租户（租户） 139\*\*\*\*3333/)
    .first()
    .waitFor();

  // The tenant, on another phone: binds with the registered name and phone, then files a repair.
  await fresh();
  // A full load of the shared link, as the tenant's phone opens it (not a hash change on the home page).
  await page.goto('about:blank');
  await page.goto(`${platform.baseUrl}/h5/#/packages/places/member-bind/index?householdId=${home.household_id}`);
  await button(page, '微信登录（开发）').click();
  await page.locator('input[placeholder="业主登记的姓名"]').filter({ visible: true }).fill('孙租户');
  await page.locator('input[placeholder="业主登记的11位手机号"]').filter({ visible: true }).fill('13900003333');
  await button(page, '绑定').click();
  await page.getByText('知道了', { exact: true }).filter({ visible: true }).click();
  await page.waitForURL(/#\/packages\/tickets\/new\/index/);
  await page
    .locator('.chip')
    .filter({ hasText: exactly('给排水'), visible: true })
    .click();
  await page.locator('.chip-on').filter({ hasText: /号楼/, visible: true }).first().waitFor();
  await page.locator('textarea').filter({ visible: true }).fill('租住房屋热水器漏水');
  await button(page, '提交').click();
  await page.waitForURL(/#\/packages\/tickets\/detail\/index\?id=\d+/);
  const id = Number(/id=(\d+)/.exec(page.url())![1]);
  const [t] = await platform.query<{ household_id: number; resident_id: number }>(`SELECT household_id, resident_id FROM tickets WHERE id = $1`, [id]);
  const [{ status }] = await platform.query<{ status: string }>(`SELECT status FROM household_members WHERE household_id = $1 AND name = '孙租户'`, [
    home.household_id,
  ]);
  expect(status).toBe('bound');
  expect(t.household_id).toBe(home.household_id);
  expect(t.resident_id).not.toBe(owner.id);
});
