/**
 * Admin console journey in headless Debian Chromium against the whole platform (API + built
 * console at /admin) over a freshly seeded PostgreSQL database:
 *  - city_admin signs in, creates a compound through the form, finds it in the list, exports it;
 *  - district staff of 东河区 (150202) cannot see a compound of 昆都仑区 (150203).
 */
import type { BrowserContext, Page } from 'playwright-core';
import { launchBrowser, submitConsoleLogin } from '../support/browser';
import { startPlatform } from '../support/platform';

jest.setTimeout(240_000);

const PASSWORD = 'baotou2024';

let platform: { baseUrl: string; stop(): Promise<void> };
let context: BrowserContext;
let page: Page;

type Json = any;

async function apiToken(username: string): Promise<string> {
  const res = await fetch(`${platform.baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password: PASSWORD }),
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as Json).token;
}

async function apiList(
  token: string,
  resource: string,
  filter: object,
  sort: [string, 'ASC' | 'DESC'] = ['id', 'ASC'],
): Promise<{ rows: Json[]; total: number }> {
  const qs = new URLSearchParams({ filter: JSON.stringify(filter), range: '[0,0]', sort: JSON.stringify(sort) });
  const res = await fetch(`${platform.baseUrl}/api/${resource}?${qs}`, { headers: { Authorization: `Bearer ${token}` } });
  expect(res.status).toBe(200);
  const total = Number(res.headers.get('content-range')?.split('/').pop());
  return { rows: (await res.json()) as Json[], total };
}

async function signIn(username: string) {
  await submitConsoleLogin(page, platform.baseUrl, username, PASSWORD);
  await page.getByText('欢迎使用包头智慧物业管理服务平台').waitFor();
}

/** Types into a react-admin AutocompleteInput and picks the option containing `pick`. */
async function autocomplete(source: string, text: string, pick: string) {
  const input = page.locator(`input[name="${source}"]`);
  await input.click();
  await input.fill(text);
  await page
    .getByRole('option', { name: new RegExp(pick) })
    .first()
    .click();
}

/** Opens a react-admin SelectInput (a MUI select beside its hidden input) and picks a label. */
async function select(source: string, label: string) {
  await page.locator(`input[name="${source}"]`).locator('..').getByRole('combobox').click();
  await page.getByRole('option', { name: label, exact: true }).click();
}

/** Searches the current list with its always-on 搜索 box and waits for the API's answer. */
async function search(resource: string, q: string) {
  const answered = page.waitForResponse((r) => r.url().includes(`/api/${resource}?`) && decodeURIComponent(r.url()).includes(`"q":"${q}"`));
  await page.locator('input[name="q"]').fill(q);
  const res = await answered;
  expect(res.status()).toBe(200);
}

beforeAll(async () => {
  platform = await startPlatform();
  context = await launchBrowser();
  page = await context.newPage();
});

afterAll(async () => {
  // Leave the app before closing so Chromium is not still writing its cache while the profile
  // folder is removed.
  await page?.goto('about:blank').catch(() => undefined);
  await page?.close().catch(() => undefined);
  await context?.close();
  await platform?.stop();
});

describe('admin console', () => {
  it('city_admin creates a compound and finds it in the list', async () => {
    const token = await apiToken('city');
    const { rows: communities } = await apiList(token, 'regions', { level: 'community', q: '150202' });
    expect(communities.length).toBe(1);
    const community = communities[0];

    await signIn('city');
    const suffix = String(Date.now()).slice(-8);
    const code = `E2E${suffix}`;
    const name = `测试小区${suffix}`;

    await page.goto(`${platform.baseUrl}/admin/#/compounds/create`);
    await page.locator('input[name="code"]').fill(code);
    await page.locator('input[name="name"]').fill(name);
    await autocomplete('regionCode', community.id, community.id);
    await select('type', '老旧小区');
    await select('managementMode', '准物业管理');
    await page.locator('input[name="address"]').fill('包头市东河区测试路 1 号');
    await page.locator('input[name="totalArea"]').fill('12345.67');
    await page.getByRole('button', { name: '保存' }).click();

    // Create redirects to the show page, which has the scan-in QR code.
    await page.waitForURL(/#\/compounds\/\d+\/show/);
    await page.getByText(code).first().waitFor();
    await page.getByTestId('compound-qrcode').waitFor();

    const created = await apiList(token, 'compounds', { code });
    expect(created.total).toBe(1);
    expect(created.rows[0]).toMatchObject({ name, regionCode: community.id, type: 'old', managementMode: 'quasi', totalArea: '12345.67' });

    await page.goto(`${platform.baseUrl}/admin/#/compounds`);
    await search('compounds', code);
    const row = page.locator('tbody tr', { hasText: name });
    await row.waitFor();
    expect(await row.textContent()).toContain('老旧小区');
    expect(await row.textContent()).toContain('准物业管理');

    // The Excel export is named in Chinese with the Beijing date.
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: '导出 Excel' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^[\u4e00-\u9fa5]+_\d{8}\.xlsx$/); // a Chinese name and the Beijing date
  });

  it('district staff of 150202 do not see a 150203 compound', async () => {
    const cityToken = await apiToken('city');
    const other = await apiList(cityToken, 'compounds', { regionCode: '150203' });
    expect(other.total).toBeGreaterThan(0);
    const foreign = other.rows[0];
    // The console lists compounds by code; the first 150202 one is on its first page.
    const own = await apiList(cityToken, 'compounds', { regionCode: '150202' }, ['code', 'ASC']);
    expect(own.total).toBeGreaterThan(0);

    await signIn('d150202');
    await page.goto(`${platform.baseUrl}/admin/#/compounds`);
    // Their own district's compounds are listed ...
    await page.locator('tbody tr', { hasText: own.rows[0].name }).first().waitFor();
    // ... and the 昆都仑区 one is not, even when searched for by its code.
    await search('compounds', foreign.code);
    await page.getByText('没有找到小区').or(page.getByText('当前筛选条件下没有小区')).first().waitFor();
    expect(await page.locator('tbody tr', { hasText: foreign.name }).count()).toBe(0);

    const districtToken = await apiToken('d150202');
    const seen = await apiList(districtToken, 'compounds', { q: foreign.code });
    expect(seen.rows.find((c: Json) => c.id === foreign.id)).toBeUndefined();
  });
});
