/**
 * Console journey for issue 17's second factor in headless Debian Chromium: a staff member sets up
 * 两步验证 from the user menu (QR code, a code computed here from the key shown, recovery codes shown
 * once), then signs in again and is asked for the 6-digit code.
 */
import { generate } from 'otplib';
import type { BrowserContext, Page } from 'playwright-core';
import { launchBrowser, submitConsoleLogin } from '../support/browser';
import { startPlatform } from '../support/platform';

jest.setTimeout(240_000);

const PASSWORD = 'baotou2024';
const USERNAME = 'd150222';

let platform: Awaited<ReturnType<typeof startPlatform>>;
let context: BrowserContext;
let page: Page;

const code = (secret: string, steps = 0) => generate({ secret, epoch: Math.floor(Date.now() / 1000) + steps * 30 });

const fillPassword = () => submitConsoleLogin(page, platform.baseUrl, USERNAME, PASSWORD);

beforeAll(async () => {
  platform = await startPlatform();
  context = await launchBrowser();
  page = await context.newPage();
});
afterAll(async () => {
  await context?.close();
  await platform?.stop();
});

test('两步验证: enrol with the QR code page, recovery codes once, then sign-in asks for the code', async () => {
  await fillPassword();
  await page.getByText('欢迎使用包头智慧物业管理服务平台').waitFor();
  await page.getByRole('button', { name: '个人信息' }).click();
  await page.getByRole('menuitem', { name: '两步验证' }).click();
  await page.getByText('状态：未启用').waitFor();
  await page.getByRole('button', { name: '启用两步验证' }).click();
  await page.getByRole('img', { name: '两步验证二维码' }).waitFor();
  const keyText = await page.getByText(/无法扫码时手动输入密钥/).textContent();
  const secret = keyText!.split('：')[1].trim();
  await page.locator('input[name="otp"]').fill(await code(secret));
  await page.getByRole('button', { name: '确认启用' }).click();
  const codes = page.getByTestId('recovery-codes').locator('li');
  await codes.first().waitFor();
  expect(await codes.count()).toBe(10);
  await page.getByRole('button', { name: '完成' }).click();
  await page.getByText(/状态：已启用/).waitFor();

  // signing in again: the password, then the code (the confirming one is spent: the next step's)
  await fillPassword();
  await page.locator('input[name="otp"]').waitFor();
  await page.locator('input[name="otp"]').fill('000000' === (await code(secret, 1)) ? '111111' : '000000');
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByText(/验证码不正确/).waitFor();
  await page.locator('input[name="otp"]').fill(await code(secret, 1));
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByText('欢迎使用包头智慧物业管理服务平台').waitFor();
  expect(
    await platform.query(
      `SELECT action FROM audit_logs WHERE action IN ('totp_enrol', 'totp_confirm', 'totp_failed') AND entity_id = (SELECT id::text FROM users WHERE username = $1) ORDER BY id`,
      [USERNAME],
    ),
  ).toEqual([{ action: 'totp_enrol' }, { action: 'totp_confirm' }, { action: 'totp_failed' }]);
});

describe('with TOTP_REQUIRED on', () => {
  let required: Awaited<ReturnType<typeof startPlatform>>;
  beforeAll(async () => {
    required = await startPlatform({ TOTP_REQUIRED: 'on' });
    // no longer a demo account: a second factor is due
    await required.query(`UPDATE users SET demo = false WHERE username = $1`, [USERNAME]);
  });
  afterAll(() => required?.stop());

  test('an account that must use 两步验证 sets it up on the login page before entering', async () => {
    await submitConsoleLogin(page, required.baseUrl, USERNAME, PASSWORD);
    await page.getByText('首次登录须设置两步验证').waitFor();
    const keyText = await page.getByText(/无法扫码时手动输入密钥/).textContent();
    await page.locator('input[name="otp"]').fill(await code(keyText!.split('：')[1].trim()));
    await page.getByRole('button', { name: '确认启用' }).click();
    await page.getByTestId('recovery-codes').locator('li').first().waitFor();
    expect(await page.getByTestId('recovery-codes').locator('li').count()).toBe(10);
    await page.getByRole('button', { name: '进入系统' }).click();
    await page.getByText('欢迎使用包头智慧物业管理服务平台').waitFor();
  });
});
