/**
 * Console journey for issue 9 §3 in headless Debian Chromium: a staff member changes their
 * password from the user menu (the console keeps working with the new token); a session ended
 * elsewhere (account disabled) sends the console to the login page with the server's reason.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { launchBrowser, submitConsoleLogin } from '../support/browser';
import { startPlatform } from '../support/platform';

jest.setTimeout(240_000);

const PASSWORD = 'baotou2024';

let platform: Awaited<ReturnType<typeof startPlatform>>;
let context: BrowserContext;
let page: Page;

async function signIn(username: string, password = PASSWORD) {
  await submitConsoleLogin(page, platform.baseUrl, username, password);
  await page.getByText('欢迎使用包头智慧物业管理服务平台').waitFor();
}

beforeAll(async () => {
  platform = await startPlatform();
  context = await launchBrowser();
  page = await context.newPage();
});
afterAll(async () => {
  await context?.close();
  await platform?.stop();
});

test('修改密码 from the user menu: this console continues, the old password and other sessions end', async () => {
  const elsewhere = (await platform.api.post('/api/auth/login').send({ username: 'd150207', password: PASSWORD })).body.token;
  await signIn('d150207');
  await page.getByRole('button', { name: '个人信息' }).click();
  await page.getByRole('menuitem', { name: '修改密码' }).click();
  await page.getByLabel('当前密码').fill(PASSWORD);
  await page.getByLabel(/^新密码/).fill('console-pass-2024');
  await page.getByLabel('再次输入新密码').fill('console-pass-2024');
  await page.getByRole('button', { name: '修改密码' }).click();
  await page.getByText('密码已修改，其他设备上的登录已失效').waitFor();
  // This console still works (it holds the new token)...
  await page.goto(`${platform.baseUrl}/admin/#/compounds`);
  await page.locator('.RaDatagrid-tbody tr, .MuiTableBody-root tr').first().waitFor();
  // ...the other session does not.
  expect((await platform.api.get('/api/compounds').set('Authorization', `Bearer ${elsewhere}`)).status).toBe(401);
  expect((await platform.api.post('/api/auth/login').send({ username: 'd150207', password: PASSWORD })).status).toBe(401);
});

test('an account disabled elsewhere: the next page load shows the login page with the reason', async () => {
  await signIn('d150206');
  const city = await platform.login('city');
  const [{ id }] = await platform.query<{ id: number }>(`SELECT id FROM users WHERE username = 'd150206'`);
  expect((await platform.api.put(`/api/users/${id}`).set('Authorization', `Bearer ${city}`).send({ disabled: true })).status).toBe(200);
  await page.goto(`${platform.baseUrl}/admin/#/compounds`);
  await page.locator('input[name="username"]').waitFor();
  await page.getByText('账号已变更或停用，请重新登录').waitFor();
  expect(await page.evaluate(() => localStorage.getItem('baotou.admin.token'))).toBeNull();
});
