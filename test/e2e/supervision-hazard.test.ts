/**
 * Issue 10 journey, first half (DOMAIN.md §10 → §5), console in headless Chromium against the whole platform:
 *  1. a community inspector records a blocked fire lane (消防车通道被占用) at a project, with a photo;
 *  2. the hazard gets the company's 7-day deadline; the deadline passes (the clock is moved in the database);
 *  3. the company rectifies late, with a photo, from the hazard's page;
 *  4. the hazard is reported to the street at once (flagged for the fire brigade) and shows in the
 *     street's queue of reported hazards; a bad credit item (hazard_overdue) appears, published for comment.
 * S3 continues the same journey below (objection → correction → the public grade changes).
 * Needs `npm run build -w admin` first.
 */
import type { Page } from 'playwright-core';
import { consoleJourney, signInToConsole, pickAutocomplete } from '../support/browser';
import type { Platform } from '../support/platform';

jest.setTimeout(300_000);

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

let platform: Platform;
let page: Page;

consoleJourney((j) => ({ platform, page } = j));

/** State the journey shares with its second half (S3). */
const journey: { projectId: number; companyId: number; compound: string; hazardId: number; creditItemId: number } = {} as never;

test('an inspector records a blocked fire lane → the company rectifies late → the hazard is reported to the street and a bad credit item appears', async () => {
  // A current project in 沼潭社区 (the demo community inspector's area) with a compound name of its own, and a staff account of its company.
  const [project] = await platform.query<{ id: number; company_id: number; compound: string }>(
    `SELECT p.id, p.company_id, c.name AS compound FROM projects p JOIN compounds c ON c.id = p.compound_id
      WHERE p.region_code = '150203001001' AND p.start_date <= current_date AND p.end_date >= current_date
        AND (SELECT count(*) FROM compounds c2 WHERE c2.name = c.name) = 1
      ORDER BY p.id LIMIT 1`,
  );
  expect(project).toBeDefined();
  Object.assign(journey, { projectId: project.id, companyId: project.company_id, compound: project.compound });
  await platform.query(
    `INSERT INTO users (username, name, role, company_id, password_hash, demo)
     SELECT 'hazardco', '物业客服（隐患）', 'company_staff', $1, password_hash, true FROM users WHERE username = 'company'`,
    [project.company_id],
  );

  // 1. the community inspector records the inspection: the fire lane fails, with a photo and a note
  await signInToConsole(page, platform.baseUrl, 'community');
  await page.goto(`${platform.baseUrl}/admin/#/inspections/create`);
  await pickAutocomplete(page, 'input[name="projectId"]', project.compound, project.compound);
  const fireLane = page.getByTestId('result-FL-01');
  await fireLane.getByRole('combobox').click();
  await page.getByRole('option', { name: '不合格', exact: true }).click();
  // a failed item needs its photo: refused on the form until it has one
  await page.getByRole('button', { name: '保存' }).click();
  await page.getByText('不合格条目须附现场照片').waitFor();
  await page.getByTestId('result-FL-01-photos-file').setInputFiles({ name: '占道.png', mimeType: 'image/png', buffer: PNG });
  await page.getByTestId('result-FL-01-photos-item').waitFor();
  await page.getByTestId('result-FL-01-note').fill('3号楼北侧消防车通道被私家车占用');
  await page.getByRole('button', { name: '保存' }).click();
  await page.getByTestId('inspection-results').waitFor();
  await page.getByText('待整改').waitFor();

  const [hazard] = await platform.query<{ id: number; found_at: Date; deadline_at: Date; fire_lane: boolean; status: string }>(
    `SELECT h.id, h.found_at, h.deadline_at, h.fire_lane, h.status FROM hazards h JOIN inspection_checklist_items i ON i.id = h.item_id
      WHERE h.project_id = $1 AND i.code = 'FL-01' AND h.kind = 'inspection' ORDER BY h.id DESC LIMIT 1`,
    [project.id],
  );
  expect(hazard).toMatchObject({ fire_lane: true, status: 'open' });
  expect(new Date(hazard.deadline_at).getTime() - new Date(hazard.found_at).getTime()).toBe(7 * 24 * 3600_000);
  journey.hazardId = hazard.id;

  // 2. a week goes by: the deadline passes before the company acts (the sweep has not run yet)
  await platform.query(`UPDATE hazards SET found_at = found_at - interval '8 days', deadline_at = deadline_at - interval '8 days' WHERE id = $1`, [hazard.id]);

  // 3. the company rectifies, late, with a photo
  await signInToConsole(page, platform.baseUrl, 'hazardco');
  await page.goto(`${platform.baseUrl}/admin/#/hazards/${hazard.id}/show`);
  await page.getByText('已超过整改期限').waitFor();
  await page.getByTestId('rectification-photos-file').setInputFiles({ name: '整改后.png', mimeType: 'image/png', buffer: PNG });
  await page.getByTestId('rectification-photos-item').waitFor();
  await page.getByTestId('hazard-note').fill('已联系车主挪车，补画禁停标线');
  await page.getByRole('button', { name: '提交整改' }).click();
  await page.getByText('已提交整改，等待复查').waitFor();
  await page.getByText('通报消防救援机构', { exact: false }).first().waitFor();

  // 4. the street finds it in its queue of reported hazards, flagged for the fire brigade
  await signInToConsole(page, platform.baseUrl, 'street');
  await page.goto(`${platform.baseUrl}/admin/#/hazards?filter=${encodeURIComponent(JSON.stringify({ reported: 'true' }))}`);
  const row = page.getByRole('row').filter({ hasText: project.compound }).filter({ hasText: '3号楼北侧消防车通道被私家车占用' });
  await row.first().waitFor();
  await row.first().getByText('已上报街道').waitFor();
  await row.first().getByText('通报消防救援机构').waitFor();
  await row.first().click();
  await page
    .getByTestId('hazard-timeline')
    .getByText(/逾期未整改，已上报街道办事处，并通报消防救援机构/)
    .waitFor();

  // … and a bad credit item for the company, published for comment, once
  const items = await platform.query<{ id: number; status: string; points_tenths: number; company_id: number }>(
    `SELECT id, status, points_tenths, company_id FROM credit_items WHERE type = 'hazard_overdue' AND source_key = $1`,
    [`hazard:${hazard.id}`],
  );
  expect(items).toHaveLength(1);
  expect(items[0]).toMatchObject({ status: 'published', company_id: project.company_id });
  expect(items[0].points_tenths).toBeLessThan(0);
  journey.creditItemId = items[0].id;
});

// ---- S3 continues here: the company objects to journey.creditItemId → the district corrects it → the grade on the public page changes. ----

const BANDS = [850, 800, 700, 600];
const GRADE_TEXT: Record<string, string> = { AAA: 'AAA级', AA: 'AA级', A: 'A级', B: 'B级', C: 'C级' };
const gradeOf = (t: number) => (t >= 850 ? 'AAA' : t >= 800 ? 'AA' : t >= 700 ? 'A' : t >= 600 ? 'B' : 'C');

/** The public credit page (no sign-in): the company's row, its grade and score as shown. */
async function publicRow(name: string) {
  await page.goto('about:blank');
  await page.goto(`${platform.baseUrl}/admin/#/public/credit`);
  await page.getByTestId('public-credit-q').fill(name);
  await page.getByRole('button', { name: '查询' }).click();
  const row = page.getByTestId(`public-credit-company-${journey.companyId}`);
  await row.waitFor();
  return row;
}

test('the company objects to the bad item → the district corrects it → the grade on the public page changes', async () => {
  expect(journey.creditItemId).toBeDefined();
  const [company] = await platform.query<{ name: string }>(`SELECT name FROM companies WHERE id = $1`, [journey.companyId]);
  const live = async () => {
    const res = await platform.api
      .get(`/api/credit-ratings/live?companyId=${journey.companyId}`)
      .set('Authorization', `Bearer ${await platform.login('city')}`);
    expect(res.status).toBe(200);
    return res.body as { totalTenths: number; goodTenths: number };
  };
  // Five working days pass: the item's publicity ends and it counts (the clock is moved in the database).
  await platform.query(`UPDATE credit_items SET public_until = (now() AT TIME ZONE 'Asia/Shanghai')::date - 1, updated_at = now() WHERE id = $1`, [
    journey.creditItemId,
  ]);
  const counted = (await live()).totalTenths;
  // Measure what the item weighs (an objected item does not count) — then put the company just below a grade
  // boundary with a penalty or an award from the district, so removing the hazard's points lifts it over the line.
  await platform.query(`UPDATE credit_items SET status = 'objected', updated_at = now() WHERE id = $1`, [journey.creditItemId]);
  const { totalTenths: without, goodTenths } = await live();
  await platform.query(`UPDATE credit_items SET status = 'published', updated_at = now() WHERE id = $1`, [journey.creditItemId]);
  expect(without).toBeGreaterThan(counted);
  const fits = (x: number) => x === 0 || (x <= -10 && x >= -200) || (x >= 10 && x <= 100 && goodTenths + x <= 400);
  const edge = BANDS.find((e) => fits(e - without));
  expect(edge).toBeDefined();
  const x = edge! - without;
  if (x !== 0) {
    const district = await platform.login('d150203');
    const file = await platform.api.post('/api/uploads').set('Authorization', `Bearer ${district}`).attach('file', PNG, '认定文书.png');
    const adjust = await platform.api
      .post('/api/credit-items')
      .set('Authorization', `Bearer ${district}`)
      .send({
        companyId: journey.companyId,
        projectId: null,
        type: x < 0 ? 'penalty' : 'award',
        pointsTenths: x,
        authority: '昆都仑区住房和城乡建设局',
        document: '昆建信〔2026〕31号',
        evidence: [{ name: '认定文书.png', url: `/api/uploads/${file.body.id}` }],
        occurredOn: '2026-01-05',
      });
    expect(adjust.status).toBe(201);
    await platform.query(`UPDATE credit_items SET public_until = (now() AT TIME ZONE 'Asia/Shanghai')::date - 1, updated_at = now() WHERE id = $1`, [
      adjust.body.id,
    ]);
  }
  const before = (await live()).totalTenths;
  expect(gradeOf(before)).not.toBe(gradeOf(edge!));

  // The public page shows the lower grade, and the hazard item among the company's current items
  let row = await publicRow(company.name);
  await row.getByTestId('public-credit-grade').getByText(GRADE_TEXT[gradeOf(before)], { exact: true }).waitFor();
  await row
    .getByTestId('public-credit-score')
    .getByText((before / 10).toFixed(1), { exact: true })
    .waitFor();
  await row.getByRole('button', { name: '信用事项' }).click();
  await page.getByTestId('public-credit-items').getByText('隐患逾期未整改').first().waitFor();

  // 1. the company objects from the item's page: it shows 异议中 at once
  await signInToConsole(page, platform.baseUrl, 'hazardco');
  await page.goto('about:blank');
  await page.goto(`${platform.baseUrl}/admin/#/credit-items/${journey.creditItemId}/show`);
  await page.getByText('隐患逾期未整改').first().waitFor();
  await page.getByTestId('objection-reason').fill('车辆为业主临时停放，企业已于当日劝离并补画标线，请求更正');
  await page.getByRole('button', { name: '提出异议' }).click();
  await page.getByText('异议已提交，该事项显示为异议中').waitFor();
  await page.getByText('异议中', { exact: true }).first().waitFor();
  await page.getByText('待答复').waitFor();

  // 2. the district answers: corrected — the item no longer costs points
  await signInToConsole(page, platform.baseUrl, 'd150203');
  await page.goto('about:blank');
  await page.goto(`${platform.baseUrl}/admin/#/credit-objections?filter=${encodeURIComponent(JSON.stringify({ status: 'pending' }))}`);
  await page.getByRole('row').filter({ hasText: company.name }).filter({ hasText: '隐患逾期未整改' }).first().click();
  await page.getByText('答复异议').waitFor();
  await page.getByLabel('更正分值').check();
  await page.getByTestId('answer-points').fill('0');
  await page.getByTestId('answer-text').fill('经复核，企业已当日整改，更正为不扣分');
  await page.getByRole('button', { name: '提交答复' }).click();
  await page.getByText('已答复异议').waitFor();
  await page.getByText('已更正', { exact: true }).waitFor();
  const [objection] = await platform.query<{ status: string; points_after: number }>(`SELECT status, points_after FROM credit_objections WHERE item_id = $1`, [
    journey.creditItemId,
  ]);
  expect(objection).toEqual({ status: 'corrected', points_after: 0 });

  // 3. the public page: the grade has changed
  const after = (await live()).totalTenths;
  expect(after).toBe(edge);
  row = await publicRow(company.name);
  await row.getByTestId('public-credit-grade').getByText(GRADE_TEXT[gradeOf(after)], { exact: true }).waitFor();
  await row
    .getByTestId('public-credit-score')
    .getByText((after / 10).toFixed(1), { exact: true })
    .waitFor();
});
