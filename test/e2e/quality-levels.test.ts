/**
 * Issue 12 journey (service levels, DOMAIN.md §11), console in headless Chromium against the whole platform:
 *  1. a district files its yearly upgrade plan (提档升级) for one of a company's projects, target level 2;
 *  2. the company applies for level 2 for that project with its evidence;
 *  3. the district assesses item by item and accepts level 2;
 *  4. the project counts toward the "level 2 or above" target in the statistics and the plan shows it upgraded.
 * Needs `npm run build -w admin` first.
 */
import type { Page } from 'playwright-core';
import { consoleJourney, signInToConsole, pickAutocomplete, pickSelect } from '../support/browser';
import type { Platform } from '../support/platform';

jest.setTimeout(300_000);

const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
);
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
let platform: Platform;
let page: Page;

consoleJourney((j) => ({ platform, page } = j));

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
  await signInToConsole(page, platform.baseUrl, district);
  await page.goto(`${platform.baseUrl}/admin/#/upgrade-plans/create`);
  await page.locator('textarea[name="measures"]').fill('完善设施设备台账，增加保洁频次');
  await page.locator('input[name="deadline"]').fill(`${year}-12-31`);
  await pickAutocomplete(page, 'input[name="items.0.projectId"]', project.compound, project.compound);
  await pickAutocomplete(page, 'input[name="items.0.targetLevelId"]', '二级', '二级');
  await page.getByRole('button', { name: '保存' }).click();
  await page.getByText('待审批').waitFor();
  await page.getByText('未达标').waitFor();

  // 2. the company applies for level 2
  await signInToConsole(page, platform.baseUrl, 'company');
  await page.goto(`${platform.baseUrl}/admin/#/level-assessments/create`);
  await pickAutocomplete(page, 'input[name="projectId"]', project.compound, project.compound);
  await pickAutocomplete(page, 'input[name="levelId"]', '二级', '二级');
  // the evidence is uploaded, not typed (saving without it is refused on the field)
  await page.getByRole('button', { name: '保存' }).click();
  await page.getByText('请上传证明材料').waitFor();
  await page.getByTestId('evidence-file').setInputFiles({ name: '自评报告.pdf', mimeType: 'application/pdf', buffer: PDF });
  await page.getByTestId('evidence-item').filter({ hasText: '自评报告.pdf' }).waitFor();
  await page.getByRole('button', { name: '保存' }).click();
  await page.getByText('待评定').waitFor();
  const [application] = await platform.query<{ id: number; evidence: { name: string; url: string }[] }>(
    `SELECT id, evidence FROM level_assessments WHERE project_id = $1 AND status = 'applied'`,
    [project.id],
  );
  expect(application.evidence).toEqual([{ name: '自评报告.pdf', url: expect.stringMatching(/^\/api\/uploads\/\d+$/) }]);

  // 3. the district assesses each requirement item and accepts level 2
  await signInToConsole(page, platform.baseUrl, district);
  await page.goto(`${platform.baseUrl}/admin/#/level-assessments/${application.id}/show`);
  const boxes = page.getByRole('checkbox');
  await boxes.first().waitFor();
  for (const box of await boxes.all()) await box.check();
  await page.getByTestId('item-0-photos-file').setInputFiles({ name: '现场.png', mimeType: 'image/png', buffer: PNG });
  await page.getByTestId('item-0-photos-item').waitFor();
  // the district opens the company's evidence: the file itself arrives with the district's session
  const evidence = page.waitForResponse((r) => r.url().endsWith(application.evidence[0].url));
  await page.getByTestId('evidence-link').filter({ hasText: '自评报告.pdf' }).click();
  expect((await evidence).status()).toBe(200);
  await page.getByRole('button', { name: '认定该等级' }).click();
  await page.getByText('已认定', { exact: true }).waitFor();
  await page.getByTestId('item-photo-link').first().waitFor();
  const [decided] = await platform.query<{ results: { item: number; photos: string[] }[] }>(`SELECT results FROM level_assessments WHERE id = $1`, [
    application.id,
  ]);
  expect(decided.results[0].photos).toEqual([expect.stringMatching(/^\/api\/uploads\/\d+$/)]);

  // 4. it counts toward the target, and the plan shows it upgraded
  await page.goto(`${platform.baseUrl}/admin/#/quality-stats`);
  const level2 = page.getByTestId(`level2-${project.district}`);
  await level2.waitFor();
  await expect(level2.textContent()).resolves.toBe(String(before.atLevel2OrAbove + 1));
  await expect(page.getByTestId(`upgraded-${project.district}`).textContent()).resolves.toBe(String(before.upgraded + 1));
  await page.getByTestId('level2-target').waitFor();

  await page.goto(`${platform.baseUrl}/admin/#/upgrade-plans`);
  await page
    .getByRole('cell', { name: String(year) })
    .first()
    .click();
  await page.getByText(/已达标（/).waitFor();
  expect(
    (await platform.query(`SELECT 1 FROM credit_items WHERE type = 'project_upgraded' AND project_id = $1 AND points_tenths = 50`, [project.id])).length,
  ).toBe(1);
});

/** Clicks 保存 and returns the created record's id from the API's 201. */
async function save(resource: string): Promise<number> {
  const created = page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === `/api/${resource}`);
  await page.getByRole('button', { name: '保存' }).click();
  const res = await created;
  expect(res.status()).toBe(201);
  return (await res.json()).id;
}

test("the city's forms (a scale rung, a fee band, an award) and a company's cost report save; a band with min > max is refused on the field", async () => {
  const year = new Date().getFullYear();
  await signInToConsole(page, platform.baseUrl, 'city');
  await page.goto(`${platform.baseUrl}/admin/#/service-levels/create`);
  await page.locator('input[name="code"]').fill('L4');
  await page.locator('input[name="order"]').fill('4');
  await page.locator('input[name="name"]').fill('四级（旅程）');
  await page.locator('input[name="sourceDocument"]').fill('旅程测试文件');
  const levelId = await save('service-levels');

  await page.goto(`${platform.baseUrl}/admin/#/fee-guidance/create`);
  await pickAutocomplete(page, 'input[name="levelId"]', '四级', '四级');
  await pickSelect(page, 'propertyType', '商品房小区');
  await page.locator('input[name="minFen"]').fill('200');
  await page.locator('input[name="maxFen"]').fill('100');
  await page.locator('input[name="sourceDocument"]').fill('包头市物业服务收费指导价（旅程）');
  await page.locator('input[name="effectiveFrom"]').fill(`${year}-01-01`);
  await page.getByRole('button', { name: '保存' }).click();
  await page.getByText('下限不能高于上限').waitFor();
  await page.locator('input[name="minFen"]').fill('80');
  const bandId = await save('fee-guidance');
  expect(await platform.query(`SELECT min_fen, max_fen, level_id FROM fee_guidance WHERE id = $1`, [bandId])).toEqual([
    { min_fen: 80, max_fen: 100, level_id: levelId },
  ]);

  const [awarded] = await platform.query<{ compound: string }>(
    `SELECT c.name AS compound FROM projects p JOIN compounds c ON c.id = p.compound_id WHERE (SELECT count(*) FROM compounds c2 WHERE c2.name = c.name) = 1 ORDER BY p.id DESC LIMIT 1`,
  );
  await page.goto(`${platform.baseUrl}/admin/#/awards/create`);
  await pickAutocomplete(page, 'input[name="projectId"]', awarded.compound, awarded.compound);
  await page.locator('input[name="document"]').fill('包建发〔旅程〕1号');
  await page.locator('input[name="rewardFen"]').fill('5000000');
  await save('awards');

  await signInToConsole(page, platform.baseUrl, 'company');
  await page.goto(`${platform.baseUrl}/admin/#/cost-reports/create`);
  await page.locator('input[name="year"]').fill('2020');
  await page.locator('input[name="staffFen"]').fill('4000000');
  const reportId = await save('cost-reports');
  expect((await platform.query<{ staff_fen: string }>(`SELECT staff_fen FROM cost_reports WHERE id = $1`, [reportId]))[0].staff_fen).toBe('4000000');

  // the published statistics, signed out
  await page.evaluate(() => localStorage.clear());
  await page.goto('about:blank');
  await page.goto(`${platform.baseUrl}/admin/#/public/price-stats`);
  await page.getByText('包头市物业服务价格与质量统计').waitFor();
  await page.getByTestId('quality-stats-table').first().waitFor();
  await expect(page.getByText('暂无数据').first().isVisible()).resolves.toBe(true);
});
