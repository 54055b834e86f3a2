/**
 * Issue 10 journey (blacklist, DOMAIN.md §5), console and mini H5 in headless Chromium against the whole platform:
 *  1. a district lists a company serving its compounds on the blacklist (form refused on the field until evidence is uploaded);
 *  2. the compound's page in the mini-program shows the company as 黑名单, as the public credit endpoint does;
 *  3. a new project for the company is refused;
 *  4. the letter recommending the end of each contract downloads as a PDF naming the company and each compound.
 * Needs `npm run build -w admin` and `npm run build:h5 -w mini` first.
 */
import fs from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { consoleJourney, pickAutocomplete, pickSelect, signInToConsole } from '../support/browser';
import { openH5 } from '../support/h5';
import type { Platform } from '../support/platform';
import { pdfText } from '../../server/src/pdf/text';

jest.setTimeout(300_000);

const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
);
let platform: Platform;
let context: BrowserContext;
let page: Page;

consoleJourney((j) => ({ platform, context, page } = j));

test('a district blacklists a company → its compound page shows 黑名单 → a new project is refused → the letter PDF names the company and each compound', async () => {
  // a company (not the demo `company` account's) serving compounds in 昆都仑区 today
  const [company] = await platform.query<{ id: number; name: string; code: string }>(
    `SELECT c.id, c.name, (SELECT cp.code FROM projects p JOIN compounds cp ON cp.id = p.compound_id
                            WHERE p.company_id = c.id AND p.region_code LIKE '150203%' AND p.start_date <= now()::date AND p.end_date >= now()::date ORDER BY cp.code LIMIT 1) AS code
       FROM companies c
      WHERE c.id <> (SELECT company_id FROM users WHERE username = 'company')
        AND NOT EXISTS (SELECT 1 FROM blacklist_entries b WHERE b.company_id = c.id AND b.removed_at IS NULL)
        AND EXISTS (SELECT 1 FROM projects p WHERE p.company_id = c.id AND p.region_code LIKE '150203%' AND p.start_date <= now()::date AND p.end_date >= now()::date)
        AND (SELECT count(*) FROM companies c2 WHERE c2.name = c.name) = 1
      ORDER BY c.id LIMIT 1`,
  );
  expect(company?.code).toBeTruthy();
  const compounds = await platform.query<{ name: string }>(
    `SELECT DISTINCT cp.name FROM projects p JOIN compounds cp ON cp.id = p.compound_id WHERE p.company_id = $1 AND p.start_date <= now()::date AND p.end_date >= now()::date`,
    [company.id],
  );

  // 1. the district lists it
  await signInToConsole(page, platform.baseUrl, 'd150203');
  await page.goto(`${platform.baseUrl}/admin/#/blacklist/create`);
  await pickAutocomplete(page, 'input[name="companyId"]', company.name.slice(0, 6), company.name);
  await pickSelect(page, 'reason', '骗取、挪用或侵占维修资金');
  await page.locator('input[name="document"]').fill('昆住建罚〔2026〕21号');
  await page.locator('textarea[name="facts"]').fill('将专项维修资金挪作日常经营支出，经审计查实。');
  await page.getByRole('button', { name: '保存' }).click();
  await page.getByText('请上传至少一份证据材料').waitFor();
  await page.getByTestId('evidence-file').setInputFiles({ name: '处罚决定书.pdf', mimeType: 'application/pdf', buffer: PDF });
  await page.getByTestId('evidence-item').filter({ hasText: '处罚决定书.pdf' }).waitFor();
  const created = page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/api/blacklist');
  await page.getByRole('button', { name: '保存' }).click();
  expect((await created).status()).toBe(201);
  await page.getByTestId('letters-pdf').waitFor();
  const [entry] = await platform.query<{ id: number }>(`SELECT id FROM blacklist_entries WHERE company_id = $1 AND removed_at IS NULL`, [company.id]);
  expect(entry).toBeDefined();

  // 4 (while signed in). the letters download as one PDF naming the company and every compound it serves
  const download = page.waitForEvent('download');
  await page.getByTestId('letters-pdf').click();
  const file = await (await download).path();
  const text = (await pdfText(fs.readFileSync(file))).replace(/\s+/g, '');
  expect(text).toContain(company.name);
  for (const c of compounds) expect(text).toContain(c.name.replace(/\s+/g, ''));

  // 2. the public: the company shows 黑名单 on its compound's page in the mini-program and on the public endpoint
  const pub = await platform.api.get(`/api/public/credit/companies?q=${encodeURIComponent(company.name)}`);
  expect(pub.body.find((r: { id: number }) => r.id === company.id)).toMatchObject({ blacklisted: true });
  await openH5(page, platform.baseUrl, `/pages/scan/index?scene=${company.code}`);
  await page.getByText('信用等级').waitFor();
  await page.getByText('黑名单', { exact: true }).waitFor();

  // 3. a new project for it is refused, and none is stored
  const token = await platform.login('d150203');
  const [p] = await platform.query<{ compound_id: number }>(`SELECT compound_id FROM projects WHERE company_id = $1 ORDER BY id LIMIT 1`, [company.id]);
  const before = (await platform.query<{ n: string }>('SELECT count(*) AS n FROM projects'))[0].n;
  const refused = await platform.api.post('/api/projects').set('Authorization', `Bearer ${token}`).send({
    companyId: company.id,
    compoundId: p.compound_id,
    startDate: '2027-01-01',
    endDate: '2029-12-31',
    feeFenPerM2Month: 120,
    serviceLevel: 2,
    managerName: '王五',
  });
  expect(refused.status).toBe(409);
  expect(refused.body.error.code).toBe('COMPANY_BLACKLISTED');
  expect((await platform.query<{ n: string }>('SELECT count(*) AS n FROM projects'))[0].n).toBe(before);
});

test('on a phone (390×844) the public credit page keeps each company name on one line (the table scrolls sideways)', async () => {
  const phone = await context.newPage();
  await phone.setViewportSize({ width: 390, height: 844 });
  await phone.goto(`${platform.baseUrl}/admin/#/public/credit`);
  const [{ name }] = await platform.query<{ name: string }>(`SELECT name FROM companies ORDER BY length(name) DESC LIMIT 1`);
  const cell = phone.getByTestId('public-credit-companies').getByRole('cell', { name: name, exact: true });
  await cell.waitFor();
  // one line of 12px+ text: it once folded to a character a line, the row taller than the screen is wide
  const box = (await cell.boundingBox())!;
  expect(box.height).toBeLessThan(100); // a row: one line of text beside the 信用事项 button (folded, it was hundreds of px)
  expect(box.width).toBeGreaterThan(name.length * 12);
  await phone.close();
});
