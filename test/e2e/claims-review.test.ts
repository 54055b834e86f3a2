/**
 * Issue 16 §1, a claim reviewer's day in Chromium: the community's queue shows the registry's owner
 * of each room beside the applicant with the differences in red; the claim page compares them and
 * opens both phones in full (audited); the owner page does the same; homes are found by owner name
 * and owners by phone. Needs `npm run build -w admin` first.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { launchBrowser, submitConsoleLogin } from '../support/browser';
import { startPlatform, type Platform } from '../support/platform';

jest.setTimeout(300_000);

let platform: Platform;
let context: BrowserContext;
let page: Page;
let home: { household_id: number; owner_id: number; owner_name: string; room: string };
let ownerPhone: string;
let claimId: number;

const views = async () => (await platform.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_logs WHERE action = 'view_personal'`))[0].n;

beforeAll(async () => {
  platform = await startPlatform();
  context = await launchBrowser();
  page = await context.newPage();
  page.setDefaultTimeout(20_000);
  [home] = await platform.query(
    `SELECT h.id AS household_id, o.id AS owner_id, o.name AS owner_name, h.room FROM households h JOIN owners o ON o.id = h.owner_id
      WHERE h.region_code = '150203001001' AND o.phone_enc IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM household_claims c WHERE c.household_id = h.id) ORDER BY h.id LIMIT 1`,
  );
  const city = await platform.login('city');
  ownerPhone = (await platform.api.get(`/api/owners/${home.owner_id}/contact`).set('Authorization', `Bearer ${city}`)).body.phone;
  // A tenant applies with their own name and phone: nothing matches the registry, so it waits for review.
  const token = (await platform.api.post('/api/auth/dev-login').send({ openid: 'claims-review-tenant' })).body.token as string;
  const claim = await platform.api
    .post('/api/household-claims')
    .set('Authorization', `Bearer ${token}`)
    .send({ householdId: home.household_id, name: '租客王', phone: '13955556666' });
  expect(claim.body.status).toBe('pending');
  claimId = claim.body.id;
  await submitConsoleLogin(page, platform.baseUrl, 'community', 'baotou2024');
  await page.locator('input[name="password"]').waitFor({ state: 'detached' });
}, 180_000);

afterAll(async () => {
  await page?.goto('about:blank').catch(() => undefined);
  await context?.close();
  await platform?.stop();
});

test('the queue shows the registry owner beside the applicant, the differences flagged', async () => {
  await page.goto(`${platform.baseUrl}/admin/#/household-claims`);
  const row = page.locator('tbody tr').filter({ hasText: '租客王' }).first();
  await row.waitFor();
  const text = await row.innerText();
  expect(text).toContain(home.owner_name);
  expect(text).toContain('姓名、手机号不一致');
});

test('the claim page compares both and 显示完整信息 opens both phones, audited', async () => {
  await page.goto(`${platform.baseUrl}/admin/#/household-claims/${claimId}/show`);
  const table = page.getByTestId('claim-comparison');
  await table.waitFor();
  await expect(table.locator('.claim-differs').count()).resolves.toBe(2);
  await expect(table.innerText()).resolves.toContain(home.owner_name);
  const before = await views();
  await page.getByRole('button', { name: '显示完整信息（留痕）' }).click();
  await table.getByText('13955556666').waitFor();
  await table.getByText(ownerPhone).waitFor();
  expect(await views()).toBe(before + 2);
});

test('the owner page shows the full phone and ID number on request, audited', async () => {
  await page.goto(`${platform.baseUrl}/admin/#/owners/${home.owner_id}/show`);
  const before = await views();
  await page.getByRole('button', { name: '显示完整信息（留痕）' }).click();
  await page.getByTestId('owner-full-info').filter({ hasText: ownerPhone }).waitFor();
  expect(await views()).toBe(before + 1);
});

test('owners by phone and homes by owner name', async () => {
  await page.goto(`${platform.baseUrl}/admin/#/owners`);
  const answered = page.waitForResponse((r) => r.url().includes('/api/owners?') && decodeURIComponent(r.url()).includes(`"phone":"${ownerPhone}"`));
  await page.locator('input[name="phone"]').fill(ownerPhone);
  expect((await answered).status()).toBe(200);
  await page.locator('tbody tr').filter({ hasText: home.owner_name }).first().waitFor();
  await expect(page.locator('tbody tr').count()).resolves.toBe(1);

  await page.goto(`${platform.baseUrl}/admin/#/households`);
  const homes = page.waitForResponse((r) => r.url().includes('/api/households?') && decodeURIComponent(r.url()).includes(`"ownerName":"${home.owner_name}"`));
  await page.locator('input[name="ownerName"]').fill(home.owner_name);
  expect((await homes).status()).toBe(200);
  await page.locator('tbody tr').filter({ hasText: home.room }).first().waitFor();
});
