/**
 * Tickets journey (issue 5) in headless Chromium over the whole platform:
 *  - a resident files a repair with a photo in the mini-program H5 → company staff (`company`)
 *    dispatch it in one action and resolve it in the console → the resident rates it;
 *  - a complaint overruns its time limit and the scheduler (driven with an injected clock through
 *    the test-only hook) moves it to the street, which finds it in its queue.
 * Needs `npm run build -w admin` and `npm run build:h5 -w mini` first.
 */
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { launchBrowser, submitConsoleLogin } from '../support/browser';
import { startPlatform, type Platform } from '../support/platform';

jest.setTimeout(240_000);

const PASSWORD = 'baotou2024';
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

let platform: Platform;
let browser: BrowserContext;
let home: { household_id: number; compound_id: number; code: string; region_code: string };

beforeAll(async () => {
  platform = await startPlatform();
  browser = await launchBrowser();
  // A home in 沼潭社区 whose compound the demo `company` account's company serves today.
  const [{ company_id }] = await platform.query<{ company_id: number }>(`SELECT company_id FROM users WHERE username = 'company'`);
  [home] = await platform.query(
    `SELECT h.id AS household_id, h.compound_id, c.code, h.region_code FROM households h JOIN compounds c ON c.id = h.compound_id
      WHERE h.region_code = '150203001001' ORDER BY h.id LIMIT 1`,
  );
  // Any current contract ends yesterday (its staff records keep pointing at it); the demo company's starts.
  await platform.query(
    `UPDATE projects SET start_date = LEAST(start_date, current_date - 400), end_date = current_date - 1 WHERE compound_id = $1 AND end_date >= current_date`,
    [home.compound_id],
  );
  await platform.query(
    `INSERT INTO projects (company_id, compound_id, region_code, start_date, end_date, fee_fen_per_m_2_month, service_level, manager_name)
     VALUES ($1, $2, $3, current_date - 30, current_date + 365, 100, 3, '王经理')`,
    [company_id, home.compound_id, home.region_code],
  );
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await platform?.stop();
});

const exactly = (text: string) => new RegExp(`^\\s*${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);
const miniButton = (page: Page, text: string): Locator => page.locator('taro-button-core').filter({ hasText: exactly(text), visible: true });
const chip = (page: Page, text: string): Locator => page.locator('.chip').filter({ hasText: exactly(text), visible: true });

/** The resident who just logged in on the H5 binds the home through the API (binding has its own journey) and the city approves. */
async function verifyLatestDevResident(): Promise<number> {
  const [u] = await platform.query<{ id: number; openid: string }>(`SELECT id, openid FROM users WHERE openid LIKE 'dev_%' ORDER BY id DESC LIMIT 1`);
  const token = (await platform.api.post('/api/auth/dev-login').send({ openid: u.openid.slice('dev_'.length) })).body.token as string;
  const claim = await platform.api
    .post('/api/household-claims')
    .set('Authorization', `Bearer ${token}`)
    .send({ householdId: home.household_id, name: '张三', phone: '13900000000' });
  const approved = await platform.api.post(`/api/household-claims/${claim.body.id}/approve`).set('Authorization', `Bearer ${await platform.login('city')}`);
  expect(approved.body.status).toBe('verified');
  return u.id;
}

async function signInConsole(page: Page, username: string) {
  await submitConsoleLogin(page, platform.baseUrl, username, PASSWORD, 'console');
  // Each role has its own home page: signed in is when the login form is gone.
  await page.locator('input[name="password"]').waitFor({ state: 'detached' });
}

async function consoleAction(page: Page, button: string, fields: Record<string, string> = {}) {
  await page.getByRole('button', { name: button, exact: true }).click();
  for (const [name, value] of Object.entries(fields)) await page.locator(`[data-field="${name}"]`).fill(value);
  if (Object.keys(fields).length) await page.getByRole('button', { name: '确定' }).click();
}

test('a resident files a repair with a photo → the company dispatches and resolves it in the console → the resident rates it → only then it closes', async () => {
  const mini = await browser.newPage();
  mini.setDefaultTimeout(20_000);
  await mini.setViewportSize({ width: 375, height: 760 });
  mini.on('pageerror', (e) => console.log('mini page error:', e.message));
  await mini.goto(`${platform.baseUrl}/h5/#/pages/scan/index?scene=${home.code}`);
  try {
    await mini.waitForURL(/#\/pages\/home\/index/);
  } catch (e) {
    await mini.screenshot({ path: '/tmp/tickets-mini-fail.png' });
    throw e;
  }
  await miniButton(mini, '报修 · 投诉 · 纠纷').click();
  await mini.waitForURL(/#\/packages\/tickets\/new\/index/);
  await miniButton(mini, '微信登录（开发）').click();
  // The resident's home is verified (binding has its own journey); the form then prefills it.
  await mini.getByText('请先绑定并认证您的房屋').first().waitFor();
  await verifyLatestDevResident();
  await mini.reload();
  await chip(mini, '给排水').click();
  await mini.locator('.chip-on').filter({ hasText: /号楼/, visible: true }).first().waitFor();
  await mini.locator('textarea').filter({ visible: true }).fill('厨房水管漏水，地面积水');
  // Issue 16 §1: the resident chooses what the handler sees (name and phone is the default).
  await mini
    .locator('.chip-on')
    .filter({ hasText: exactly('姓名和电话'), visible: true })
    .waitFor();
  await mini.locator('.photo-add-h5 input[type="file"]').setInputFiles({ name: 'leak.png', mimeType: 'image/png', buffer: PNG });
  await mini.locator('.photo').filter({ visible: true }).first().waitFor();
  await miniButton(mini, '提交').click();
  await mini.waitForURL(/#\/packages\/tickets\/detail\/index\?id=\d+/);
  const id = Number(/id=(\d+)/.exec(mini.url())![1]);
  await mini.locator('.ticket-status').filter({ hasText: '待受理', visible: true }).first().waitFor();
  const [stored] = await platform.query<{ photos: number[]; company_id: number; level: string }>(
    `SELECT photos, company_id, level FROM tickets WHERE id = $1`,
    [id],
  );
  expect(stored.photos).toHaveLength(1);
  expect(stored.level).toBe('company');

  // Company staff: one-click dispatch, then resolve.
  const admin = await browser.newPage();
  admin.setDefaultTimeout(20_000);
  await signInConsole(admin, 'company');
  await admin.goto(`${platform.baseUrl}/admin/#/tickets`);
  await admin
    .locator('td')
    .filter({ hasText: exactly(String(id)) })
    .first()
    .click();
  await admin.waitForURL(new RegExp(`#/tickets/${id}/show`));
  await admin.locator('img.ticket-photo').first().waitFor();
  // The handler reaches the resident: name and masked phone, the full phone on request (audited).
  await admin.getByText('张三 139****0000').first().waitFor();
  await admin.getByRole('button', { name: '查看完整电话（留痕）' }).click();
  await admin.getByText('张三 13900000000').first().waitFor();
  const audited = await platform.query(`SELECT 1 FROM audit_logs WHERE action = 'view_personal' AND entity = 'tickets' AND entity_id = $1`, [String(id)]);
  expect(audited).toHaveLength(1);
  // Each deadline by its name (issue 16 §2): 待受理 counts down to 响应时限.
  await admin
    .getByText(/^距响应时限 /)
    .first()
    .waitFor();
  // The dispatch dialog shows the server's refusal on its field, in red (it said "请检查标红的项目" with nothing red).
  await consoleAction(admin, '一键派工', { workerName: '张师傅', workerPhone: '1370000' });
  await admin.locator('.MuiDialog-root .Mui-error').filter({ hasText: '维修人员电话' }).first().waitFor();
  await admin.getByText('维修人员电话必须是11位手机号').first().waitFor();
  await admin.locator('[data-field="workerPhone"]').fill('13700001111');
  await admin.getByRole('button', { name: '确定' }).click();
  await admin.getByText('已派工').first().waitFor();
  await admin
    .getByText(/^距办结时限 /)
    .first()
    .waitFor();
  // 受理部门 is the company; the person masked beside it.
  await admin
    .locator('.ticket-handler')
    .filter({ hasText: /鹿城物业服务有限公司 · 鹿\*+/ })
    .first()
    .waitFor();
  // Resolving in the console takes completion photos, as the field app does.
  await admin.getByRole('button', { name: '办理完成', exact: true }).click();
  await admin.getByTestId('resolve-photos').setInputFiles({ name: 'done.png', mimeType: 'image/png', buffer: PNG });
  await admin.locator('.MuiDialog-root img.ticket-photo').first().waitFor();
  await admin.locator('[data-field="result"]').fill('已更换水管接头，试水正常');
  await admin.getByRole('button', { name: '确定' }).click();
  await admin.getByText('待评价').first().waitFor();
  expect((await platform.query<{ result_photos: number[] }>(`SELECT result_photos FROM tickets WHERE id = $1`, [id]))[0].result_photos).toHaveLength(1);
  // DOMAIN.md §6: the case now waits for the resident — no 结案 yet, and the console says until when.
  await admin
    .getByText(/待居民评价，.*前未评价将自动确认/)
    .first()
    .waitFor();
  expect(await admin.getByRole('button', { name: '结案', exact: true }).count()).toBe(0);

  // The resident rates it.
  await mini.reload();
  await mini.locator('.ticket-result').filter({ hasText: '已更换水管接头，试水正常', visible: true }).first().waitFor();
  await chip(mini, '响应及时').click();
  await miniButton(mini, '提交评价').click();
  await mini.locator('.ticket-status').filter({ hasText: '已评价待办结', visible: true }).first().waitFor();
  const [rated] = await platform.query<{ status: string; rating: number; rating_tags: string[] }>(
    `SELECT status, rating, rating_tags FROM tickets WHERE id = $1`,
    [id],
  );
  expect(rated).toEqual({ status: 'confirmed', rating: 5, rating_tags: ['fast'] });
  const steps = await platform.query<{ action: string }>(`SELECT action FROM ticket_events WHERE ticket_id = $1 ORDER BY id`, [id]);
  expect(steps.map((s) => s.action)).toEqual(['create', 'dispatch', 'resolve', 'confirm']);

  // One lifecycle (issue 16 §1): the rated case stays in the company's 待办 queue as 已评价待办结.
  await admin.goto(`${platform.baseUrl}/admin/#/tickets`);
  const queued = admin.locator('tr').filter({ has: admin.locator('td').filter({ hasText: exactly(String(id)) }) });
  // (the list first shows its cached page, then the refetched one)
  await queued.filter({ hasText: '已评价待办结' }).first().waitFor();
  await queued.first().click();
  await admin.waitForURL(new RegExp(`#/tickets/${id}/show`));
  // Only after the resident's word may the company answer and close it (已办结).
  await consoleAction(admin, '答复', { answer: '已更换水管接头，欢迎监督' });
  await admin.getByRole('button', { name: '结案', exact: true }).waitFor();
  await consoleAction(admin, '结案');
  await admin.getByText('已办结').first().waitFor();
  const [closed] = await platform.query<{ status: string; rating: number }>(`SELECT status, rating FROM tickets WHERE id = $1`, [id]);
  expect(closed).toEqual({ status: 'closed', rating: 5 });
});

test('a complaint that overruns its time limit moves to the street, which sees it in its queue', async () => {
  // A second resident files through the API (the mini flow is covered above).
  const login = await platform.api.post('/api/auth/dev-login').send({ openid: 'overrun-resident' });
  const token = login.body.token as string;
  const [{ id: userId }] = await platform.query<{ id: number }>(`SELECT id FROM users WHERE openid = 'dev_overrun-resident'`);
  await platform.query(
    `INSERT INTO household_claims (user_id, household_id, compound_id, region_code, name, phone_enc, phone_masked, status) VALUES ($1, $2, $3, $4, '李四', 'x', '139****0001', 'verified')`,
    [userId, home.household_id, home.compound_id, home.region_code],
  );
  const filed = await platform.api
    .post('/api/tickets')
    .set('Authorization', `Bearer ${token}`)
    .send({ kind: 'complaint', category: 'sanitation', against: 'company', householdId: home.household_id, description: '垃圾清运不及时，楼道有异味' });
  expect(filed.status).toBe(201);
  expect(filed.body.level).toBe('community');
  const city = await platform.login('city');
  const later = new Date(Date.parse(filed.body.responseDueAt) + 60_000).toISOString();
  const run = await platform.api.post('/api/test/tickets/escalate-overdue').set('Authorization', `Bearer ${city}`).send({ now: later });
  expect(run.body.moved).toContainEqual({ id: filed.body.id, from: 'community', to: 'street' });

  const page = await browser.newPage();
  page.setDefaultTimeout(20_000);
  await signInConsole(page, 'street');
  await page.goto(`${platform.baseUrl}/admin/#/tickets?filter=${encodeURIComponent(JSON.stringify({ open: true, level: 'street' }))}&order=ASC&sort=dueAt`);
  const row = page.locator('tr').filter({ has: page.locator('td').filter({ hasText: exactly(String(filed.body.id)) }) });
  await row.first().waitFor();
  await expect(row.first().innerText()).resolves.toContain('街道');
  await row.first().click();
  await page.getByRole('tab', { name: '进度' }).click();
  await page
    .getByText(/超过受理时限，自动升级至街道/)
    .first()
    .waitFor();
  // The street is the handler now: it may accept.
  await page.getByRole('button', { name: '受理', exact: true }).waitFor();
});
