/**
 * Issue 10 (DOMAIN.md §9): a resident answers the project's satisfaction survey in the mini H5 and
 * their 不满意 tips the project below 80% (the other homes' answers are seeded to exactly 80%) →
 * the district closes the survey in the console → the result shows 预警 and an interview (约谈)
 * with the project manager opens.
 * Needs `npm run build -w admin` and `npm run build:h5 -w mini` first.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { SURVEY_DIMENSION_LABELS } from '@baotou/shared';
import { launchBrowser, submitConsoleLogin } from '../support/browser';
import { button, exactly } from '../support/h5';
import { startPlatform, type Platform } from '../support/platform';

jest.setTimeout(240_000);

const PASSWORD = 'baotou2024';
let platform: Platform;
let browser: BrowserContext;
let target: { project_id: number; compound_id: number; code: string; region_code: string; compound_name: string; manager_name: string };
let home: { id: number; region_code: string };
const beijingDay = (days = 0) => new Date(Date.now() + 8 * 3600_000 + days * 86400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  platform = await startPlatform();
  browser = await launchBrowser();
  // A compound of 昆都仑区 with one project under contract today.
  [target] = await platform.query(
    `SELECT p.id AS project_id, c.id AS compound_id, c.code, c.region_code, c.name AS compound_name, p.manager_name FROM projects p JOIN compounds c ON c.id = p.compound_id
      WHERE c.region_code LIKE '150203%' AND p.start_date <= $1 AND p.end_date >= $1
        AND (SELECT count(*) FROM projects q WHERE q.compound_id = c.id AND q.start_date <= $1 AND q.end_date >= $1) = 1
        AND NOT EXISTS (SELECT 1 FROM survey_projects sp JOIN surveys s ON s.id = sp.survey_id WHERE sp.compound_id = c.id AND s.status = 'open')
      ORDER BY c.id LIMIT 1`,
    [beijingDay()],
  );
  [home] = await platform.query(`SELECT id, region_code FROM households WHERE compound_id = $1 AND NOT developer_unsold ORDER BY id LIMIT 1`, [
    target.compound_id,
  ]);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await platform?.stop();
});

test('a resident’s 不满意 in the mini H5 tips the project below 80%; closing shows 预警 in the console and opens an interview', async () => {
  // The district opens the project's survey.
  const district = await platform.login('d150203');
  const opened = await platform.api
    .post('/api/surveys')
    .set('Authorization', `Bearer ${district}`)
    .send({ title: '2026年度业主满意度测评', scope: 'project', projectId: target.project_id, opensOn: beijingDay(), closesOn: beijingDay(14) });
  expect(opened.status).toBe(201);
  const surveyId = opened.body.id as number;

  // Other homes answered: a valid sample (≥ 30% of occupied homes), exactly 80% satisfied (4 in 5).
  const [{ n: occupied }] = await platform.query<{ n: number }>(`SELECT count(*)::int AS n FROM households WHERE compound_id = $1 AND NOT developer_unsold`, [
    target.compound_id,
  ]);
  const others = Math.ceil(Math.ceil((occupied * 3) / 10) / 5) * 5;
  const [sp] = await platform.query<{ id: number }>(`SELECT id FROM survey_projects WHERE survey_id = $1`, [surveyId]);
  await platform.query(
    `INSERT INTO survey_responses (survey_id, survey_project_id, household_id, compound_id, region_code, answers, overall)
     SELECT $1, $2, x.id, x.compound_id, x.region_code, '{}'::jsonb, CASE WHEN row_number() OVER (ORDER BY x.id) <= $5 THEN 'satisfied' ELSE 'dissatisfied' END::satisfaction_rating
       FROM (SELECT id, compound_id, region_code FROM households WHERE compound_id = $3 AND NOT developer_unsold AND id <> $4 ORDER BY id DESC LIMIT $6) x`,
    [surveyId, sp.id, target.compound_id, home.id, (others * 4) / 5, others],
  );

  // The resident: scanned into the compound, signed in, home verified, answers from the home page's link.
  const mini: Page = await browser.newPage();
  mini.setDefaultTimeout(20_000);
  await mini.setViewportSize({ width: 390, height: 844 });
  await mini.goto('about:blank');
  await mini.goto(`${platform.baseUrl}/h5/#/pages/scan/index?scene=${target.code}`);
  await mini.waitForURL(/#\/pages\/home\/index/);
  await button(mini, '满意度测评').click();
  await mini.waitForURL(/#\/packages\/supervision\/survey\/index/);
  await button(mini, '微信登录（开发）').click();
  await mini.getByText('请先绑定并认证您在本小区的房屋').first().waitFor();
  const [resident] = await platform.query<{ id: number }>(`SELECT id FROM users WHERE openid LIKE 'dev_%' ORDER BY id DESC LIMIT 1`);
  await platform.query(
    `INSERT INTO household_claims (user_id, household_id, compound_id, region_code, name, phone_enc, phone_masked, status) VALUES ($1, $2, $3, $4, '赵六', 'x', '139****0006', 'verified')`,
    [resident.id, home.id, target.compound_id, home.region_code],
  );
  await mini.goto('about:blank');
  await mini.goto(`${platform.baseUrl}/h5/#/packages/supervision/survey/index`);
  await mini.getByText('2026年度业主满意度测评').first().waitFor();
  const question = (title: string) => mini.locator('.question').filter({ has: mini.getByText(title, { exact: true }), visible: true });
  const choose = (title: string, answer: string) =>
    question(title)
      .locator('.chip')
      .filter({ hasText: exactly(answer) })
      .click();
  for (const label of Object.values(SURVEY_DIMENSION_LABELS)) await choose(label, '基本满意');
  await choose('总体评价', '不满意');
  await button(mini, '提交答卷').click();
  await mini
    .getByText(/已提交，截止（.*）前可修改/)
    .first()
    .waitFor();
  const [stored] = await platform.query<{ overall: string }>(`SELECT overall FROM survey_responses WHERE survey_id = $1 AND household_id = $2`, [
    surveyId,
    home.id,
  ]);
  expect(stored.overall).toBe('dissatisfied');

  // The district closes the survey in the console: 预警, and an interview with the project manager.
  const admin = await browser.newPage();
  admin.setDefaultTimeout(20_000);
  await submitConsoleLogin(admin, platform.baseUrl, 'd150203', PASSWORD, 'console');
  await admin.getByText('欢迎使用包头智慧物业管理服务平台').waitFor();
  await admin.goto(`${platform.baseUrl}/admin/#/surveys/${surveyId}/show`);
  await admin.getByRole('button', { name: '结束测评' }).click();
  await admin.getByRole('button', { name: '确定' }).click();
  await admin
    .getByText(/预警1个，生成约谈1个/)
    .first()
    .waitFor();
  await admin.getByText('预警（低于80%）').first().waitFor();
  await admin
    .getByText(`${(Math.floor((((others * 4) / 5) * 10000) / (others + 1)) / 100).toFixed(2)}%`)
    .first()
    .waitFor();

  await admin.goto(`${platform.baseUrl}/admin/#/interviews`);
  const row = admin.locator('tr', { hasText: target.compound_name }).filter({ hasText: '待约谈' });
  await row.first().click();
  await admin.waitForURL(/#\/interviews\/\d+\/show/);
  await admin.getByText(target.manager_name, { exact: true }).first().waitFor();
  const [iv] = await platform.query<{ status: string; project_id: number }>(`SELECT status, project_id FROM interviews WHERE survey_id = $1`, [surveyId]);
  expect(iv).toEqual({ status: 'pending', project_id: target.project_id });
});
