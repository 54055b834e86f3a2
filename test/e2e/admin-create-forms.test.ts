/**
 * Issue 16 §1: every create form of the console is filled and saved in Chromium, as the role whose
 * work it is, and the record is then read back through the API. A form that sends a field its
 * server schema refuses (工单 → 新增 → 400 "不允许的字段: compoundId"), or that validates a field
 * the server would accept (a landline), fails here.
 * Needs `npm run build -w admin` first.
 */
import type { BrowserContext, Page, Response } from 'playwright-core';
import { creditCodeCheckChar } from '../../shared/src/companies/creditCode';
import { launchBrowser, pickAutocomplete, submitConsoleLogin } from '../support/browser';
import { escapeRegExp } from '../support/h5';
import { startPlatform, type Platform } from '../support/platform';

jest.setTimeout(600_000);

const PASSWORD = 'baotou2024';
const suffix = String(Date.now()).slice(-6);

let platform: Platform;
let context: BrowserContext;
let page: Page;
let signedInAs = '';
const consoleErrors: string[] = [];

type Json = any;

async function apiGet(username: string, path: string): Promise<Json> {
  const res = await platform.api.get(path).set('Authorization', `Bearer ${await platform.login(username)}`);
  if (res.status !== 200) throw new Error(`GET ${path}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

async function signIn(username: string) {
  if (signedInAs === username) return;
  await submitConsoleLogin(page, platform.baseUrl, username, PASSWORD);
  // Each role has its own home page; signed in is when the login page is left.
  await page.waitForURL((u) => !u.hash.startsWith('#/login'));
  await page.locator('input[name="password"]').waitFor({ state: 'detached' });
  signedInAs = username;
}

async function openCreate(resource: string) {
  // The console is one page: going to another hash does not reload it, and until the router renders
  // the new route the previous page's 保存 and its same-named inputs are still there. A fill made then
  // went into the old form and the new one showed 必填 (owners after units: "name: 必填", in CI and
  // locally under load). So the old page's forms must be gone first.
  const before = await page.$$('form');
  await page.goto(`${platform.baseUrl}/admin/#/${resource}/create`);
  await Promise.all(before.map((form) => form.waitForElementState('hidden')));
  await page.getByRole('button', { name: '保存' }).waitFor();
  // The page's lazy chunk and its reference data settle before typing.
  await page.waitForLoadState('networkidle').catch(() => undefined);
}

const fill = (source: string, value: string) => page.locator(`input[name="${source}"], textarea[name="${source}"]`).first().fill(value);

/** A react-admin SelectInput: the MUI select beside its hidden input. */
async function select(source: string, label: string) {
  await page.locator(`input[name="${source}"]`).locator('..').getByRole('combobox').click();
  await page.getByRole('option', { name: label, exact: true }).click();
}

/** A reference AutocompleteInput by its source (`searches: false` for one over fixed choices). */
const autocomplete = (source: string, text: string, pick: string | RegExp = text, { searches = true } = {}) =>
  pickAutocomplete(page, `input[name="${source}"]`, text, pick, { searches });

/**
 * Clicks 保存 and waits for the API's answer to the create: it must be 201 and no error may be
 * notified; returns the created record's id (then read back through the API by the caller).
 */
async function save(resource: string): Promise<number | string> {
  const answered = page.waitForResponse((r: Response) => r.request().method() === 'POST' && new URL(r.url()).pathname === `/api/${resource}`, {
    timeout: 20_000,
  });
  await page.getByRole('button', { name: '保存' }).click();
  const res = await answered.catch(async (e: Error) => {
    // Nothing was sent: say which fields the form refused, so a failure names its cause.
    const refused = await page
      .locator('.MuiFormControl-root:has(.MuiFormHelperText-root.Mui-error)')
      .evaluateAll((fields) =>
        fields.map((f) => `${f.querySelector('input, textarea')?.getAttribute('name')}: ${f.querySelector('.Mui-error.MuiFormHelperText-root')?.textContent}`),
      );
    throw new Error(`POST /api/${resource} was never sent; the form shows: ${JSON.stringify(refused)} (${e.message})`);
  });
  const body = await res.json().catch(() => null);
  if (res.status() !== 201) throw new Error(`POST /api/${resource}: ${res.status()} ${JSON.stringify(body)}`);
  // The form leaves for the record (show, list or its parent); no error was notified on the way.
  await page.waitForURL((u) => !u.hash.endsWith('/create'));
  expect(await page.locator('.MuiSnackbarContent-root.error, .MuiAlert-standardError, .MuiAlert-filledError').count()).toBe(0);
  return body.id;
}

beforeAll(async () => {
  platform = await startPlatform();
  context = await launchBrowser();
  page = await context.newPage();
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
}, 180_000);

afterAll(async () => {
  await page?.goto('about:blank').catch(() => undefined);
  await context?.close();
  await platform?.stop();
});

afterEach(() => {
  expect(consoleErrors).toEqual([]);
});

// Records made by earlier forms and used by later ones (a building in the compound made above, …).
const made: Record<string, Json> = {};

describe('places (city administrator)', () => {
  test('regions: a new community under 沼潭街道', async () => {
    await signIn('city');
    const code = `150203001${900 + (Number(suffix) % 100)}`;
    await openCreate('regions');
    await fill('id', code);
    await fill('name', `表单测试社区${suffix}`);
    const id = await save('regions');
    expect(await apiGet('city', `/api/regions/${id}`)).toMatchObject({ id: code, name: `表单测试社区${suffix}` });
  });

  test('compounds', async () => {
    await signIn('city');
    await openCreate('compounds');
    await fill('code', `F${suffix}`);
    await fill('name', `表单小区${suffix}`);
    await autocomplete('regionCode', '150203001001');
    await select('type', '老旧小区');
    await select('managementMode', '准物业管理');
    await fill('address', '包头市昆都仑区表单路 1 号');
    await fill('totalArea', '5000.50');
    const id = await save('compounds');
    made.compound = await apiGet('city', `/api/compounds/${id}`);
    expect(made.compound).toMatchObject({ code: `F${suffix}`, regionCode: '150203001001' });
  });

  test('buildings', async () => {
    await signIn('city');
    await openCreate('buildings');
    await autocomplete('compoundId', made.compound.name);
    await fill('name', '1号楼');
    await fill('floors', '6');
    const id = await save('buildings');
    made.building = await apiGet('city', `/api/buildings/${id}`);
    expect(made.building).toMatchObject({ compoundId: made.compound.id, name: '1号楼', floors: 6 });
  });

  test('units', async () => {
    await signIn('city');
    await openCreate('units');
    await autocomplete('compoundId', made.compound.name);
    await autocomplete('buildingId', '1号楼');
    await fill('name', '1单元');
    const id = await save('units');
    made.unit = await apiGet('city', `/api/units/${id}`);
    expect(made.unit).toMatchObject({ buildingId: made.building.id, name: '1单元' });
  });

  test('owners', async () => {
    await signIn('city');
    await openCreate('owners');
    await fill('name', `表单业主${suffix}`);
    await fill('phone', `139${suffix}01`);
    await autocomplete('regionCode', '150203001001');
    const id = await save('owners');
    made.owner = await apiGet('city', `/api/owners/${id}`);
    expect(made.owner).toMatchObject({ name: `表单业主${suffix}`, regionCode: '150203001001' });
  });

  test('households', async () => {
    await signIn('city');
    await openCreate('households');
    await autocomplete('compoundId', made.compound.name);
    await autocomplete('unitId', '1单元');
    await fill('room', '101');
    await fill('area', '89.50');
    await autocomplete('ownerId', made.owner.name);
    const id = await save('households');
    expect(await apiGet('city', `/api/households/${id}`)).toMatchObject({ unitId: made.unit.id, room: '101', area: '89.50', ownerId: made.owner.id });
  });
});

describe('companies, projects and accounts (city administrator)', () => {
  test('companies, with a landline as the contact phone', async () => {
    await signIn('city');
    const first17 = `91150203${suffix}MA0X`.slice(0, 17);
    const creditCode = first17 + creditCodeCheckChar(first17);
    await openCreate('companies');
    await fill('name', `表单物业服务有限公司${suffix}`);
    await fill('creditCode', creditCode);
    await fill('legalRepresentative', '王经理');
    await fill('contactName', '前台');
    await fill('contactPhone', '0472-5267086');
    await autocomplete('regionCode', '150203');
    const id = await save('companies');
    made.company = await apiGet('city', `/api/companies/${id}`);
    expect(made.company).toMatchObject({ creditCode, name: `表单物业服务有限公司${suffix}` });
  });

  test('projects', async () => {
    await signIn('city');
    await openCreate('projects');
    await autocomplete('companyId', made.company.name);
    await autocomplete('compoundId', made.compound.name);
    await fill('startDate', '2026-01-01');
    await fill('endDate', '2028-12-31');
    await fill('feeFenPerM2Month', '120');
    await select('serviceLevel', '三级');
    await fill('managerName', '李经理');
    await fill('managerPhone', `137${suffix}02`);
    const id = await save('projects');
    expect(await apiGet('city', `/api/projects/${id}`)).toMatchObject({ companyId: made.company.id, compoundId: made.compound.id, feeFenPerM2Month: 120 });
  });

  test('users: a community account', async () => {
    await signIn('city');
    await openCreate('users');
    await fill('username', `form_${suffix}`);
    await fill('name', '表单社区干事');
    await select('role', '社区');
    await autocomplete('regionCode', '150203001001');
    await fill('password', `Form-${suffix}-pass!`);
    const id = await save('users');
    expect(await apiGet('city', `/api/users/${id}`)).toMatchObject({ username: `form_${suffix}`, role: 'community_staff', regionCode: '150203001001' });
  });

  test('fund-accounts: 开设专户 for a compound registered without one', async () => {
    await signIn('city');
    // A compound from before accounts opened with their compound (only SQL can make one now).
    const [c] = await platform.query<{ id: number; name: string }>(
      `INSERT INTO compounds (code, name, region_code, address, total_area, type, management_mode)
       VALUES ($1, $2, '150203001001', '包头市昆都仑区', 1000, 'old', 'none') RETURNING id, name`,
      [`FA${suffix}`, `无专户小区${suffix}`],
    );
    await openCreate('fund-accounts');
    await autocomplete('compoundId', c.name);
    await fill('bankName', '包头农商银行');
    await fill('accountNo', '6228480012345678');
    const id = await save('fund-accounts');
    expect(await apiGet('city', `/api/fund-accounts/${id}`)).toMatchObject({ compoundId: c.id });
  });
});

describe('committees (city administrator)', () => {
  test('committees: a preparatory group', async () => {
    await signIn('city');
    await openCreate('committees');
    await autocomplete('compoundId', made.compound.name);
    const id = await save('committees');
    made.committee = await apiGet('city', `/api/committees/${id}`);
    expect(made.committee).toMatchObject({ compoundId: made.compound.id, kind: 'preparatory' });
  });

  test('committee-members', async () => {
    await signIn('city');
    await openCreate('committee-members');
    await autocomplete('committeeId', made.compound.name);
    await fill('name', `表单委员${suffix}`);
    await fill('phone', `136${suffix}03`);
    const id = await save('committee-members');
    expect(await apiGet('city', `/api/committee-members/${id}`)).toMatchObject({ committeeId: made.committee.id, name: `表单委员${suffix}` });
  });
});

describe('Red Property registry (party-building staff)', () => {
  test('party-orgs', async () => {
    await signIn('party');
    await openCreate('party-orgs');
    await fill('name', `表单物业党支部${suffix}`);
    // A company's branch names its company (the form says so before the server has to).
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByText('必填').first().waitFor();
    await autocomplete('companyId', (await apiGet('party', '/api/companies?range=[0,0]'))[0].name);
    await fill('foundedOn', '2024-07-01');
    const id = await save('party-orgs');
    made.org = await apiGet('party', `/api/party-orgs/${id}`);
    expect(made.org).toMatchObject({ name: `表单物业党支部${suffix}` });
  });

  test('party-members: a project manager of a company', async () => {
    // A company serving a compound today, whose community the cross-appointment below is in.
    const [served] = await platform.query<{ company_name: string; region_code: string }>(
      `SELECT co.name AS company_name, p.region_code FROM projects p JOIN companies co ON co.id = p.company_id
        WHERE p.start_date <= current_date AND p.end_date >= current_date ORDER BY p.id LIMIT 1`,
    );
    made.served = served;
    await signIn('party');
    await openCreate('party-members');
    await fill('name', `表单党员${suffix}`);
    await fill('joinedOn', '2010-07-01');
    await autocomplete('orgId', made.org.name);
    // A project manager may sit part-time on the community's party committee (the cross-appointment below).
    await select('role', '项目负责人');
    await autocomplete('employerCompanyId', served.company_name);
    await fill('phone', `135${suffix}04`);
    const id = await save('party-members');
    made.member = await apiGet('party', `/api/party-members/${id}`);
    expect(made.member).toMatchObject({ name: `表单党员${suffix}`, orgId: made.org.id });
  });

  test('cross-appointments', async () => {
    await signIn('party');
    await openCreate('cross-appointments');
    await autocomplete('memberId', made.member.name);
    await autocomplete('communityCode', made.served.region_code);
    await fill('startDate', '2025-01-01');
    const id = await save('cross-appointments');
    expect(await apiGet('party', `/api/cross-appointments/${id}`)).toMatchObject({ memberId: made.member.id, communityCode: made.served.region_code });
  });

  test('red-projects', async () => {
    await signIn('party');
    await openCreate('red-projects');
    await autocomplete('compoundId', made.compound.name);
    await autocomplete('designation', '区级红色物业示范小区', undefined, { searches: false });
    const id = await save('red-projects');
    expect(await apiGet('party', `/api/red-projects/${id}`)).toMatchObject({ compoundId: made.compound.id, designation: '区级红色物业示范小区' });
  });
});

describe('company and community work', () => {
  test('fund-applications: the company serving a compound proposes a repair for the whole compound', async () => {
    const [c] = await platform.query<{ name: string; id: number }>(
      `SELECT c.id, c.name FROM compounds c JOIN projects p ON p.compound_id = c.id AND p.start_date <= current_date AND p.end_date >= current_date
         JOIN users u ON u.username = 'company' AND u.company_id = p.company_id ORDER BY c.id LIMIT 1`,
    );
    await signIn('company');
    await openCreate('fund-applications');
    await autocomplete('compoundId', c.name);
    await fill('title', `表单维修项目${suffix}`);
    await fill('items.0.name', '屋面防水');
    await fill('items.0.budgetYuan', '12000.00');
    await fill('contractor', '包头市表单建筑工程有限公司');
    await select('scopeType', '全小区');
    const id = await save('fund-applications');
    expect(await apiGet('company', `/api/fund-applications/${id}`)).toMatchObject({ compoundId: c.id, title: `表单维修项目${suffix}` });
  });

  test('tickets: a 5267086 hotline complaint from a landline, entered by the community', async () => {
    const [home] = await platform.query<{ compound: string; building: string; unit: string; room: string; id: number }>(
      `SELECT c.name AS compound, b.name AS building, u.name AS unit, h.room, h.id FROM households h
         JOIN compounds c ON c.id = h.compound_id JOIN buildings b ON b.id = h.building_id JOIN units u ON u.id = h.unit_id
        WHERE h.region_code = '150203001001' ORDER BY h.id LIMIT 1`,
    );
    await signIn('community');
    await openCreate('tickets');
    await select('channel', '5267086热线');
    await fill('contactName', '赵先生');
    await fill('contactPhone', '0472-5267086');
    await autocomplete('compoundId', home.compound);
    await autocomplete('householdId', home.room, `${home.building} ${home.unit} ${home.room}`);
    await select('kind', '投诉');
    await select('category', '服务质量');
    await select('against', '物业服务企业');
    await fill('description', '物业服务态度差，客服电话长期无人接听');
    const id = await save('tickets');
    expect(await apiGet('community', `/api/tickets/${id}`)).toMatchObject({
      channel: 'hotline',
      householdId: home.id,
      category: 'service_quality',
      contactPhone: '047*****7086',
    });
  });
});

describe('blacklist and filings (issue 10)', () => {
  const PDF = Buffer.from(
    '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
  );

  test('blacklist: the city lists a company with its evidence uploaded', async () => {
    const [co] = await platform.query<{ id: number; name: string }>(
      `SELECT c.id, c.name FROM companies c WHERE c.id <> (SELECT company_id FROM users WHERE username = 'company')
          AND NOT EXISTS (SELECT 1 FROM blacklist_entries b WHERE b.company_id = c.id AND b.removed_at IS NULL)
          AND (SELECT count(*) FROM companies c2 WHERE c2.name = c.name) = 1 ORDER BY c.id DESC LIMIT 1`,
    );
    await signIn('city');
    await openCreate('blacklist');
    await autocomplete('companyId', co.name);
    await select('reason', '串通投标');
    await fill('document', `包住建罚〔2026〕${suffix}号`);
    await fill('facts', '与其他投标人串通投标，经查实。');
    await page.getByTestId('evidence-file').setInputFiles({ name: '查处决定.pdf', mimeType: 'application/pdf', buffer: PDF });
    await page.getByTestId('evidence-item').filter({ hasText: '查处决定.pdf' }).waitFor();
    const id = await save('blacklist');
    expect(await apiGet('city', `/api/blacklist/${id}`)).toMatchObject({ companyId: co.id, reason: 'bid_collusion', state: 'active' });
  });

  test('filings: the company files a project manager for one of its projects', async () => {
    const [p] = await platform.query<{ id: number; name: string }>(
      `SELECT p.id, c.name FROM projects p JOIN compounds c ON c.id = p.compound_id JOIN users u ON u.username = 'company' AND u.company_id = p.company_id
        WHERE NOT EXISTS (SELECT 1 FROM filings f WHERE f.project_id = p.id AND f.status = 'submitted') AND (SELECT count(*) FROM compounds c2 WHERE c2.name = c.name) = 1
        ORDER BY p.id LIMIT 1`,
    );
    await signIn('company');
    await openCreate('filings');
    await autocomplete('projectId', p.name);
    await select('kind', '项目经理备案');
    await fill('documentNo', `ZS-${suffix}`);
    await fill('managerName', '孙经理');
    await fill('validFrom', '2026-01-01');
    await fill('validUntil', '2028-12-31');
    await page.getByTestId('documents-file').setInputFiles({ name: '任职证书.pdf', mimeType: 'application/pdf', buffer: PDF });
    await page.getByTestId('documents-item').filter({ hasText: '任职证书.pdf' }).waitFor();
    const id = await save('filings');
    expect(await apiGet('company', `/api/filings/${id}`)).toMatchObject({
      projectId: p.id,
      kind: 'project_manager',
      managerName: '孙经理',
      status: 'submitted',
    });
  });
});

describe('satisfaction surveys (issue 10)', () => {
  test('surveys: the district opens a project survey with every dimension', async () => {
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const [p] = await platform.query<{ id: number; name: string }>(
      `SELECT p.id, c.name FROM projects p JOIN compounds c ON c.id = p.compound_id
        WHERE p.region_code LIKE '150203%' AND p.start_date <= $1 AND p.end_date >= $1 AND (SELECT count(*) FROM compounds c2 WHERE c2.name = c.name) = 1
        ORDER BY p.id LIMIT 1`,
      [today],
    );
    await signIn('d150203');
    await openCreate('surveys');
    await fill('title', `2026年度满意度测评${suffix}`);
    await autocomplete('projectId', p.name);
    await fill('closesOn', '2099-12-31');
    const id = await save('surveys');
    expect(await apiGet('d150203', `/api/surveys/${id}`)).toMatchObject({ scope: 'project', projectId: p.id, status: 'open', projectCount: 1 });
  });
});

describe('inspections and the checklist (issue 10)', () => {
  test('inspection-checklist-items: the city adds a checklist item', async () => {
    await signIn('city');
    await openCreate('inspection-checklist-items');
    await fill('code', `F-${suffix}`);
    await select('category', '消防设施');
    await fill('text', '消防水泵处于自动状态');
    await fill('sourceDocument', 'research §3 规则1；《消防法》第16条');
    const id = await save('inspection-checklist-items');
    expect(await apiGet('city', `/api/inspection-checklist-items/${id}`)).toMatchObject({
      code: `F-${suffix}`,
      category: 'fire_facilities',
      severity: 'general',
      active: true,
    });
  });

  test('inspections: the community inspects a project in its area, every item passed', async () => {
    const [p] = await platform.query<{ id: number; name: string }>(
      `SELECT p.id, c.name FROM projects p JOIN compounds c ON c.id = p.compound_id
        WHERE p.region_code = '150203001001' AND (SELECT count(*) FROM compounds c2 WHERE c2.name = c.name) = 1 ORDER BY p.id LIMIT 1`,
    );
    await signIn('community');
    await openCreate('inspections');
    await autocomplete('projectId', p.name);
    await page.getByTestId('result-FL-01').waitFor();
    const id = await save('inspections');
    const saved = await apiGet('community', `/api/inspections/${id}`);
    expect(saved).toMatchObject({ projectId: p.id, kind: 'inspection', failedCount: 0 });
    expect(saved.results.length).toBeGreaterThan(10);
  });
});

describe('yearly targets (issue 14)', () => {
  test('kpi-targets: the city sets a later year’s target with its document', async () => {
    const year = Number(new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 4)) + 2;
    await signIn('city');
    await openCreate('kpi-targets');
    await select('year', `${year}年`);
    await select('indicator', '业主委员会组建率');
    await fill('value', '850');
    await fill('document', `包府办发〔${year}〕${suffix}号`);
    const id = await save('kpi-targets');
    expect(await apiGet('city', `/api/kpi-targets/${id}`)).toMatchObject({ year, indicator: 'committee_formation', value: 850 });
  });
});

describe('credit items (issue 10, S3)', () => {
  const PDF = Buffer.from(
    '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
  );

  test('credit-items: the district records a penalty with points in its range and the decision uploaded', async () => {
    const [co] = await platform.query<{ id: number; name: string }>(
      `SELECT c.id, c.name FROM companies c WHERE c.region_code LIKE '150203%' AND (SELECT count(*) FROM companies c2 WHERE c2.name = c.name) = 1 ORDER BY c.id LIMIT 1`,
    );
    await signIn('d150203');
    await openCreate('credit-items');
    await autocomplete('companyId', co.name);
    await select('type', '行政处罚（扣分）');
    await page.getByTestId('type-hint').waitFor();
    await fill('points', '-5');
    await fill('authority', '昆都仑区住房和城乡建设局');
    await fill('document', `昆建罚〔2026〕${suffix}号`);
    await page.getByTestId('credit-evidence-file').setInputFiles({ name: '处罚决定书.pdf', mimeType: 'application/pdf', buffer: PDF });
    await page.getByTestId('credit-evidence-item').filter({ hasText: '处罚决定书.pdf' }).waitFor();
    const id = await save('credit-items');
    expect(await apiGet('d150203', `/api/credit-items/${id}`)).toMatchObject({ companyId: co.id, type: 'penalty', pointsTenths: -50, state: 'publicising' });
  });
});

describe('property fees (issue 13)', () => {
  test('fee-items: the company sets a flat monthly fee on its project', async () => {
    const [p] = await platform.query<{ id: number; name: string }>(
      `SELECT p.id, c.name FROM projects p JOIN compounds c ON c.id = p.compound_id JOIN users u ON u.company_id = p.company_id AND u.username = 'company'
        WHERE (SELECT count(*) FROM compounds c2 WHERE c2.name = c.name) = 1 ORDER BY p.id LIMIT 1`,
    );
    await signIn('company');
    await openCreate('fee-items');
    await autocomplete('projectId', p.name);
    await select('kind', '其他固定费用');
    await fill('name', `电梯运行费${suffix}`.slice(0, 40));
    await fill('monthlyYuan', '15'); // typed in yuan: sent as 1500 fen
    await fill('startsOn', '2026-01-01');
    const id = await save('fee-items');
    expect(await apiGet('company', `/api/fee-items/${id}`)).toMatchObject({
      projectId: p.id,
      kind: 'other',
      monthlyFen: 1500,
      feeMilliFenPerM2Month: null,
      lateFeeBpPerMonth: null,
      billingCycle: 'monthly',
    });
  });

  test('billing-runs: the company bills a month for one compound and the run completes', async () => {
    // A month of the contract before the demo's billed year (the form offers the last 24 months).
    const [p] = await platform.query<{ id: number; compound_id: number; name: string; period: string }>(
      `SELECT p.id, p.compound_id, c.name, greatest(to_char(p.start_date, 'YYYY-MM'), to_char((now() AT TIME ZONE 'Asia/Shanghai') - interval '23 months', 'YYYY-MM')) AS period
         FROM projects p JOIN compounds c ON c.id = p.compound_id JOIN users u ON u.company_id = p.company_id AND u.username = 'company'
        WHERE p.end_date >= now() AND (SELECT count(*) FROM compounds c2 WHERE c2.name = c.name) = 1 ORDER BY p.id LIMIT 1`,
    );
    await platform.query(
      `INSERT INTO fee_items (project_id, company_id, compound_id, region_code, kind, name, monthly_fen, billing_cycle, starts_on)
      SELECT id, company_id, compound_id, region_code, 'other', '表单计费测试', 100, 'monthly', ($2 || '-01')::date FROM projects WHERE id = $1`,
      [p.id, p.period],
    );
    await signIn('company');
    await openCreate('billing-runs');
    await select('period', `${Number(p.period.slice(0, 4))}年${Number(p.period.slice(5))}月`);
    await page.locator('input[name="compoundIds"]').locator('..').getByRole('combobox').click();
    await page.getByRole('option', { name: p.name, exact: true }).click();
    await page.keyboard.press('Escape');
    const id = await save('billing-runs');
    await page.getByTestId(`run-progress-${id}`).getByText('1/1 个项目（100%）').waitFor({ timeout: 60_000 });
    expect(await apiGet('company', `/api/billing-runs/${id}`)).toMatchObject({ period: p.period, status: 'completed', projectsDone: 1 });
  }, 90_000);
});

describe('property fee counter payments (issue 13)', () => {
  test('fee-payments: the company takes 12.34 元 in cash at the counter, typed in yuan, and the receipt opens', async () => {
    const [h] = await platform.query<{ id: number; compound: string; label: string; room: string }>(
      `SELECT h.id, c.name AS compound, b.name || u.name || h.room AS label, h.room FROM bills bl JOIN households h ON h.id = bl.household_id JOIN compounds c ON c.id = h.compound_id
         JOIN buildings b ON b.id = h.building_id JOIN units u ON u.id = h.unit_id JOIN users us ON us.company_id = bl.company_id AND us.username = 'company'
        WHERE bl.status IN ('unpaid', 'partly_paid') AND bl.payer = 'household' AND (SELECT count(*) FROM compounds c2 WHERE c2.name = c.name) = 1 GROUP BY h.id, c.name, b.name, u.name, h.room HAVING sum(bl.amount_fen - bl.paid_fen) >= 1234 ORDER BY h.id LIMIT 1`,
    );
    await signIn('company');
    await openCreate('fee-payments');
    // the compound first: its homes' rooms repeat across compounds
    await autocomplete('compoundId', h.compound, new RegExp(`^${escapeRegExp(h.compound)}$`));
    await autocomplete('householdId', h.room, new RegExp(`^${escapeRegExp(h.label)}$`));
    await fill('amountYuan', '12.34'); // the form once asked for fen
    const id = await save('fee-payments');
    await page.waitForURL(/#\/receipts\/\d+\/show/);
    expect(await apiGet('company', `/api/fee-payments/${id}`)).toMatchObject({ householdId: h.id, amountFen: 1234, method: 'cash' });
  });
});
