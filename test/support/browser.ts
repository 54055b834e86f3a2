import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { escapeRegExp } from './h5';
import { startPlatform, type Platform } from './platform';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/**
 * Debian's Chromium, headless, in a fresh profile, with nothing reaching outside hosts.
 * `timezoneId`: the device's clock zone (issue 16: Beijing time is shown whatever it is).
 */
export async function launchBrowser({ timezoneId }: { timezoneId?: string } = {}): Promise<BrowserContext> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'bt-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    locale: 'zh-CN',
    ...(timezoneId ? { timezoneId } : {}),
    viewport: { width: 1366, height: 900 },
    args: CHROMIUM_ARGS,
  });
  context.on('close', () => {
    // Chromium may still be flushing its profile as it exits; a leftover temp folder is harmless.
    try {
      fs.rmSync(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
    } catch {
      /* left for the OS to clean */
    }
  });
  return context;
}

/**
 * One headless Chromium (as launchBrowser) for several isolated contexts, each with its own storage:
 * `browser.newContext(CONTEXT_OPTIONS)` per staff member signed in at the same time.
 */
export async function launchSharedBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
}

/** launchBrowser's context settings (locale, viewport) for a context of launchSharedBrowser. */
export const CONTEXT_OPTIONS = { locale: 'zh-CN', viewport: { width: 1366, height: 900 } } as const;

/**
 * Opens the console's login page with no stored session and submits these credentials (what follows
 * is the caller's). `clear: 'console'` keeps the origin's other storage (the mini H5's session).
 */
export async function submitConsoleLogin(page: Page, baseUrl: string, username: string, password: string, clear: 'all' | 'console' = 'all'): Promise<void> {
  await page.goto(`${baseUrl}/admin/#/login`);
  if (clear === 'all') await page.evaluate(() => localStorage.clear());
  else
    await page.evaluate(() =>
      Object.keys(localStorage)
        .filter((k) => k.startsWith('baotou.admin.'))
        .forEach((k) => localStorage.removeItem(k)),
    );
  await page.goto(`${baseUrl}/admin/#/login`);
  // The form can render afresh while the console boots, and what was typed into the replaced inputs
  // is lost (the button stays disabled): type again until the form has taken both.
  const button = page.getByRole('button', { name: '登录' });
  for (let attempt = 1; ; attempt++) {
    await page.locator('input[name="username"]').fill(username);
    await page.locator('input[name="password"]').fill(password);
    if (await button.isEnabled()) break;
    if (attempt === 10) throw new Error(`the login form did not take ${username}'s input`);
    await page.waitForTimeout(300);
  }
  await button.click();
}

/** The demo accounts' password (server/src/seed). */
export const DEMO_PASSWORD = 'baotou2024';

/** Signs in to the console (submitConsoleLogin) and waits for the welcome page. */
export async function signInToConsole(page: Page, baseUrl: string, username: string, password = DEMO_PASSWORD): Promise<void> {
  await submitConsoleLogin(page, baseUrl, username, password);
  await page.getByText('欢迎使用包头智慧物业管理服务平台').waitFor();
}

/**
 * Types `text` into a react-admin AutocompleteInput (`selector`), picks the first option containing
 * `pick`, and checks the pick took (the list closed, the field holds a value). With `searches`, the
 * input is a reference one: the click waits for the API's answer to the typed search, so the option
 * clicked is one of its results and not of the list shown before it (which is then replaced).
 */
export async function pickAutocomplete(page: Page, selector: string, text: string, pick: string | RegExp, { searches = false } = {}): Promise<void> {
  const input = page.locator(selector);
  await input.click();
  const searched = searches && page.waitForResponse((r) => r.request().method() === 'GET' && decodeURIComponent(r.url()).includes(`"q":"${text}"`));
  await input.fill(text);
  await searched;
  await page
    .getByRole('option', { name: typeof pick === 'string' ? new RegExp(escapeRegExp(pick)) : pick })
    .first()
    .click();
  await page.getByRole('listbox').waitFor({ state: 'detached' });
  if (!(await input.inputValue())) throw new Error(`${selector}: picking "${String(pick)}" left the field empty`);
}

/** Picks the option labelled exactly `label` in a react-admin SelectInput (the MUI select beside its hidden input `source`). */
export async function pickSelect(page: Page, source: string, label: string): Promise<void> {
  await page.locator(`input[name="${source}"]`).locator('..').getByRole('combobox').click();
  await page.getByRole('option', { name: label, exact: true }).click();
}

/** A console journey's platform (test/support/platform.ts), browser and page. */
export interface ConsoleJourney {
  platform: Platform;
  context: BrowserContext;
  page: Page;
}

/**
 * Registers the file's beforeAll/afterAll: the whole platform and a fresh browser with one page,
 * handed to `ready` once started (`({ platform, context, page } = j)`), and stopped after the file.
 */
export function consoleJourney(ready: (j: ConsoleJourney) => void): void {
  let j: Partial<ConsoleJourney> = {};
  beforeAll(async () => {
    const platform = await startPlatform();
    j = { platform };
    const context = await launchBrowser();
    j = { platform, context, page: await context.newPage() };
    ready(j as ConsoleJourney);
  }, 120_000);
  afterAll(async () => {
    await j.page?.goto('about:blank').catch(() => undefined);
    await j.context?.close();
    await j.platform?.stop();
  });
}
