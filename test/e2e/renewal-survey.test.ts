/**
 * Issue 11 (survey half), console and mini-program H5 in headless Chromium:
 *  1. community staff resume the seeded draft of BT0002 in the console and save it; a save from a
 *     copy that someone else saved meanwhile is refused with the server's message (stale version);
 *  2. the district officer overrides BT0003's proposed classification with a reason in the dialog;
 *  3. the city reads progress (table and map) and coverage by district against the target;
 *  4. community staff sign in to the mini-program's survey pages on a 390×844 phone, open the draft,
 *     mark an infrastructure item and save; the server has the new version.
 * Needs `npm run build -w admin` and `npm run build:h5 -w mini` first.
 */
import type { BrowserContext, Page } from 'playwright-core';

import { launchBrowser, submitConsoleLogin } from '../support/browser';
import { startPlatform, type Platform } from '../support/platform';
import { button, field, openH5, visible } from '../support/h5';

jest.setTimeout(300_000);

const PASSWORD = 'baotou2024';
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

async function signIn(page: Page, username: string): Promise<void> {
  await submitConsoleLogin(page, platform.baseUrl, username, PASSWORD);
  await page.getByText('欢迎使用包头智慧物业管理服务平台').waitFor();
}

/** Waits until the value read reaches the expected one (a save settles after the click). */
async function until<T>(read: () => Promise<T>, want: T, ms = 15_000): Promise<void> {
  const end = Date.now() + ms;
  let got = await read();
  while (got !== want && Date.now() < end) {
    await new Promise((r) => setTimeout(r, 200));
    got = await read();
  }
  expect(got).toBe(want);
}

async function survey(code: string) {
  const [s] = await platform.query<{ id: number; version: number; household_count: number | null; classification: string | null }>(
    `SELECT s.id, s.version, s.household_count, s.classification FROM renewal_surveys s JOIN compounds c ON c.id = s.compound_id WHERE c.code = $1`,
    [code],
  );
  return s;
}

test('survey a compound in the console and on a phone; the district classifies; the city reads progress and coverage', async () => {
  const page = await browser.newPage();

  // 1. the community resumes its draft
  const draft = await survey('BT0002');
  await signIn(page, 'community');
  await page.goto(`${platform.baseUrl}/admin/#/renewal-surveys`);
  await visible(page.getByText('草稿', { exact: true }));
  await page.goto(`${platform.baseUrl}/admin/#/renewal-surveys/${draft.id}`);
  const households = page.locator('input[name="householdCount"]');
  await households.waitFor();
  await households.fill('88');
  await page.getByRole('button', { name: '保存草稿' }).click();
  await until(async () => (await survey('BT0002')).version, draft.version + 1);
  expect((await survey('BT0002')).household_count).toBe(88);

  // someone else saves meanwhile: this page's copy is stale
  const street = await platform.login('street');
  const current = (await platform.api.get(`/api/renewal-surveys/${draft.id}`).set('Authorization', `Bearer ${street}`)).body;
  expect(
    (
      await platform.api
        .put(`/api/renewal-surveys/${draft.id}`)
        .set('Authorization', `Bearer ${street}`)
        .send({ ...current, householdCount: 90 })
    ).status,
  ).toBe(200);
  await households.fill('89');
  await page.getByRole('button', { name: '保存草稿' }).click();
  await visible(page.getByText(/调查已被他人更新/));
  expect((await survey('BT0002')).household_count).toBe(90);

  // 2. the district overrides a proposal, with a reason
  const proposed = await survey('BT0003');
  await signIn(page, 'd150203');
  await page.goto(`${platform.baseUrl}/admin/#/renewal-surveys/${proposed.id}/show`);
  await page.getByRole('button', { name: '确认分类' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('combobox').click();
  await page.getByRole('option', { name: '社区居委会代管' }).click();
  await dialog.getByRole('button', { name: '确认', exact: true }).click();
  await visible(dialog.getByText('改变建议分类须说明理由'));
  await dialog.locator('textarea').first().fill('相邻小区业主不同意合并，先由社区代管');
  await dialog.getByRole('button', { name: '确认', exact: true }).click();
  await until(async () => (await survey('BT0003')).classification, 'committee');

  // 3. the city: progress with the map, coverage against the target
  await signIn(page, 'city');
  await page.goto(`${platform.baseUrl}/admin/#/renewal-progress`);
  await visible(page.getByTestId('renewal-progress-table').getByText('昆都仑区'));
  await visible(page.getByTestId('renewal-map').locator('svg'));
  await page.goto(`${platform.baseUrl}/admin/#/renewal-coverage`);
  await visible(page.getByTestId('coverage-table').getByText('合计'));
  await visible(page.getByTestId('coverage-total').getByText(/年度目标/));
});

test('community staff resume the draft on a 390×844 phone and save an infrastructure item', async () => {
  const draft = await survey('BT0002');
  const phone = await browser.newPage();
  await phone.setViewportSize({ width: 390, height: 844 });
  await openH5(phone, platform.baseUrl, '/packages/renewal/login/index');
  await field(phone, '请输入用户名').fill('community');
  await field(phone, '请输入密码').fill(PASSWORD);
  await button(phone, '登录').click();
  await phone.waitForURL(/packages\/renewal\/surveys\/index/);
  await phone.locator('.survey-item').filter({ hasText: '草稿', visible: true }).first().click();
  await phone.waitForURL(/packages\/renewal\/survey\/index/);
  const before = (await survey('BT0002')).version;
  const drainage = phone.locator('.infra').filter({ hasText: '排水', visible: true });
  await drainage.locator('.choice').filter({ hasText: '完好' }).click();
  await button(phone, '保存草稿').click();
  await until(async () => (await survey('BT0002')).version, before + 1);
  const [row] = await platform.query<{ drainage: string }>(`SELECT s.infrastructure ->> 'drainage' AS drainage FROM renewal_surveys s WHERE s.id = $1`, [
    draft.id,
  ]);
  expect(row.drainage).toBe('good');
});
