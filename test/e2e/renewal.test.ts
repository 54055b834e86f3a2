/**
 * Issue 11 journey (DOMAIN.md §4, §13), console in headless Chromium against the whole platform:
 *  1. community staff survey a single building (through the survey API: create and submit — the survey screens
 *     have their own journey, renewal-survey.test.ts) and the district confirms the proposed merge;
 *  2. the district merges it into its neighbour from the compound's page (the confirmation says what moves);
 *  3. the neighbour is enrolled in quasi-property management and its year is assessed pass, item by item;
 *  4. the district drafts and approves the yearly subsidy batch, the city approves it and exports the .xlsx;
 *  5. the coverage rate has moved (GET /api/renewal/coverage).
 * Needs `npm run build -w admin` first.
 */
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { INFRASTRUCTURE_ITEMS, quasiSubsidy } from '@baotou/shared';
import { consoleJourney, signInToConsole, pickAutocomplete } from '../support/browser';
import { escapeRegExp } from '../support/h5';
import type { Platform } from '../support/platform';

jest.setTimeout(300_000);

const YEAR = 2024;
let platform: Platform;
let page: Page;

consoleJourney((j) => ({ platform, page } = j));

async function api(username: string, method: 'get' | 'post', path: string, body?: unknown) {
  const req = platform.api[method](path).set('Authorization', `Bearer ${await platform.login(username)}`);
  const res = method === 'post' ? await req.send(body as object) : await req;
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

type Tally = { code: string; compounds: { covered: number; total: number; permille: number }; floorArea: { covered: number; total: number } };
const coverage = async () =>
  ((await api('city', 'get', `/api/renewal/coverage?year=${YEAR}&groupBy=district`)) as { groups: Tally[] }).groups.find((g) => g.code === '150203')!;

test('survey a single building → merge it into its neighbour → enrol and assess the neighbour → approve and export the yearly batch → coverage moves', async () => {
  // The neighbour: BT0004 (self-managed) in 沼潭街道, same district as the community's compounds.
  const [neighbour] = await platform.query<{ id: number; name: string; total_area: string }>(
    `SELECT id, name, total_area FROM compounds WHERE code = 'BT0004'`,
  );
  const [{ name: companyName }] = await platform.query<{ name: string }>(`SELECT name FROM companies ORDER BY id LIMIT 1`);
  // A single building of the community, not yet under any management, with its homes.
  const single = await api('d150203', 'post', '/api/compounds', {
    code: 'BTDD01',
    name: '钢铁大街单栋楼',
    regionCode: '150203001001',
    address: '沼潭社区钢铁大街12号',
    totalArea: '4321.50',
    type: 'single_building',
    managementMode: 'none',
    buildYear: 1992,
  });
  const building = await api('d150203', 'post', '/api/buildings', { compoundId: single.id, name: '12号楼', floors: 6 });
  const unit = await api('d150203', 'post', '/api/units', { buildingId: building.id, name: '1单元' });
  for (const room of ['101', '102', '201', '202'])
    await api('d150203', 'post', '/api/households', { unitId: unit.id, room, area: '72.50', areaBasis: 'registered' });
  const before = await coverage();

  // 1. community staff survey it; the rule proposes a merge with the recorded neighbour; the district confirms.
  const survey = await api('community', 'post', '/api/renewal-surveys', {
    compoundId: single.id,
    buildingCount: 1,
    stairwellCount: 1,
    householdCount: 4,
    floorAreaCenti: 432150,
    singleBuilding: true,
    neighbourCompoundIds: [neighbour.id],
    enclosure: 'open',
    hasGate: false,
    infrastructure: Object.fromEntries(INFRASTRUCTURE_ITEMS.map((i) => [i, i === 'property_room' ? 'missing' : 'partial'])),
    currentManagement: 'none',
    hasCommittee: false,
    fundDeposited: false,
    renovation: 'none',
    willingHouseholds: 3,
    proposedFeeFen: 30,
    surveyedOn: `${YEAR}-04-02`,
  });
  const submitted = await api('community', 'post', `/api/renewal-surveys/${survey.id}/submit`, { version: survey.version });
  expect(submitted.proposedClassification).toBe('merge');
  await api('d150203', 'post', `/api/renewal-surveys/${survey.id}/classify`, { classification: 'merge' });

  // 2. the district merges it into the neighbour from the compound's page
  await signInToConsole(page, platform.baseUrl, 'd150203');
  await page.goto(`${platform.baseUrl}/admin/#/compounds/${single.id}/show`);
  await page.getByRole('button', { name: '并入相邻小区' }).click();
  await pickAutocomplete(page, 'input[name="targetCompoundId"]', neighbour.name, neighbour.name);
  await page.getByRole('button', { name: '合并', exact: true }).click();
  await page
    .getByTestId('merge-consequence')
    .getByText(new RegExp(`将「钢铁大街单栋楼」并入「${escapeRegExp(neighbour.name)}」.*4 户房屋`))
    .waitFor();
  await page.getByRole('button', { name: '确认合并' }).click();
  await page.waitForURL(new RegExp(`#/compounds/${neighbour.id}/show`));
  expect((await platform.query(`SELECT 1 FROM households WHERE compound_id = $1`, [single.id])).length).toBe(0);
  await page.goto(`${platform.baseUrl}/admin/#/compounds/${single.id}/show`);
  await page.getByText(new RegExp(`已于 .* 并入「${escapeRegExp(neighbour.name)}」的管理区域`)).waitFor();

  // 3. the neighbour enters quasi-property management, and its year is assessed pass item by item
  await page.goto(`${platform.baseUrl}/admin/#/quasi-enrolments/create`);
  await pickAutocomplete(page, 'input[name="compoundId"]', neighbour.name, neighbour.name);
  await pickAutocomplete(page, 'input[name="companyId"]', companyName.slice(0, 4), companyName);
  await page.locator('input[name="startDate"]').fill(`${YEAR}-01-01`);
  await page.getByRole('button', { name: '保存' }).click();
  await page.getByRole('link', { name: '年度考核' }).click();
  await page.locator('input[name="year"]').fill(String(YEAR));
  await expect(page.getByText(/占位/).count()).resolves.toBe(3);
  // The save's answer, not a 合格 on screen: the label can show before the row is committed.
  const saved = page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/api/quasi-assessments');
  await page.getByRole('button', { name: '保存' }).click();
  expect((await saved).status()).toBe(201);
  await page.getByText('合格', { exact: true }).first().waitFor();
  const [assessment] = await platform.query<{ result: string }>(
    `SELECT a.result FROM quasi_assessments a JOIN quasi_enrolments e ON e.id = a.enrolment_id WHERE e.compound_id = $1 AND a.year = $2`,
    [neighbour.id, YEAR],
  );
  expect(assessment.result).toBe('pass');

  // 4. the yearly batch: drafted and approved by the district, approved by the city, exported
  await page.goto(`${platform.baseUrl}/admin/#/subsidy-batches/create`);
  await pickAutocomplete(page, 'input[name="districtCode"]', '昆都仑', '昆都仑区');
  await page.locator('input[name="year"]').fill(String(YEAR));
  await page.getByRole('button', { name: '保存' }).click();
  await page.getByRole('button', { name: '区级审核通过' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '区级审核通过' }).click();
  await page.getByText('区级已审核', { exact: true }).first().waitFor();
  const [batch] = await platform.query<{ id: number; total_fen: string }>(
    `SELECT id, total_fen FROM subsidy_batches WHERE region_code = '150203' AND year = $1`,
    [YEAR],
  );
  const [line] = await platform.query<{ total_fen: string; area_centi: string }>(
    `SELECT total_fen, area_centi FROM subsidy_lines WHERE batch_id = $1 AND compound_id = $2`,
    [batch.id, neighbour.id],
  );
  const mergedArea = Math.round(Number(neighbour.total_area) * 100) + 432150;
  expect(Number(line.area_centi)).toBe(mergedArea);
  expect(Number(line.total_fen)).toBe(quasiSubsidy({ areaCenti: mergedArea, enrolmentYear: 1, months: 12 }).totalFen);

  await signInToConsole(page, platform.baseUrl, 'city');
  await page.goto(`${platform.baseUrl}/admin/#/subsidy-batches/${batch.id}/show`);
  await page.getByRole('button', { name: '市级审核通过' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '市级审核通过' }).click();
  await page.getByText('市级已审核', { exact: true }).first().waitFor();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出拨付明细' }).click();
  const file = await (await download).path();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(fs.readFileSync(file!) as never);
  const ws = wb.worksheets[0];
  expect(String(ws.getRow(1).getCell(1).value)).toContain(`${YEAR}年度准物业管理补贴`);
  const rows = ws.getSheetValues().filter((r) => Array.isArray(r) && r[4] === neighbour.name) as unknown[][];
  expect(rows).toHaveLength(1);
  expect(rows[0][11]).toBe(Number(line.total_fen) / 100);

  // 5. coverage in 昆都仑区 has moved: the uncovered building is no longer a compound of its own, its area is covered in the neighbour's
  const after = await coverage();
  expect(after.compounds.total).toBe(before.compounds.total - 1);
  expect(after.floorArea.total).toBe(before.floorArea.total);
  expect(after.compounds.permille).toBeGreaterThan(before.compounds.permille);
  expect(after.floorArea.covered).toBeGreaterThan(before.floorArea.covered);
});
