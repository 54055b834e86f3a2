/**
 * Workforce journey (issue 12) in headless Debian Chromium against the whole platform: the district
 * reads its training rates → the company imports 200 staff, then their 200 pre-job trainings, each
 * with preview and confirm → the district's pre-job rate counts 200 more hired and 200 more trained.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { launchBrowser, submitConsoleLogin } from '../support/browser';
import { startPlatform } from '../support/platform';
import { xlsxFromRecords } from '../../server/src/party/xlsxFixtures';

jest.setTimeout(300_000);

const PASSWORD = 'baotou2024';
const N = 200;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
let platform: Awaited<ReturnType<typeof startPlatform>>;
let context: BrowserContext;
let page: Page;

async function signIn(username: string) {
  await submitConsoleLogin(page, platform.baseUrl, username, PASSWORD);
  // Signed in: the console leaves the login page (for the dashboard, or back to the page last open).
  await page.waitForURL((u) => !u.hash.startsWith('#/login'));
  await page.getByRole('button', { name: '登录' }).waitFor({ state: 'detached' });
}

/** The district's pre-job cell, "12 / 40（30.00%）" → [12, 40]. */
async function preJob(district: string): Promise<[number, number]> {
  await page.goto(`${platform.baseUrl}/admin/#/training-rates`);
  await page.getByTestId('training-rates').waitFor();
  const row = page.getByTestId(`rates-row-${district}`);
  if ((await row.count()) === 0) return [0, 0];
  const m = /(\d+) \/ (\d+)/.exec((await row.locator('td').nth(1).textContent()) ?? '');
  if (!m) throw new Error('no pre-job figures');
  return [Number(m[1]), Number(m[2])];
}

async function importSheet(kind: 'staff' | 'trainings', buffer: Buffer) {
  await page.goto(`${platform.baseUrl}/admin/#/staff-import`);
  await page.getByTestId(`kind-${kind}`).click();
  await page.getByTestId('import-file').setInputFiles({ name: `${kind}.xlsx`, mimeType: XLSX, buffer });
  await page.getByText('错误 0 行').waitFor();
  await page.getByTestId('import-commit').click();
  await page.getByTestId('import-done').waitFor();
  await expect(page.getByTestId('import-done').textContent()).resolves.toContain(`已导入 ${N} 条记录`);
}

beforeAll(async () => {
  platform = await startPlatform();
  context = await launchBrowser();
  page = await context.newPage();
});

afterAll(async () => {
  await page?.goto('about:blank').catch(() => undefined);
  await page?.close().catch(() => undefined);
  await context?.close();
  await platform?.stop();
});

test("a company imports 200 staff and their trainings and the district's rates change", async () => {
  const [project] = await platform.query<{ code: string; region_code: string }>(
    `SELECT c.code, p.region_code FROM projects p JOIN compounds c ON c.id = p.compound_id JOIN users u ON u.company_id = p.company_id WHERE u.username = 'company' AND p.end_date >= CURRENT_DATE ORDER BY p.id LIMIT 1`,
  );
  const district = project.region_code.slice(0, 6);
  // Hire dates this year (Beijing), none after today.
  const today = new Date(Date.now() + 8 * 3600_000);
  const jan1 = Date.UTC(today.getUTCFullYear(), 0, 1);
  const span = Math.max(1, Math.floor((today.getTime() - jan1) / 86_400_000));
  const hired = (i: number) => new Date(jan1 + (i % span) * 86_400_000).toISOString().slice(0, 10);

  await signIn(`d${district}`);
  const [trainedBefore, hiredBefore] = await preJob(district);

  await signIn('company');
  await importSheet(
    'staff',
    await xlsxFromRecords(
      Array.from({ length: N }, (_, i) => ({
        工号: `JR${i}`,
        姓名: `旅程员工${i}`,
        岗位: i % 3 ? '保洁' : '电工',
        项目小区编码: project.code,
        入职日期: hired(i),
        手机号: `137${String(10000000 + i)}`,
      })),
    ),
  );
  expect((await platform.query(`SELECT 1 FROM staff WHERE staff_no LIKE 'JR%'`)).length).toBe(N);
  await importSheet(
    'trainings',
    await xlsxFromRecords(
      Array.from({ length: N }, (_, i) => ({
        工号: `JR${i}`,
        培训类型: '岗前培训',
        课程: '物业服务岗前培训',
        培训机构: '包头市物业管理协会',
        学时: '8',
        培训日期: hired(i),
      })),
    ),
  );

  await page.getByRole('link', { name: '查看列表' }).click();
  await page.waitForURL(/#\/trainings/);

  await signIn(`d${district}`);
  expect(await preJob(district)).toEqual([trainedBefore + N, hiredBefore + N]);
  // The district reads the imported staff with phones masked.
  await page.goto(`${platform.baseUrl}/admin/#/staff?filter=${encodeURIComponent(JSON.stringify({ q: 'JR1' }))}`);
  await page.getByText('旅程员工1', { exact: true }).waitFor();
  expect((await page.locator('body').textContent()) ?? '').toContain('137****0001');
});

const fill = (source: string, value: string) => page.locator(`input[name="${source}"], textarea[name="${source}"]`).first().fill(value);
async function save(resource: string): Promise<number> {
  const answered = page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === `/api/${resource}`);
  await page.getByRole('button', { name: '保存' }).click();
  const res = await answered;
  const body = await res.json().catch(() => null);
  if (res.status() !== 201) throw new Error(`POST /api/${resource}: ${res.status()} ${JSON.stringify(body)}`);
  await page.waitForURL((u) => !u.hash.endsWith('/create'));
  return body.id;
}

test('the company enters a person with a certificate expiring soon and a 3.5-hour training through the forms', async () => {
  const soon = new Date(Date.now() + 8 * 3600_000 + 20 * 86_400_000).toISOString().slice(0, 10);
  await signIn('company');
  await page.goto(`${platform.baseUrl}/admin/#/staff/create`);
  await page.getByRole('button', { name: '保存' }).waitFor();
  await fill('staffNo', 'FORM1');
  await fill('name', '表单员工');
  await fill('hiredOn', '2024-05-01');
  await fill('phone', '13655556666');
  await page.getByRole('button', { name: '添加' }).click();
  await fill('certificates.0.name', '低压电工作业证');
  await fill('certificates.0.number', 'DG-001');
  await fill('certificates.0.expiresOn', soon);
  const staffId = await save('staff');
  const [row] = await platform.query<{ certificate_expires_on: string; phone_masked: string }>(
    `SELECT certificate_expires_on::text, phone_masked FROM staff WHERE id = $1`,
    [staffId],
  );
  expect(row).toEqual({ certificate_expires_on: soon, phone_masked: '136****6666' });

  // The list's flag filter finds them, with the flag in Chinese.
  await page.goto(`${platform.baseUrl}/admin/#/staff?filter=${encodeURIComponent(JSON.stringify({ certificateExpiring: 'true', q: 'FORM1' }))}`);
  await page.getByText('表单员工', { exact: true }).waitFor();
  await page.getByText('60天内到期').first().waitFor();

  await page.goto(`${platform.baseUrl}/admin/#/trainings/create`);
  await page.getByRole('button', { name: '保存' }).waitFor();
  const staffInput = page.locator('input[name="staffId"]');
  await staffInput.click();
  await staffInput.fill('表单员工');
  await page
    .getByRole('option', { name: /表单员工/ })
    .first()
    .click();
  await fill('course', '低压电工继续教育');
  await fill('provider', '特种作业培训中心');
  await fill('hoursTenths', '3.5');
  await fill('trainedOn', '2024-06-01');
  const trainingId = await save('trainings');
  const [t] = await platform.query<{ hours_tenths: number; staff_id: number }>(`SELECT hours_tenths, staff_id FROM trainings WHERE id = $1`, [trainingId]);
  expect(t).toEqual({ hours_tenths: 35, staff_id: staffId });
});
