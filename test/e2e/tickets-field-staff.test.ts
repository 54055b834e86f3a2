/**
 * Field staff and the public board in the mini-program's H5 build (issue 5):
 *  - a resident files a repair in the mini H5 → the `company` account signs in to the field-staff
 *    subpackage (packages/workorders), finds it in the queue (sorted by time left, overdue flagged),
 *    accepts, dispatches in one action, starts, uploads a completion photo and resolves it → the
 *    resident sees it resolved (待评价) with the result;
 *  - the compound's board (受理公示) shows an accepted complaint with the accepting person's name masked.
 * Needs `npm run build:h5 -w mini` first (the platform serves mini/dist-h5 at /h5).
 */
import type { BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from '../support/browser';
import { button, exactly, field, openH5, visible } from '../support/h5';
import { startPlatform, type Platform } from '../support/platform';

jest.setTimeout(240_000);

const PASSWORD = 'baotou2024';
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

let platform: Platform;
let browser: BrowserContext;
let page: Page;
let home: { household_id: number; compound_id: number; code: string; region_code: string };
let repairId: number;

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
  page = await browser.newPage();
  page.setDefaultTimeout(20_000);
  await page.setViewportSize({ width: 375, height: 760 });
  page.on('pageerror', (e) => console.log('mini page error:', e.message));
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await platform?.stop();
});

async function verifyClaim(userId: number, name: string) {
  await platform.query(
    `INSERT INTO household_claims (user_id, household_id, compound_id, region_code, name, phone_enc, phone_masked, status, reason)
     VALUES ($1, $2, $3, $4, $5, 'x', '139****0000', 'verified', '测试认证')`,
    [userId, home.household_id, home.compound_id, home.region_code, name],
  );
}

/** A second resident of the same home, acting through the API (setup for what the page shows). */
async function apiResident(openid: string, name: string): Promise<string> {
  const login = await platform.api.post('/api/auth/dev-login').send({ openid, name });
  const [{ id }] = await platform.query<{ id: number }>(`SELECT id FROM users WHERE openid = $1`, [`dev_${openid}`]);
  await verifyClaim(id, name);
  return login.body.token as string;
}

const status = (text: string) => page.locator('.wo-status').filter({ hasText: exactly(text), visible: true });

async function shot<T>(name: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    await page.screenshot({ path: `/tmp/field-staff-${name}-fail.png` }).catch(() => undefined);
    throw e;
  }
}

test('a resident files a repair → field staff accept, dispatch, start and resolve it with a photo in the mini H5 → the resident sees it resolved', async () => {
  // The resident files in the mini-program.
  await shot('file', async () => {
    await openH5(page, platform.baseUrl, `/pages/scan/index?scene=${home.code}`);
    await page.waitForURL(/#\/pages\/home\/index/);
    await button(page, '报修 · 投诉 · 纠纷').click();
    await page.waitForURL(/#\/packages\/tickets\/new\/index/);
    await button(page, '微信登录（开发）').click();
    await visible(page.getByText('请先绑定并认证您的房屋'));
    const [u] = await platform.query<{ id: number }>(`SELECT id FROM users WHERE openid LIKE 'dev_%' ORDER BY id DESC LIMIT 1`);
    await verifyClaim(u.id, '张三');
    await page.reload();
    await page
      .locator('.chip')
      .filter({ hasText: exactly('给排水'), visible: true })
      .click();
    await visible(page.locator('.chip-on').filter({ hasText: /号楼/, visible: true }));
    await page.locator('textarea').filter({ visible: true }).fill('卫生间水龙头关不严，一直滴水');
    await button(page, '提交').click();
    await page.waitForURL(/#\/packages\/tickets\/detail\/index\?id=\d+/);
    repairId = Number(/id=(\d+)/.exec(page.url())![1]);
    await visible(page.locator('.ticket-status').filter({ hasText: '待受理', visible: true }));
  });

  // Another repair of the company's is already overdue: it tops the queue, flagged.
  const other = await apiResident('field-staff-neighbour', '李四');
  const late = await platform.api
    .post('/api/tickets')
    .set('Authorization', `Bearer ${other}`)
    .send({ kind: 'repair', category: 'electrical', householdId: home.household_id, description: '楼道灯不亮，晚上很黑' });
  expect(late.status).toBe(201);
  await platform.query(`UPDATE tickets SET response_due_at = now() - interval '2 hours', due_at = now() - interval '2 hours' WHERE id = $1`, [late.body.id]);

  // Field staff: the entry on the compound home asks for the staff login first.
  await shot('login', async () => {
    await openH5(page, platform.baseUrl, '/pages/home/index');
    await button(page, '物业工作人员入口').click();
    await page.waitForURL(/#\/packages\/workorders\/login\/index/);
    await button(page, '登录').click();
    await visible(page.getByText('请输入用户名', { exact: true }));
    await field(page, '请输入用户名').fill('company');
    await field(page, '请输入密码').fill('wrong-password');
    await button(page, '登录').click();
    await visible(page.locator('.field-error').filter({ hasText: '用户名或密码错误', visible: true }));
    await field(page, '请输入密码').fill(PASSWORD);
    await button(page, '登录').click();
    await page.waitForURL(/#\/packages\/workorders\/list\/index/);
  });

  await shot('queue', async () => {
    const cards = page.locator('.wo').filter({ visible: true });
    await visible(cards.filter({ hasText: new RegExp(`#${repairId}\\s`) }));
    // Least time left first: the overdue one leads, flagged.
    await expect(cards.first().innerText()).resolves.toContain(`#${late.body.id} `);
    await expect(cards.first().innerText()).resolves.toMatch(/已超时[\s\S]*超时/);
    await expect(cards.filter({ hasText: new RegExp(`#${repairId}\\s`) }).innerText()).resolves.toContain('剩余');
    await visible(page.getByText('1 个工单已超时，请尽快处理'));
    await cards.filter({ hasText: new RegExp(`#${repairId}\\s`) }).click();
    await page.waitForURL(new RegExp(`#/packages/workorders/detail/index\\?id=${repairId}`));
  });

  await shot('act', async () => {
    await visible(status('待受理'));
    await button(page, '受理').click();
    await visible(status('已受理'));

    // 一键派工: the worker's name is required, the phone must be a mobile number when given.
    await button(page, '一键派工').click();
    await visible(page.getByText('维修人员不能为空', { exact: true }));
    await field(page, '维修人员姓名').fill('张师傅');
    await field(page, '维修人员手机号').fill('1370000');
    await button(page, '一键派工').click();
    await visible(page.getByText('维修人员电话必须是11位手机号', { exact: true }));
    await field(page, '维修人员手机号').fill('13700001111');
    await button(page, '一键派工').click();
    await visible(status('已派工'));

    await button(page, '开始处理').click();
    await visible(status('处理中'));

    await button(page, '完工提交').click();
    await visible(page.getByText('处理结果不能为空', { exact: true }));
    await field(page, '请填写处理结果，如更换的部件、试用情况').fill('已更换水龙头阀芯，试水正常');
    await page
      .locator('label.file-input-label')
      .filter({ visible: true })
      .locator('input[type="file"]')
      .setInputFiles({ name: 'done.png', mimeType: 'image/png', buffer: PNG });
    await visible(page.locator('.photo-wrap'));
    await button(page, '完工提交').click();
    await visible(status('待评价'));
    await visible(page.locator('.wo-result').filter({ hasText: '已更换水龙头阀芯，试水正常', visible: true }));
  });

  const [stored] = await platform.query<{ status: string; worker_name: string; result_photos: number[]; accept_person_name: string }>(
    `SELECT status, worker_name, result_photos, accept_person_name FROM tickets WHERE id = $1`,
    [repairId],
  );
  expect(stored).toMatchObject({ status: 'resolved', worker_name: '张师傅', accept_person_name: '鹿城物业客服' });
  expect(stored.result_photos).toHaveLength(1);
  const steps = await platform.query<{ action: string; actor_role: string }>(`SELECT action, actor_role FROM ticket_events WHERE ticket_id = $1 ORDER BY id`, [
    repairId,
  ]);
  expect(steps.map((s) => s.action)).toEqual(['create', 'accept', 'dispatch', 'start', 'resolve']);
  expect(steps.slice(1).every((s) => s.actor_role === 'company_staff')).toBe(true);

  // Staff leave; the resident (same phone, same WeChat identity) sees the result.
  await shot('resident', async () => {
    await openH5(page, platform.baseUrl, '/packages/workorders/list/index');
    await page.locator('.staff-logout').filter({ visible: true }).click();
    await page.waitForURL(/#\/packages\/workorders\/login\/index/);
    await openH5(page, platform.baseUrl, `/packages/tickets/detail/index?id=${repairId}`);
    await visible(page.locator('.ticket-status').filter({ hasText: '待评价', visible: true }));
    await visible(page.locator('.ticket-result').filter({ hasText: '已更换水龙头阀芯，试水正常', visible: true }));
    // The worker's name is masked for residents.
    await visible(page.getByText('张*', { exact: true }));
    await visible(button(page, '提交评价'));
  });
});

test('the compound board shows an accepted complaint: department, masked person, time limit, result', async () => {
  expect(repairId).toBeGreaterThan(0); // the resident of the first journey is still signed in
  const neighbour = await apiResident('field-staff-complainant', '赵六');
  const filed = await platform.api
    .post('/api/tickets')
    .set('Authorization', `Bearer ${neighbour}`)
    .send({ kind: 'complaint', category: 'sanitation', against: 'company', householdId: home.household_id, description: '垃圾清运不及时，楼道有异味' });
  expect(filed.status).toBe(201);
  const community = await platform.login('community');
  const accepted = await platform.api
    .post(`/api/tickets/${filed.body.id}/accept`)
    .set('Authorization', `Bearer ${community}`)
    .send({ department: '沼潭社区物业纠纷调解室', person: '王小明' });
  expect(accepted.status).toBe(200);
  const answered = await platform.api
    .post(`/api/tickets/${filed.body.id}/resolve`)
    .set('Authorization', `Bearer ${community}`)
    .send({ result: '已约谈物业，垃圾改为每日清运两次' });
  expect(answered.status).toBe(200);

  await shot('board', async () => {
    await openH5(page, platform.baseUrl, '/packages/tickets/list/index');
    await button(page, '本小区受理公示').click();
    await page.waitForURL(/#\/packages\/tickets\/board\/index/);
    const entry = page.locator('.board-entry').filter({ hasText: '环境卫生', visible: true }).first();
    await entry.waitFor();
    const text = await entry.innerText();
    expect(text).toContain('受理部门');
    expect(text).toContain('沼潭社区物业纠纷调解室');
    expect(text).toContain('受理时限');
    expect(text).toMatch(/\d+月\d+日 \d\d:\d\d前办理完成/);
    expect(text).toContain('已约谈物业，垃圾改为每日清运两次');
    await expect(entry.locator('.board-person').innerText()).resolves.toBe('王*');
    // Nothing of the person's full name or of who filed it.
    const all = await page.locator('.page').filter({ visible: true }).first().innerText();
    expect(all).not.toContain('王小明');
    expect(all).not.toContain('赵六');
    expect(all).not.toContain('垃圾清运不及时');
  });
});
