/**
 * Issue 12 journey (service levels, DOMAIN.md §11), console in headless Chromium against the whole platform:
 *  1. a district files its yearly upgrade plan (提档升级) for one of a company's projects, target level 2;
 *  2. the company applies for level 2 for that project with its evidence;
 *  3. the district assesses item by item and accepts level 2;
 *  4. the project counts toward the "level 2 or above" target in the statistics and the plan shows it upgraded.
 * Needs `npm run build -w admin` first.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from '../support/browser';
import { startPlatform, type Platform } from '../support/platform';

jest.setTimeout(300_000);

const PASSWORD = 'baotou2024';
let platform: Platform;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  platform = await startPlatform();
  context = await launchBrowser();
  page = await context.newPage();
}, 120_000);

afterAll(async () => {
  await page?.goto('about:blank').catch(() => undefined);
  await context?.close();
  await platform?.stop();
});

async function signIn(username: string) {
  await page.goto(`${platform.baseUrl}/admin/#/login`);
  await page.evaluate(() => localStorage.clear());
  await page.goto(`${platform.baseUrl}/admin/#/login`);
  await page.locator('input[name="username"]').fill(username);
  await page.locator('input[name="password"]').fill(PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByText('欢迎使用包头智慧物业管理服务平台').waitFor();
}

/** Types into a react-admin AutocompleteInput and picks the option containing `pick`. */
async function autocomplete(selector: string, text: string, pick: string) {
  const input = page.locator(selector);
  await input.click();
  await input.fill(text);
  await page.getByRole('option', { name: new RegExp(pick.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) }).first().click();
}

async function stats(year: number) {
  const res = await platform.api.get(`/api/quality/stats?year=${year}&groupBy=district`).set('Authorization', `Bearer ${await platform.login('city')}`);
  return res.body as { groups: { key: string; atLevel2OrAbove: number; upgraded: number }[] };
}

test('a district files an upgrade plan → the company applies → the district accepts level 2 → the project counts toward the target and appears upgraded', async () => {
  const year = new Date().getFullYear();
  // a project of the demo company, not yet assessed, in a district with no plan this year
  const [project] = await platform.query<{ id: number; compound: string; district: string }>(
    `SELECT p.id, c.name AS compound, substr(p.region_code, 1, 6) AS district
       FROM projects p JOIN compounds c ON c.id = p.compound_id JOIN users u ON u.company_id = p.company_id AND u.username = 'company'
      WHERE p.start_date <= $1 AND p.end_date >= $2 AND substr(p.region_code, 1, 6) NOT IN (SELECT region_code FROM upgrade_plans WHERE year = $3)
        AND NOT EXISTS (SELECT 1 FROM level_assessments a WHERE a.project_id = p.id)
        AND (SELECT count(*) FROM compounds c2 WHERE c2.name = c.name) = 1
      ORDER BY p.id LIMIT 1`,
    [`${year}-12-31`, `${year}-01-01`, year],
  );
  expect(project).toBeDefined();
  const district = `d${project.district}`;
  const before = (await stats(year)).groups.find((g) => g.key === project.district)!;

  // 1. the district files its plan
  await signIn(district);
  await page.goto(`${platform.baseUrl}/admin/#/upgrade-plans/create`);
  await page.locator('textarea[name="measures"]').fill('完善设施设备台账，增加保洁频次');
  await page.locator('input[name="deadline"]').fill(`${year}-12-31`);
  await autocomplete('input[name="items.0.projectId"]', project.compound, project.compound);
  await autocomplete('input[name="items.0.targetLevelId"]', '二级', '二级');
  await page.getByRole('button', { name: '保存' }).click();
  await page.getByText('待审批').waitFor();
  await page.getByText('未达标').waitFor();

  // 2. the company applies for level 2
  await signIn('company');
  await page.goto(`${platform.baseUrl}/admin/#/level-assessments/create`);
  await autocomplete('input[name="projectId"]', project.compound, project.compound);
  await autocomplete('input[name="levelId"]', '二级', '二级');
  await page.locator('textarea[name="evidenceText"]').fill('自评报告.pdf\n服务台账.xlsx');
  await page.getByRole('button', { name: '保存' }).click();
  await page.getByText('待评定').waitFor();
  const [application] = await platform.query<{ id: number }>(`SELECT id FROM level_assessments WHERE project_id = $1 AND status = 'applied'`, [project.id]);

  // 3. the district assesses each requirement item and accepts level 2
  await signIn(district);
  await page.goto(`${platform.baseUrl}/admin/#/level-assessments/${application.id}/show`);
  const boxes = page.getByRole('checkbox');
  await boxes.first().waitFor();
  for (const box of await boxes.all()) await box.check();
  await page.getByRole('button', { name: '认定该等级' }).click();
  await page.getByText('已认定', { exact: true }).waitFor();

  // 4. it counts toward the target, and the plan shows it upgraded
  await page.goto(`${platform.baseUrl}/admin/#/quality-stats`);
  const level2 = page.getByTestId(`level2-${project.district}`);
  await level2.waitFor();
  await expect(level2.textContent()).resolves.toBe(String(before.atLevel2OrAbove + 1));
  await expect(page.getByTestId(`upgraded-${project.district}`).textContent()).resolves.toBe(String(before.upgraded + 1));
  await page.getByTestId('level2-target').waitFor();

  await page.goto(`${platform.baseUrl}/admin/#/upgrade-plans`);
  await page.getByRole('cell', { name: String(year) }).first().click();
  await page.getByText(/已达标（/).waitFor();
  expect((await platform.query(`SELECT 1 FROM credit_events WHERE project_id = $1 AND points_tenths = 50`, [project.id])).length).toBe(1);
});
