/**
 * Issue 16 "Done when": a journey per staff role opens its home page and every menu item (the list,
 * then the first record's show page and its edit page where they exist) and fails on what a person
 * should never read there: a row click that lands on 无权访问, react-admin's English defaults, raw
 * enum codes from @baotou/shared, a timestamp in the device's zone instead of Beijing time, and
 * console errors. The browser's clock is New York's, so a time shown in the device's zone is caught.
 * Failures name the page and the text.
 */
import * as shared from '@baotou/shared';
import english from 'ra-language-english';
import type { BrowserContext, Page } from 'playwright-core';
import { launchBrowser, submitConsoleLogin } from '../support/browser';
import { startPlatform, type Platform } from '../support/platform';

jest.setTimeout(900_000);

const PASSWORD = 'baotou2024';
const ROLES: [role: string, username: string][] = [
  ['city_admin', 'city'],
  ['district_staff', 'd150203'],
  ['street_staff', 'street'],
  ['community_staff', 'community'],
  ['party_staff', 'party'],
  ['company_staff', 'company'],
];

/** react-admin's English messages (placeholders dropped) a Chinese console must never show. */
const ENGLISH_DEFAULTS = (() => {
  const out = new Set<string>();
  const walk = (o: object) => {
    for (const v of Object.values(o)) {
      if (v && typeof v === 'object') walk(v);
      else if (typeof v === 'string')
        for (const form of v.split('||||')) {
          // The literal parts around %{…} placeholders, e.g. "Rows per page:", "No results found".
          for (const part of form.split(/%\{[^}]+\}/)) {
            const p = part.trim().replace(/[.:!?,]+$/, '');
            if (/^[A-Za-z][A-Za-z ']{2,}$/.test(p) && p.length >= 4) out.add(p);
          }
        }
    }
  };
  walk(english as object);
  // Material UI's own English defaults and what a missing value renders as.
  for (const s of ['Rows per page', 'No options', 'Loading…', 'Invalid Date', 'NaN', '[object Object]', 'undefined']) out.add(s);
  return [...out];
})();

/** Every code of every shared enum: arrays of codes (TICKET_STATUSES) and the keys of label maps (*_LABELS). */
const ENUM_CODES = (() => {
  const codes = new Set<string>();
  for (const [name, value] of Object.entries(shared)) {
    if (!/^[A-Z][A-Z0-9_]*$/.test(name)) continue;
    if (Array.isArray(value)) for (const v of value) if (typeof v === 'string') codes.add(v);
    if (name.endsWith('_LABELS') && value && typeof value === 'object') for (const k of Object.keys(value)) codes.add(k);
  }
  // Only codes that look like codes: lower-case words, not numbers or region codes.
  return new Set([...codes].filter((c) => /^[a-z][a-z0-9_]*$/.test(c)));
})();

/** Tokens that are data, not codes, on the pages where they are data (usernames of the demo accounts). */
const DATA_TOKENS: Record<string, string[]> = {
  users: ['city', 'party', 'street', 'community', 'company'],
  'audit-logs': ['city', 'party', 'street', 'community', 'company'],
};

const wholeWord = (text: string, phrase: string) => new RegExp(`(^|[^A-Za-z])${phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^A-Za-z])`).test(text);

type Finding = { page: string; problem: string };

let platform: Platform;
let context: BrowserContext;
let page: Page;
let consoleErrors: string[] = [];

beforeAll(async () => {
  platform = await startPlatform();
  context = await launchBrowser({ timezoneId: 'America/New_York' });
  page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(`${m.text()} ${m.location().url}`.trim());
  });
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
});

afterAll(async () => {
  await page?.goto('about:blank').catch(() => undefined);
  await page?.close().catch(() => undefined);
  await context?.close();
  await platform?.stop();
});

/** Waits until react-admin has nothing loading (its progress bar and skeletons gone) and the page is still. */
async function settle() {
  await page.waitForLoadState('networkidle').catch(() => undefined);
  await page
    .waitForFunction(() => !document.querySelector('.MuiLinearProgress-root, .RaLoadingIndicator-loader, .MuiSkeleton-root'), null, { timeout: 20_000 })
    .catch(() => undefined);
  await page.waitForTimeout(300);
}

/** What a person reads on the page: the visible text and input placeholders. */
async function visibleText(): Promise<string> {
  return page.evaluate(() => {
    const placeholders = Array.from(document.querySelectorAll<HTMLInputElement>('input[placeholder], textarea[placeholder]')).map((e) => e.placeholder);
    return `${document.body.innerText}\n${placeholders.join('\n')}`;
  });
}

/** Everything wrong on the current page, named by `where`. */
async function inspect(where: string, resource: string): Promise<Finding[]> {
  await settle();
  const text = await visibleText();
  const found: Finding[] = [];
  for (const phrase of ENGLISH_DEFAULTS) if (wholeWord(text, phrase)) found.push({ page: where, problem: `English default text "${phrase}"` });
  const range = /\d+\s*[–-]\s*\d+ of \d+/.exec(text);
  if (range) found.push({ page: where, problem: `English pagination "${range[0]}"` });
  const allowed = new Set(DATA_TOKENS[resource] ?? []);
  const tokens = new Set(text.match(/(?<![A-Za-z0-9_@./-])[a-z][a-z0-9]*(?:_[a-z0-9]+)*(?![A-Za-z0-9_@/-])/g) ?? []);
  for (const t of tokens) if (ENUM_CODES.has(t) && !allowed.has(t)) found.push({ page: where, problem: `raw enum value "${t}"` });
  // A timestamp written as ISO or PostgreSQL text is a raw value too.
  const iso = /\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2})/.exec(text);
  if (iso) found.push({ page: where, problem: `raw timestamp "${iso[0]}"` });
  for (const e of consoleErrors) found.push({ page: where, problem: `console error: ${e.slice(0, 200)}` });
  consoleErrors = [];
  return found;
}

async function signIn(username: string) {
  // Signed out away from the console: the previous role's console, left running while the session is
  // cleared, would ask for its home page without a token (a 401 no user meets: they sign out through the menu).
  await page.goto(`${platform.baseUrl}/api/health`);
  await page.evaluate(() => localStorage.clear());
  await submitConsoleLogin(page, platform.baseUrl, username, PASSWORD);
  await page.waitForURL(/#\/$/, { timeout: 60_000 });
}

/** The menu's list pages, every capability group opened: ['#/compounds', …]. */
async function menuLinks(): Promise<string[]> {
  for (;;) {
    const closed = page.locator('[data-menu-group][aria-expanded="false"]');
    if ((await closed.count()) === 0) break;
    await closed.first().click();
  }
  const hrefs = await page.locator('a.RaMenuItemLink-root[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
  return [...new Set(hrefs.filter((h) => h.startsWith('#/') && h !== '#/'))];
}

test('the checks themselves catch English defaults, raw codes, raw timestamps and console errors, naming the page', async () => {
  await signIn('city');
  await page.evaluate(() => {
    const d = document.createElement('div');
    d.textContent = 'Rows per page 1–25 of 44 状态 in_progress 2026-12-07 15:18:06.334+00';
    document.body.appendChild(d);
    console.error('boom');
  });
  const problems = (await inspect('自检', '')).map((f) => `${f.page}: ${f.problem}`);
  expect(problems).toEqual(
    expect.arrayContaining([
      '自检: English default text "Rows per page"',
      '自检: English pagination "1–25 of 44"',
      '自检: raw enum value "in_progress"',
      '自检: raw timestamp "2026-12-07 15:18:06.334+00"',
      '自检: console error: boom',
    ]),
  );
  await page.reload();
});

test('on a New York clock, an audit row shows its Beijing time', async () => {
  const token = await platform.login('city');
  const res = await platform.api.get(`/api/audit-logs?sort=${encodeURIComponent('["id","ASC"]')}&range=[0,0]`).set('Authorization', `Bearer ${token}`);
  const [row] = res.body as { id: number; at: string }[];
  const beijing = new Date(row.at).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' });
  const newYork = new Date(row.at).toLocaleString('zh-CN', { timeZone: 'America/New_York' });
  expect(beijing).not.toBe(newYork);
  await signIn('city');
  await page.goto(`${platform.baseUrl}/admin/#/audit-logs/${row.id}/show`);
  await page.getByText(beijing).first().waitFor();
  expect(await visibleText()).not.toContain(newYork);
});

test('a duplicate compound code is shown on the 小区编码 field, not as a pop-up', async () => {
  const [community] = await platform.query<{ code: string }>(`SELECT code FROM regions WHERE level = 'community' ORDER BY code LIMIT 1`);
  await signIn('city');
  await page.goto(`${platform.baseUrl}/admin/#/compounds/create`);
  await page.locator('input[name="code"]').fill('BT0001');
  await page.locator('input[name="name"]').fill('重复编码花园');
  const region = page.locator('input[name="regionCode"]');
  await region.click();
  await region.fill(community.code);
  await page
    .getByRole('option', { name: new RegExp(community.code) })
    .first()
    .click();
  for (const [source, label] of [
    ['type', '老旧小区'],
    ['managementMode', '准物业管理'],
  ]) {
    await page.locator(`input[name="${source}"]`).locator('..').getByRole('combobox').click();
    await page.getByRole('option', { name: label, exact: true }).click();
  }
  await page.locator('input[name="address"]').fill('包头市昆都仑区测试路 2 号');
  await page.locator('input[name="totalArea"]').fill('1000.00');
  await page.getByRole('button', { name: '保存' }).click();
  const code = page.locator('input[name="code"]');
  await code.locator('xpath=ancestor::div[contains(@class,"MuiFormControl-root")]').getByText('小区编码已被其他小区使用').waitFor();
  await expect(code.getAttribute('aria-invalid')).resolves.toBe('true');
  expect(page.url()).toMatch(/\/compounds\/create$/);
});

describe.each(ROLES)('%s (%s) opens every page of the console', (_role, username) => {
  test('home page and every menu item read in Chinese, with labels not codes and no console errors', async () => {
    consoleErrors = [];
    await signIn(username);
    const findings: Finding[] = await inspect(`${username} 首页`, '');
    const links = await menuLinks();
    expect(links.length).toBeGreaterThan(3);
    for (const href of links) {
      const resource = href.slice(2).split('/')[0].split('?')[0];
      await page.goto(`${platform.baseUrl}/admin/${href}`);
      findings.push(...(await inspect(`${username} ${href}`, resource)));
      // The first record's page: a row click opens show (or edit); its 编辑 button opens edit.
      const row = page.locator('.RaDatagrid-row, .RaDataTable-row').first();
      if ((await row.count()) === 0) continue;
      const before = page.url();
      await row.click().catch(() => undefined);
      await page.waitForTimeout(500);
      if (page.url() === before) continue;
      findings.push(...(await inspect(`${username} ${page.url().split('#')[1]}`, resource)));
      // A row leads only where the role may go: a reader sent to an edit page landed on 无权访问.
      if (/\/access-denied/.test(page.url()) || (await visibleText()).includes('无权访问')) {
        findings.push({ page: `${username} ${href}`, problem: `a row click leads to 无权访问 (${page.url().split('#')[1]})` });
        continue;
      }
      if (/\/show$/.test(page.url())) {
        const edit = page.locator('a[href$="/edit"]').first();
        if ((await edit.count()) > 0 && (await edit.isVisible())) {
          await edit.click();
          await page.waitForURL(/\/edit$/).catch(() => undefined);
          findings.push(...(await inspect(`${username} ${page.url().split('#')[1]}`, resource)));
        }
      }
    }
    expect(findings.map((f) => `${f.page}: ${f.problem}`)).toEqual([]);
  });
});
