/**
 * Issue 16 "Done when": a journey per staff role opens its home page and every menu item (the list,
 * then the first record's show page and its edit page where they exist) and fails on what a person
 * should never read there: a row click that lands on 无权访问, react-admin's English defaults, raw
 * enum codes from @baotou/shared, a timestamp in the device's zone instead of Beijing time, and
 * console errors. The browser's clock is New York's, so a time shown in the device's zone is caught.
 * Failures name the page and the text. The roles' walks run side by side (each in its own browser
 * context, so each its own session): most of a walk is waiting for pages to settle, not computing.
 */
import * as shared from '@baotou/shared';
import english from 'ra-language-english';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { CONTEXT_OPTIONS, launchBrowser, launchSharedBrowser, submitConsoleLogin } from '../support/browser';
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
type Walk = { links: string[]; findings: Finding[] };

/** A browser tab and the console errors it logged since they were last read. */
interface Tab {
  page: Page;
  consoleErrors: string[];
}

function watch(page: Page): Tab {
  const tab: Tab = { page, consoleErrors: [] };
  page.on('console', (m) => {
    if (m.type() === 'error') tab.consoleErrors.push(`${m.text()} ${m.location().url}`.trim());
  });
  page.on('pageerror', (e) => tab.consoleErrors.push(String(e)));
  return tab;
}

/** How many roles walk the console at once (each a tab of its own; more only adds load on 2 cores). */
const WALKS_AT_ONCE = 3;

let platform: Platform;
let context: BrowserContext;
let tab: Tab;
let page: Page;
let browser: Promise<Browser> | undefined;

beforeAll(async () => {
  platform = await startPlatform();
  context = await launchBrowser({ timezoneId: 'America/New_York' });
  page = await context.newPage();
  tab = watch(page);
});

afterAll(async () => {
  await page?.goto('about:blank').catch(() => undefined);
  await page?.close().catch(() => undefined);
  await context?.close();
  await browser?.then((b) => b.close()).catch(() => undefined);
  await platform?.stop();
});

/**
 * What shows while react-admin loads: its progress bar (indeterminate; a determinate bar is content, a
 * job's or a billing run's progress), its app-bar spinner and skeletons.
 */
const LOADING = '.MuiLinearProgress-root:not(.MuiLinearProgress-determinate), .RaLoadingIndicator-loader, .MuiSkeleton-root';

/** Waits until react-admin has nothing loading (its progress bar and skeletons gone) and the page is still. */
async function settle(page: Page) {
  await page.waitForLoadState('networkidle').catch(() => undefined);
  await page.waitForFunction((loading) => !document.querySelector(loading), LOADING, { timeout: 20_000 }).catch(() => undefined);
  await page.waitForTimeout(300);
}

/** What a person reads on the page: the visible text and input placeholders. */
async function visibleText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const placeholders = Array.from(document.querySelectorAll<HTMLInputElement>('input[placeholder], textarea[placeholder]')).map((e) => e.placeholder);
    return `${document.body.innerText}\n${placeholders.join('\n')}`;
  });
}

/** Everything wrong on the tab's current page, named by `where`. */
async function inspect(tab: Tab, where: string, resource: string): Promise<Finding[]> {
  await settle(tab.page);
  const text = await visibleText(tab.page);
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
  for (const e of tab.consoleErrors) found.push({ page: where, problem: `console error: ${e.slice(0, 200)}` });
  tab.consoleErrors = [];
  return found;
}

async function signIn(page: Page, username: string) {
  // Signed out away from the console: the previous role's console, left running while the session is
  // cleared, would ask for its home page without a token (a 401 no user meets: they sign out through the menu).
  await page.goto(`${platform.baseUrl}/api/health`);
  await page.evaluate(() => localStorage.clear());
  await submitConsoleLogin(page, platform.baseUrl, username, PASSWORD);
  await page.waitForURL(/#\/$/, { timeout: 60_000 });
}

/** The menu's list pages, every capability group opened: ['#/compounds', …]. */
async function menuLinks(page: Page): Promise<string[]> {
  for (;;) {
    const closed = page.locator('[data-menu-group][aria-expanded="false"]');
    if ((await closed.count()) === 0) break;
    await closed.first().click();
  }
  const hrefs = await page.locator('a.RaMenuItemLink-root[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
  return [...new Set(hrefs.filter((h) => h.startsWith('#/') && h !== '#/'))];
}

/**
 * One role's walk in a tab of its own: the home page, every menu item, the first record's page and
 * its edit page. Returns the menu's links and everything found wrong.
 */
async function walk(tab: Tab, username: string): Promise<Walk> {
  const { page } = tab;
  await signIn(page, username);
  const findings: Finding[] = await inspect(tab, `${username} 首页`, '');
  const links = await menuLinks(page);
  for (const href of links) {
    const resource = href.slice(2).split('/')[0].split('?')[0];
    await page.goto(`${platform.baseUrl}/admin/${href}`);
    findings.push(...(await inspect(tab, `${username} ${href}`, resource)));
    // The first record's page: a row click opens show (or edit); its 编辑 button opens edit.
    const row = page.locator('.RaDatagrid-row, .RaDataTable-row').first();
    if ((await row.count()) === 0) continue;
    const before = page.url();
    await row.click().catch(() => undefined);
    // A row that opens a page has done so within half a second; one that opens nothing is left at that.
    await page.waitForURL((url) => url.toString() !== before, { timeout: 500 }).catch(() => undefined);
    if (page.url() === before) continue;
    findings.push(...(await inspect(tab, `${username} ${page.url().split('#')[1]}`, resource)));
    // A row leads only where the role may go: a reader sent to an edit page landed on 无权访问.
    if (/\/access-denied/.test(page.url()) || (await visibleText(page)).includes('无权访问')) {
      findings.push({ page: `${username} ${href}`, problem: `a row click leads to 无权访问 (${page.url().split('#')[1]})` });
      continue;
    }
    if (/\/show$/.test(page.url())) {
      const edit = page.locator('a[href$="/edit"]').first();
      if ((await edit.count()) > 0 && (await edit.isVisible())) {
        await edit.click();
        await page.waitForURL(/\/edit$/).catch(() => undefined);
        findings.push(...(await inspect(tab, `${username} ${page.url().split('#')[1]}`, resource)));
      }
    }
  }
  return { links, findings };
}

/**
 * The walks' browser, its first page already loaded: a browser asks once for /favicon.ico, which the
 * platform does not serve (a 404 in the console), asked and forgotten here as the single-browser
 * walk had it asked before its first role.
 */
async function launchWarmBrowser(): Promise<Browser> {
  const b = await launchSharedBrowser();
  const warm = await b.newContext(CONTEXT_OPTIONS);
  const first = await warm.newPage();
  const favicon = first.waitForResponse((r) => r.url().endsWith('/favicon.ico'), { timeout: 10_000 }).catch(() => undefined);
  await first.goto(`${platform.baseUrl}/api/health`);
  await favicon;
  await warm.close();
  return b;
}

/** Every role's walk, all started by the first role's test, WALKS_AT_ONCE at a time. */
let walks: Map<string, Promise<Walk>> | undefined;
function walkOf(username: string): Promise<Walk> {
  if (!walks) {
    const all = new Map<string, Promise<Walk>>();
    const start = new Map<string, (w: Promise<Walk>) => void>();
    for (const [, name] of ROLES) {
      const w = new Promise<Walk>((resolve) => start.set(name, resolve));
      w.catch(() => undefined); // read by the role's own test, later
      all.set(name, w);
    }
    const queue = ROLES.map(([, name]) => name);
    const runner = async () => {
      for (let name = queue.shift(); name; name = queue.shift()) {
        const done = (async () => {
          browser ??= launchWarmBrowser();
          const roleContext = await (await browser).newContext({ ...CONTEXT_OPTIONS, timezoneId: 'America/New_York' });
          try {
            return await walk(watch(await roleContext.newPage()), name);
          } finally {
            await roleContext.close().catch(() => undefined);
          }
        })();
        start.get(name)!(done);
        await done.catch(() => undefined);
      }
    };
    for (let i = 0; i < WALKS_AT_ONCE; i++) void runner();
    walks = all;
  }
  return walks.get(username)!;
}

test('the checks themselves catch English defaults, raw codes, raw timestamps and console errors, naming the page', async () => {
  await signIn(page, 'city');
  await page.evaluate(() => {
    const d = document.createElement('div');
    d.textContent = 'Rows per page 1–25 of 44 状态 in_progress 2026-12-07 15:18:06.334+00';
    document.body.appendChild(d);
    console.error('boom');
  });
  const problems = (await inspect(tab, '自检', '')).map((f) => `${f.page}: ${f.problem}`);
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
  await signIn(page, 'city');
  await page.goto(`${platform.baseUrl}/admin/#/audit-logs/${row.id}/show`);
  await page.getByText(beijing).first().waitFor();
  expect(await visibleText(page)).not.toContain(newYork);
});

test('a duplicate compound code is shown on the 小区编码 field, not as a pop-up', async () => {
  const [community] = await platform.query<{ code: string }>(`SELECT code FROM regions WHERE level = 'community' ORDER BY code LIMIT 1`);
  await signIn(page, 'city');
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
    const { links, findings } = await walkOf(username);
    expect(links.length).toBeGreaterThan(3);
    expect(findings.map((f) => `${f.page}: ${f.problem}`)).toEqual([]);
  });
});
