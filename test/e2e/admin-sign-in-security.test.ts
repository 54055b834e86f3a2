/**
 * Console journeys for issue 17's sign-in security in headless Debian Chromium: an account an
 * administrator created signs in onto 修改密码 (the rule's message on the field; nothing else
 * until changed), and a locked account is unlocked by the city admin from its user page.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { launchBrowser, submitConsoleLogin } from '../support/browser';
import { startPlatform } from '../support/platform';

jest.setTimeout(240_000);

const PASSWORD = 'baotou2024';

let platform: Awaited<ReturnType<typeof startPlatform>>;
let context: BrowserContext;
let page: Page;

const fillLogin = (username: string, password: string) => submitConsoleLogin(page, platform.baseUrl, username, password);

beforeAll(async () => {
  platform = await startPlatform();
  context = await launchBrowser();
  page = await context.newPage();
});
afterAll(async () => {
  await context?.close();
  await platform?.stop();
});

test('an account created by an administrator: first sign-in lands on 修改密码, the rule shows on the field, then the console opens', async () => {
  const city = await platform.login('city');
  const created = await platform.api
    .post('/api/users')
    .set('Authorization', `Bearer ${city}`)
    .send({ username: 'console_first', name: '首次登录', role: 'street_staff', regionCode: '150203001', password: 'Welcome-2024' });
  expect(created.status).toBe(201);

  await fillLogin('console_first', 'Welcome-2024');
  await page.getByText('该账号的密码由管理员设置，请先修改密码').waitFor();
  // another page sends it back here (403 PASSWORD_CHANGE_REQUIRED), still signed in
  await page.goto(`${platform.baseUrl}/admin/#/compounds`);
  await page.getByText('该账号的密码由管理员设置，请先修改密码').waitFor();
  // The refused list's queries are retried (each refusal renders the form afresh): fill it on its own page.
  await page.goto(`${platform.baseUrl}/admin/#/password`);
  await page.getByText('该账号的密码由管理员设置，请先修改密码').waitFor();

  await page.getByLabel('当前密码').fill('Welcome-2024');
  await page.getByLabel(/^新密码/).fill('onlylowercase');
  await page.getByLabel('再次输入新密码').fill('onlylowercase');
  await page.getByRole('button', { name: '修改密码' }).click();
  await page.getByText('密码须包含小写字母、大写字母、数字、符号中的至少3类').waitFor();

  await page.getByLabel(/^新密码/).fill('My-console-pass-1');
  await page.getByLabel('再次输入新密码').fill('My-console-pass-1');
  await page.getByRole('button', { name: '修改密码' }).click();
  await page.getByText('密码已修改，其他设备上的登录已失效').waitFor();
  await page.goto(`${platform.baseUrl}/admin/#/compounds`);
  await page.locator('.RaDatagrid-tbody tr, .MuiTableBody-root tr').first().waitFor();
});

test('a locked account: the login page says so; the city admin unlocks it from the user page', async () => {
  for (let i = 0; i < 10; i++) await platform.api.post('/api/auth/login').send({ username: 'd150221', password: `wrong-${i}` });
  await fillLogin('d150221', PASSWORD);
  await page.getByText(/账号已锁定/).waitFor();

  const [{ id }] = await platform.query<{ id: number }>(`SELECT id FROM users WHERE username = 'd150221'`);
  await fillLogin('city', PASSWORD);
  await page.getByText('欢迎使用包头智慧物业管理服务平台').waitFor();
  await page.goto(`${platform.baseUrl}/admin/#/users/${id}/show`);
  await page.getByText('登录失败次数过多，已锁定').waitFor();
  await page.getByRole('button', { name: '解锁' }).click();
  await page.getByText('已解锁，该账号可以重新登录').waitFor();
  expect((await platform.api.post('/api/auth/login').send({ username: 'd150221', password: PASSWORD })).status).toBe(200);
});
