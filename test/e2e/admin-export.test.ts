/**
 * Server-side exports in the console (issue 15), in headless Chromium against the whole platform:
 *  - street staff export their households: every row of their jurisdiction, not the first 1,000,
 *    with the table's Chinese headers, as many rows as the list says;
 *  - above EXPORT_JOB_THRESHOLD_ROWS the city's export runs as a background job: the console opens
 *    the job, its progress reaches the end and 下载文件 saves the whole file;
 *  - any other list too ("Export anything"): street staff download their 1,600-odd receipts, in the
 *    table's order, where the former client-side export stopped at 1,000.
 */
import ExcelJS from 'exceljs';
import type { BrowserContext, Page } from 'playwright-core';
import { EXPORT_COLUMNS } from '@baotou/shared';
import { launchBrowser, submitConsoleLogin } from '../support/browser';
import { startPlatform, type Platform } from '../support/platform';

jest.setTimeout(240_000);

const PASSWORD = 'baotou2024';
let platform: Platform;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  platform = await startPlatform({ EXPORT_JOB_THRESHOLD_ROWS: '2000', JOBS_POLL_INTERVAL_SECONDS: '0.5' });
  context = await launchBrowser();
  page = await context.newPage();
});

afterAll(async () => {
  await page?.goto('about:blank').catch(() => undefined);
  await page?.close().catch(() => undefined);
  await context?.close();
  await platform?.stop();
});

async function householdTotal(username: string): Promise<number> {
  const token = await platform.login(username);
  const res = await platform.api.get('/api/households').query({ range: '[0,0]' }).set('Authorization', `Bearer ${token}`);
  return Number(/\/(\d+)$/.exec(res.headers['content-range'])![1]);
}

async function exportWithPurpose() {
  await page.getByRole('button', { name: '导出 Excel' }).click();
  const dialog = page.getByRole('dialog', { name: '导出用途' });
  await dialog.waitFor();
  await dialog.getByRole('combobox').click();
  await page.getByRole('option', { name: '统计分析' }).click();
  await dialog.getByRole('textbox', { name: '用途说明' }).fill('年度房屋统计');
  await dialog.getByRole('button', { name: '确认导出' }).click();
}

async function sheetOf(path: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const ws = wb.worksheets[0];
  const column = (n: number) => Array.from({ length: ws.rowCount - 1 }, (_, i) => String(ws.getRow(i + 2).getCell(n).value ?? ''));
  return { header: (ws.getRow(1).values as unknown[]).slice(1), rows: ws.rowCount - 1, column };
}

test('street staff download every household of their jurisdiction with the table’s headers', async () => {
  const total = await householdTotal('street');
  expect(total).toBeGreaterThan(25);
  await submitConsoleLogin(page, platform.baseUrl, 'street', PASSWORD);
  await page.getByText('欢迎使用包头智慧物业管理服务平台').waitFor();
  await page.goto(`${platform.baseUrl}/admin/#/households`);
  await page.locator('tbody tr').first().waitFor();
  const download = page.waitForEvent('download');
  await exportWithPurpose();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^房屋_\d{8}\.xlsx$/);
  const sheet = await sheetOf((await file.path())!);
  expect(sheet.header).toEqual(EXPORT_COLUMNS.households.map((c) => c.header));
  expect(sheet.rows).toBe(total);
});

test('a large export runs as a job: the console shows it and 下载文件 saves the whole file', async () => {
  const total = await householdTotal('city');
  expect(total).toBeGreaterThan(2000);
  await page.goto('about:blank');
  await submitConsoleLogin(page, platform.baseUrl, 'city', PASSWORD);
  await page.getByText('欢迎使用包头智慧物业管理服务平台').waitFor();
  await page.goto(`${platform.baseUrl}/admin/#/households`);
  await page.locator('tbody tr').first().waitFor();
  await exportWithPurpose();
  await page.waitForURL(/#\/jobs\/[0-9a-f-]{36}\/show/);
  const link = page.getByRole('link', { name: '下载文件' });
  await link.waitFor({ timeout: 120_000 });
  await page.getByText(`${total.toLocaleString('zh-CN')} / ${total.toLocaleString('zh-CN')}`).waitFor();
  const download = page.waitForEvent('download');
  await link.click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^房屋_\d{8}\.xlsx$/);
  expect((await sheetOf((await file.path())!)).rows).toBe(total);
  // The jobs page lists it, 已完成.
  await page.goto(`${platform.baseUrl}/admin/#/jobs`);
  await page.locator('tbody tr', { hasText: '数据导出' }).first().getByText('已完成').waitFor();
});

test('another list exports every row from the server too: the receipts, in the table’s order', async () => {
  const token = await platform.login('street');
  const listed = await platform.api.get('/api/receipts').query({ sort: '["id","DESC"]', range: '[0,24]' }).set('Authorization', `Bearer ${token}`);
  const total = Number(/\/(\d+)$/.exec(listed.headers['content-range'])![1]);
  expect(total).toBeGreaterThan(1000);
  await page.goto('about:blank');
  await submitConsoleLogin(page, platform.baseUrl, 'street', PASSWORD);
  await page.getByText('欢迎使用包头智慧物业管理服务平台').waitFor();
  await page.goto(`${platform.baseUrl}/admin/#/receipts`);
  await page.locator('tbody tr').first().waitFor();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出 Excel' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^电子收据_\d{8}\.xlsx$/);
  const sheet = await sheetOf((await file.path())!);
  const columns = EXPORT_COLUMNS.receipts;
  expect(sheet.header).toEqual(columns.map((c) => c.header));
  expect(sheet.rows).toBe(total);
  const receiptNo = columns.findIndex((c) => c.field === 'receiptNo') + 1;
  expect(sheet.column(receiptNo).slice(0, 25)).toEqual((listed.body as { receiptNo: string }[]).map((r) => r.receiptNo));
});
