/**
 * Red Property import journey in headless Debian Chromium against the whole platform:
 * party-building staff upload a member sheet with one bad row → see the row's error and no way to
 * commit it → upload the fixed sheet → confirm → the dashboard's member figures grow by the rows.
 */
import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { consoleJourney, signInToConsole } from '../support/browser';
import type { Platform } from '../support/platform';
import { readXlsxRows, xlsxFromRecords } from '../../server/src/party/xlsxFixtures';

jest.setTimeout(240_000);

let platform: Platform;
let page: Page;

consoleJourney((j) => ({ platform, page } = j));

function sheet(rows: Record<string, string>[]): Promise<Buffer> {
  return xlsxFromRecords(rows, ['姓名', '性别', '入党日期', '所在党组织', '身份', '工作单位', '手机号'], { sheetName: '党员' });
}

/** "12 / 340（3.5%）" → [12, 340] */
async function totalMembers(): Promise<[number, number]> {
  const cell = page.getByTestId('total-members');
  await cell.waitFor();
  const m = /(\d+) \/ (\d+)/.exec((await cell.textContent()) ?? '');
  if (!m) throw new Error('no member figures on the dashboard');
  return [Number(m[1]), Number(m[2])];
}

test('party staff import a sheet with one bad row → fix → commit → see the dashboard change', async () => {
  const [org] = await platform.query<{ name: string; company: string }>(
    `SELECT o.name, c.name AS company FROM party_orgs o JOIN companies c ON c.id = o.company_id WHERE o.setting = 'company' AND c.staff_count > 0 ORDER BY o.id LIMIT 1`,
  );
  const row = (name: string, over: Record<string, string> = {}) => ({
    姓名: name,
    性别: '女',
    入党日期: '2016-07-01',
    所在党组织: org.name,
    身份: '企业员工',
    工作单位: org.company,
    ...over,
  });

  await signInToConsole(page, platform.baseUrl, 'party');
  await page.goto(`${platform.baseUrl}/admin/#/party-dashboard`);
  const [membersBefore, staff] = await totalMembers();

  await page.goto(`${platform.baseUrl}/admin/#/party-import`);
  await page.getByTestId('kind-members').click();
  await page.getByTestId('import-file').setInputFiles({
    name: '党员名册.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: await sheet([row('旅程甲'), row('旅程乙', { 所在党组织: '不存在的党支部' }), row('旅程丙', { 手机号: '13600001111' })]),
  });
  const errors = page.getByTestId('import-errors');
  await errors.waitFor();
  await expect(errors.textContent()).resolves.toContain('第 3 行党组织“不存在的党支部”未登记');
  await expect(page.getByTestId('count-invalid').textContent()).resolves.toBe('错误 1 行');
  await expect(page.getByTestId('import-commit').isDisabled()).resolves.toBe(true);
  expect((await platform.query(`SELECT 1 FROM party_members WHERE name LIKE '旅程%'`)).length).toBe(0);

  // fixed and uploaded again
  await page.getByTestId('import-file').setInputFiles({
    name: '党员名册（已修正）.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: await sheet([row('旅程甲'), row('旅程乙'), row('旅程丙', { 手机号: '13600001111' })]),
  });
  await page.getByText('错误 0 行').waitFor();
  await page.getByTestId('import-commit').click();
  await page.getByTestId('import-done').waitFor();
  await expect(page.getByTestId('import-done').textContent()).resolves.toContain('已导入 3 条记录');
  expect((await platform.query(`SELECT 1 FROM party_members WHERE name LIKE '旅程%'`)).length).toBe(3);

  await page.getByRole('link', { name: '查看统计' }).click();
  await page.getByText('年度趋势').waitFor();
  expect(await totalMembers()).toEqual([membersBefore + 3, staff]);

  // 导出 Excel: written in the browser by the lazily loaded spreadsheet library, Chinese headers, three sheets
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出 Excel' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^红色物业统计_\d{8}\.xlsx$/);
  const exported = await readXlsxRows(fs.readFileSync((await file.path())!));
  expect(exported.sheetNames).toEqual(['按区', '年度趋势', '企业明细']);
  expect(exported.rows[0].slice(0, 3)).toEqual(['区划代码', '地区', '物业企业数']);

  // drill down: the district rows link to the registry's lists
  await page.getByTestId('party-stats').getByRole('link').first().click();
  await page.waitForURL(/#\/party-orgs\?filter=/);
});

test('a resident scanning into a Red Property compound sees the badge and masked names only', async () => {
  const [c] = await platform.query<{ code: string; designation: string }>(
    `SELECT c.code, r.designation FROM red_projects r JOIN compounds c ON c.id = r.compound_id WHERE r.result <> 'fail' ORDER BY r.year DESC, r.id DESC LIMIT 1`,
  );
  await page.goto(`${platform.baseUrl}/h5/#/pages/scan/index?scene=${encodeURIComponent(c.code)}`);
  await page.waitForURL(/#\/pages\/home\/index/);
  await page.getByText(c.designation, { exact: false }).first().waitFor({ state: 'visible' });
  await page.getByText('业委会党组织').first().waitFor({ state: 'visible' });
  const text = (await page.locator('body').textContent()) ?? '';
  expect(text).toMatch(/服务本小区的党员：.\*（/);
  expect(text).not.toMatch(/1[3-9]\d{9}/);
});
