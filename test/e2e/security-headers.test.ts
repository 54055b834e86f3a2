/**
 * Issue 17 in a real browser (headless Debian Chromium) against the whole platform:
 *  - the console (sign in, open a list, export, a QR code) and the H5 build (scan-in) run under the served
 *    Content-Security-Policy with no `securitypolicyviolation` event and no CSP error in the console;
 *  - exporting households (personal data) asks a purpose first, the export is audited with its row
 *    count, and the file's properties name the account, the time and the purpose.
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from '../support/browser';
import { startPlatform, type Platform } from '../support/platform';

jest.setTimeout(240_000);

const REPO = path.resolve(__dirname, '../..');
const PASSWORD = 'baotou2024';

let platform: Platform;
let context: BrowserContext;

type Seen = { violations: string[]; consoleErrors: string[] };
declare global {
  interface Window {
    __cspViolations: string[];
  }
}

/** A page that records every CSP violation (from its first script on) and every CSP console message. */
async function watchedPage(): Promise<{ page: Page; seen: () => Promise<Seen>; forget: () => Promise<void> }> {
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  const consoleErrors: string[] = [];
  page.on('console', (msg) => {
    if (/Content.Security.Policy|Refused to (execute|load|apply|evaluate|frame|connect)/i.test(msg.text())) consoleErrors.push(msg.text());
  });
  page.on('pageerror', (err) => {
    if (/Content.Security.Policy|unsafe-eval/i.test(err.message)) consoleErrors.push(err.message);
  });
  return {
    page,
    seen: async () => ({ violations: await page.evaluate(() => window.__cspViolations ?? []), consoleErrors: [...consoleErrors] }),
    forget: async () => {
      await page.evaluate(() => (window.__cspViolations = []));
      consoleErrors.length = 0;
    },
  };
}

beforeAll(async () => {
  platform = await startPlatform();
  context = await launchBrowser();
  await context.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__cspViolations.push(`${e.effectiveDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`);
    });
  });
});
afterAll(async () => {
  await context?.close();
  await platform?.stop();
});

test('the built console and H5 pages hold no inline script or inline event handler', () => {
  for (const file of ['admin/dist/index.html', 'mini/dist-h5/index.html']) {
    const html = fs.readFileSync(path.join(REPO, file), 'utf8');
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toMatch(/\ssrc=/);
    expect(html).not.toMatch(/\son[a-z]+\s*=/i);
  }
});

test('the console under its CSP: sign in, open households, export with a purpose — no violation, the export audited', async () => {
  const { page, seen, forget } = await watchedPage();
  const response = await page.goto(`${platform.baseUrl}/admin/#/login`);
  expect(response!.headers()['content-security-policy']).toMatch(/script-src 'self'(;|$)/);

  // The listener is live and the policy is enforced: an injected inline script is blocked and reported.
  expect(
    await page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.__injected = true';
      document.head.appendChild(s);
      return (window as unknown as { __injected?: boolean }).__injected ?? false;
    }),
  ).toBe(false);
  for (let i = 0; i < 50 && (await seen()).violations.length === 0; i++) await page.waitForTimeout(100);
  expect((await seen()).violations).toEqual([expect.stringMatching(/^script-src-elem inline/)]);
  expect((await seen()).consoleErrors).toEqual([expect.stringMatching(/Content Security Policy/)]);
  await forget();

  await page.locator('input[name="username"]').fill('city');
  await page.locator('input[name="password"]').fill(PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByText('欢迎使用包头智慧物业管理服务平台').waitFor();

  await page.goto(`${platform.baseUrl}/admin/#/households`);
  await page.locator('tbody tr').first().waitFor();

  // 导出 asks the purpose first; cancelling writes nothing and records nothing.
  await page.getByRole('button', { name: '导出 Excel' }).click();
  let dialog = page.getByRole('dialog', { name: '导出用途' });
  await dialog.waitFor();
  await dialog.getByRole('button', { name: '取消' }).click();
  await dialog.waitFor({ state: 'hidden' });
  const audited = () =>
    platform.query<{ after: { rowCount: number; purpose: string; filter: object }; ip: string | null }>(
      `SELECT after, ip FROM audit_logs WHERE action = 'export_personal' AND entity = 'households' ORDER BY id`,
    );
  expect(await audited()).toEqual([]);

  await page.getByRole('button', { name: '导出 Excel' }).click();
  dialog = page.getByRole('dialog', { name: '导出用途' });
  await dialog.waitFor();
  // Both parts are required.
  await dialog.getByRole('button', { name: '确认导出' }).click();
  await dialog.getByText('请选择导出用途').waitFor();
  await dialog.getByRole('combobox').click();
  await page.getByRole('option', { name: '信息核实' }).click();
  await dialog.getByRole('textbox', { name: '用途说明' }).fill('核对业主登记信息');
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: '确认导出' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^[\u4e00-\u9fa5]+_\d{8}\.xlsx$/); // a Chinese name and the Beijing date

  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile((await file.path())!);
  const rows = wb.worksheets[0].rowCount - 1;
  expect(rows).toBeGreaterThan(0);
  expect(wb.creator).toMatch(/（city）$/);
  expect(wb.description).toContain('导出用途：信息核实：核对业主登记信息');
  expect(Math.abs(wb.created.getTime() - Date.now())).toBeLessThan(5 * 60_000);

  const [row] = await audited();
  expect(row.after.rowCount).toBe(rows);
  expect(row.after.purpose).toBe('信息核实：核对业主登记信息');
  expect(row.ip).toBeTruthy();

  // The compound's QR code (fetched, shown from a blob: URL) still displays under img-src.
  const [compound] = await platform.query<{ id: number }>(`SELECT id FROM compounds WHERE code = 'BT0001'`);
  await page.goto(`${platform.baseUrl}/admin/#/compounds/${compound.id}/show`);
  const qr = page.getByTestId('compound-qrcode');
  await qr.waitFor();
  await expect(qr.evaluate((img: HTMLImageElement) => img.decode().then(() => img.naturalWidth))).resolves.toBeGreaterThan(0);

  expect(await seen()).toEqual({ violations: [], consoleErrors: [] });
  await page.close();
});

test('the H5 build under its CSP: scan-in lands on the compound home with no violation, rem sizing applied', async () => {
  const { page, seen } = await watchedPage();
  await page.setViewportSize({ width: 375, height: 760 });
  const response = await page.goto(`${platform.baseUrl}/h5/#/pages/scan/index?scene=BT0001`);
  expect(response!.headers()['content-security-policy']).toMatch(/script-src 'self'(;|$)/);
  await page.waitForURL(/#\/pages\/home\/index/);
  await page.getByText('物业服务企业').first().waitFor();
  // Taro's rem script, now a file, still sets the root font size (375 px wide: 40 × 375 / 750 = 20 px).
  expect(await page.evaluate(() => document.documentElement.style.fontSize)).toBe('20px');
  expect(await seen()).toEqual({ violations: [], consoleErrors: [] });
  await page.close();
});
