/**
 * Journey through the mini-program's H5 build: scan in → dev login → bind a home that matches the
 * owner registry → it is listed under 我的房屋 as 已认证 → the resident withdraws it and sees it ended, with why.
 * Needs `npm run build:h5 -w mini` first (the platform serves mini/dist-h5 at /h5).
 */
import type { BrowserContext, Locator } from 'playwright-core';

import { launchBrowser } from '../support/browser';
import { button, exactly, field, goBack, stepChip as chip } from '../support/h5';
import { startPlatform } from '../support/platform';

type Platform = Awaited<ReturnType<typeof startPlatform>>;

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

test('a resident scans a compound code, binds a registered home, sees it as 已认证, then withdraws it', async () => {
  const owner = await platform.demoOwnerForBinding();
  const page = await browser.newPage();
  page.setDefaultTimeout(20_000);
  await page.setViewportSize({ width: 375, height: 760 });

  await page.goto(`${platform.baseUrl}/h5/#/pages/scan/index?scene=${encodeURIComponent(owner.compoundCode)}`);

  // Scan-in looked the compound up and landed on its home page.
  await page.waitForURL(/#\/pages\/home\/index/);
  await expectVisible(page.getByText('物业服务企业'));
  await button(page, '绑定房屋').click();

  await page.waitForURL(/#\/packages\/places\/bind\/index/);
  await button(page, '微信登录（开发）').click();

  await chip(page, '选择楼栋', owner.buildingName).click();
  await chip(page, '选择单元', owner.unitName).click();
  await chip(page, '选择房号', owner.room).click();

  // A malformed phone is refused in Chinese before anything is sent.
  await field(page, '与房产登记一致的姓名').fill(owner.name);
  await field(page, '业主登记的11位手机号').fill('1380013');
  await button(page, '提交绑定').click();
  await expectVisible(page.getByText('手机号必须是11位手机号'));

  await field(page, '业主登记的11位手机号').fill(owner.phone);
  await button(page, '提交绑定').click();
  await expectVisible(page.locator('.result-status').filter({ hasText: '已认证' }));

  // The bind page moves on to 我的房屋 by itself.
  await page.waitForURL(/#\/pages\/me\/index/);
  const claim = page
    .locator('.claim')
    .filter({ visible: true })
    .filter({ hasText: exactRoom(owner) });
  await expectVisible(claim);
  await expect(claim.locator('.status').innerText()).resolves.toBe('已认证');

  // Issue 9 §4: a resident can withdraw their own binding; the ended claim stays listed with why.
  await claim
    .locator('taro-button-core')
    .filter({ hasText: exactly('撤回绑定') })
    .click();
  await page.locator('.taro-modal__foot').getByText('撤回', { exact: true }).click();
  await expectVisible(claim.locator('.status').filter({ hasText: exactly('已撤回') }));
  await expectVisible(claim.getByText('撤回说明：本人撤回'));
  await expect(
    claim
      .locator('taro-button-core')
      .filter({ hasText: exactly('撤回绑定') })
      .count(),
  ).resolves.toBe(0);
}, 120_000);

function exactRoom(owner: { buildingName: string; unitName: string; room: string }): string {
  return `${owner.buildingName} ${owner.unitName} ${owner.room}`;
}

async function expectVisible(locator: Locator): Promise<void> {
  await locator.first().waitFor({ state: 'visible' });
}

test('the compound home leads a resident to its management mode and renovation (issue 11), and staff to the survey sign-in', async () => {
  const owner = await platform.demoOwnerForBinding();
  const page = await browser.newPage();
  page.setDefaultTimeout(20_000);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`${platform.baseUrl}/h5/#/pages/scan/index?scene=${encodeURIComponent(owner.compoundCode)}`);
  await page.waitForURL(/#\/pages\/home\/index/);
  await button(page, '管理模式与改造').click();
  await page.waitForURL(/#\/packages\/renewal\/compound\/index\?compoundId=\d+/);
  await expectVisible(page.getByTestId('management-mode'));
  await expectVisible(page.getByText('老旧小区改造'));
  await goBack(page);
  await page.waitForURL(/#\/pages\/home\/index/);
  await button(page, '社区摸底调查入口').click();
  await page.waitForURL(/#\/packages\/renewal\/login\/index/);
  await page.close();
});
