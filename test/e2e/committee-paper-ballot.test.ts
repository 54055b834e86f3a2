/**
 * Issue 3 journey, attachments and paper ballots, in the mini-program's H5 build (headless Debian Chromium):
 *  1. a member of BT0001's owners' committee attaches a PDF (and a photo they then remove) to a
 *     decision and publishes it;
 *  2. they start a vote and enter a paper ballot for an owner's home with its scan (refused first
 *     without one); the receipt is shown and the tally counts it;
 *  3. an owner of the compound opens the decision's attachment (the PDF itself arrives), but the
 *     ballot's scan is not theirs to see; street staff see the attachment in the console.
 * Needs `npm run build -w admin` and `npm run build:h5 -w mini` first.
 */
import fs from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';

import { launchBrowser, submitConsoleLogin } from '../support/browser';
import { startPlatform, type Platform } from '../support/platform';
import { button, field, openH5 as openH5At, stepChip, visible } from '../support/h5';
import { ballotBody, buildingsInScope, validateBallot } from '../../mini/src/packages/committees/ballot/form';

jest.setTimeout(300_000);

type Home = Awaited<ReturnType<Platform['demoHomesForBinding']>>[number];

const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
);
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(256, 9), Buffer.from([0xff, 0xd9])]);

let platform: Platform;
let browser: BrowserContext;

beforeAll(async () => {
  platform = await startPlatform();
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await platform?.stop();
});

const openH5 = (page: Page, hash: string) => openH5At(page, platform.baseUrl, hash);
// The H5 file input sits hidden inside its Chinese label (mini/src/components/FileInput.tsx).
const fileInput = (page: Page) => page.locator('label.file-input-label').filter({ visible: true }).locator('input[type="file"]');

/** A new resident (fresh dev openid) scans the compound in, logs in and binds a registered home. */
async function newResidentBinds(page: Page, home: Home): Promise<void> {
  await page.goto(`${platform.baseUrl}/api/health`);
  await page.evaluate(() => localStorage.clear());
  await openH5(page, `/pages/scan/index?scene=${home.compoundCode}`);
  await page.waitForURL(/#\/pages\/home\/index/);
  await button(page, '绑定房屋').click();
  await page.waitForURL(/#\/packages\/places\/bind\/index/);
  await button(page, '微信登录（开发）').click();
  await stepChip(page, '选择楼栋', home.buildingName).click();
  await stepChip(page, '选择单元', home.unitName).click();
  await stepChip(page, '选择房号', home.room).click();
  await field(page, '与房产登记一致的姓名').fill(home.name);
  await field(page, '业主登记的11位手机号').fill(home.phone);
  await button(page, '提交绑定').click();
  await visible(page.locator('.result-status').filter({ hasText: '已认证' }));
  await page.waitForURL(/#\/pages\/me\/index/);
}

/** GET a path with the H5 resident's own token (Taro keeps storage as {"data": …}). */
async function statusAsResident(page: Page, path: string): Promise<number> {
  return page.evaluate(async (p) => {
    const token = JSON.parse(localStorage.getItem('token') || '{}').data;
    return (await fetch(p, { headers: { Authorization: `Bearer ${token}` } })).status;
  }, path);
}

test('a committee member attaches a PDF to a decision and enters a paper ballot with its scan; an owner opens the attachment', async () => {
  const member = await platform.demoCommitteeMemberForBinding();
  const [owner, paperHome] = await platform.demoHomesForBinding({ member: false, count: 2 });
  expect(paperHome).toBeDefined();

  const page = await browser.newPage();
  page.setDefaultTimeout(20_000);
  await page.setViewportSize({ width: 375, height: 760 });

  // 1. The member binds their home and publishes a decision with a PDF attached.
  await newResidentBinds(page, member);
  await openH5(page, '/packages/committees/index/index');
  await button(page, '发布决定或会议纪要').click();
  await page.waitForURL(/#\/packages\/committees\/notice\/index/);
  const decision = '关于聘请第三方审计公共收益的决定';
  await field(page, '标题').fill(decision);
  await field(page, '正文').fill('经业委会全体委员过半数同意，聘请第三方对2025年度公共收益进行审计，决议原件见附件。');
  await fileInput(page).setInputFiles({ name: '业委会决议.pdf', mimeType: 'application/pdf', buffer: PDF });
  await visible(page.locator('.attachment').filter({ hasText: '业委会决议.pdf', visible: true }));
  // A photo added by mistake is removed before publishing.
  await fileInput(page).setInputFiles({ name: '现场照片.png', mimeType: 'image/png', buffer: PNG });
  const photo = page.locator('.attachment').filter({ hasText: '现场照片.png', visible: true });
  await visible(photo);
  await photo.locator('.attachment-remove').click();
  await photo.waitFor({ state: 'detached' });
  await button(page, '提交公开').click();
  await page.waitForURL(/#\/packages\/disclosures\/detail\/index\?id=\d+/);
  const disclosureId = Number(/id=(\d+)/.exec(page.url())![1]);
  await visible(page.locator('.attachment').filter({ hasText: '业委会决议.pdf', visible: true }));
  const [stored] = await platform.query<{ status: string; attachments: { name: string; url: string }[] }>(
    'SELECT status, attachments FROM disclosures WHERE id = $1',
    [disclosureId],
  );
  expect(stored.status).toBe('published');
  expect(stored.attachments).toEqual([{ name: '业委会决议.pdf', url: expect.stringMatching(/^\/api\/uploads\/\d+$/) }]);
  const attachmentUrl = stored.attachments[0].url;

  // 2. The member starts a vote and enters a paper ballot for an owner's home.
  await openH5(page, '/packages/committees/index/index');
  await button(page, '发起表决或征询').click();
  await page.waitForURL(/#\/packages\/committees\/vote-new\/index/);
  const title = '关于聘请第三方审计机构的表决';
  await field(page, '表决事项标题').fill(title);
  await page.locator('.matter-chips').filter({ visible: true }).locator('.chip').filter({ hasText: '其他重大事项', visible: true }).click();
  await button(page, '发起并开始投票').click();
  await page.waitForURL(/#\/packages\/votes\/detail\/index\?id=\d+/);
  const voteId = Number(/id=(\d+)/.exec(page.url())![1]);

  await openH5(page, '/packages/committees/index/index');
  await page.locator('.card').filter({ hasText: title, visible: true }).locator('.enter-ballots').click();
  await page.waitForURL(new RegExp(`#/packages/committees/ballot/index\\?vote=${voteId}`));
  await stepChip(page, '投票方式', '纸质票').click();
  await stepChip(page, '选择楼栋', paperHome.buildingName).click();
  await stepChip(page, '选择单元', paperHome.unitName).click();
  await stepChip(page, '选择房号', paperHome.room).click();
  await stepChip(page, '表决意见', '同意').click();
  // A paper ballot without its scan is refused before anything is sent.
  await button(page, '提交选票').click();
  await visible(page.locator('.field-error').filter({ hasText: '请上传纸质选票扫描件', visible: true }));
  expect(await platform.query('SELECT id FROM ballots WHERE vote_id = $1', [voteId])).toEqual([]);

  await fileInput(page).setInputFiles({ name: '选票扫描件.jpg', mimeType: 'image/jpeg', buffer: JPEG });
  await visible(page.locator('.scan .attachment').filter({ hasText: '选票扫描件.jpg', visible: true }));
  await button(page, '提交选票').click();
  const entered = page.locator('.ballot-entered').filter({ visible: true });
  await visible(entered);
  await expect(entered.innerText()).resolves.toContain(`${paperHome.buildingName} ${paperHome.unitName} ${paperHome.room}：同意（纸质票）`);
  const receipt = (await entered.locator('.receipt').innerText()).trim();
  expect(receipt).toMatch(/^[A-Z2-9]{10}$/);

  const [ballot] = await platform.query<{ channel: string; choice: string; current: boolean; scan_url: string; receipt: string }>(
    'SELECT channel, choice, current, scan_url, receipt FROM ballots WHERE vote_id = $1',
    [voteId],
  );
  expect(ballot).toMatchObject({ channel: 'paper', choice: 'agree', current: true, receipt });
  expect(ballot.scan_url).toMatch(/^\/api\/uploads\/\d+$/);

  // The tally counts it: live turnout in the mini-program and the result through the API.
  await button(page, '查看计票').click();
  await page.waitForURL(new RegExp(`#/packages/votes/detail/index\\?id=${voteId}`));
  await visible(page.locator('.turnout').filter({ hasText: /^1 \/ \d+/, visible: true }));
  const result = await platform.api.get(`/api/votes/${voteId}/result`).set('Authorization', `Bearer ${await platform.login('street')}`);
  expect(result.body).toMatchObject({ participatedOwners: 1, agreeOwners: 1, disagreeOwners: 0 });
  expect(await statusAsResident(page, ballot.scan_url)).toBe(200);

  // 3. An owner of the compound opens the decision's attachment: the PDF itself.
  await newResidentBinds(page, owner);
  await openH5(page, `/packages/disclosures/detail/index?id=${disclosureId}`);
  const link = page.locator('.attachment').filter({ hasText: '业委会决议.pdf', visible: true });
  await visible(link);
  const download = page.waitForEvent('download');
  await link.click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('业委会决议.pdf');
  expect(fs.readFileSync((await file.path())!).equals(PDF)).toBe(true);
  expect(await statusAsResident(page, attachmentUrl)).toBe(200);
  // The paper ballot's scan shows another owner's choice: not for residents.
  expect(await statusAsResident(page, ballot.scan_url)).toBe(404);
  await page.close();

  // Street staff see the attachment as a link on the disclosure in the console.
  const consolePage = await browser.newPage();
  consolePage.setDefaultTimeout(20_000);
  await submitConsoleLogin(consolePage, platform.baseUrl, 'street', 'baotou2024');
  await consolePage.getByText('欢迎使用包头智慧物业管理服务平台').waitFor();
  await consolePage.goto(`${platform.baseUrl}/admin/#/disclosures/${disclosureId}/show`);
  const consoleLink = consolePage.getByTestId('disclosure-attachment');
  await visible(consoleLink);
  await expect(consoleLink.innerText()).resolves.toBe('业委会决议.pdf');
  await expect(consoleLink.getAttribute('href')).resolves.toMatch(/^blob:/);
  await consolePage.close();
});

describe('paper ballot form rules (mini-program)', () => {
  test.each([
    ['complete paper ballot', { channel: 'paper', householdId: 5, choice: 'agree', scanUrl: '/api/uploads/9' }, {}],
    [
      'paper without its scan (DOMAIN.md §1: entered with a scan)',
      { channel: 'paper', householdId: 5, choice: 'agree', scanUrl: null },
      { scanUrl: '请上传纸质选票扫描件' },
    ],
    [
      'door-to-door needs its scan too (issue 9 §5)',
      { channel: 'door', householdId: 5, choice: 'abstain', scanUrl: null },
      { scanUrl: '请上传入户表决票扫描件' },
    ],
    ['complete door-to-door ballot', { channel: 'door', householdId: 5, choice: 'abstain', scanUrl: '/api/uploads/9' }, {}],
    [
      'nothing picked',
      { channel: 'door', householdId: null, choice: null, scanUrl: null },
      { householdId: '请选择房屋', choice: '请选择同意、反对或弃权', scanUrl: '请上传入户表决票扫描件' },
    ],
  ] as const)('%s', (_label, draft, errors) => {
    expect(validateBallot(draft as Parameters<typeof validateBallot>[0])).toEqual(errors);
  });

  test('door-to-door and paper ballots are both sent with their scan', () => {
    expect(ballotBody({ channel: 'door', householdId: 5, choice: 'agree', scanUrl: '/api/uploads/9' })).toEqual({
      householdId: 5,
      choice: 'agree',
      channel: 'door',
      scanUrl: '/api/uploads/9',
    });
    expect(ballotBody({ channel: 'paper', householdId: 5, choice: 'agree', scanUrl: '/api/uploads/9' })).toEqual({
      householdId: 5,
      choice: 'agree',
      channel: 'paper',
      scanUrl: '/api/uploads/9',
    });
  });

  const buildings = [
    {
      id: 1,
      name: '1号楼',
      units: [
        { id: 11, name: '1单元' },
        { id: 12, name: '2单元' },
      ],
    },
    { id: 2, name: '2号楼', units: [{ id: 21, name: '1单元' }] },
  ];
  test.each([
    ['whole compound', { scopeType: 'compound', scopeIds: [] }, buildings],
    ['some buildings', { scopeType: 'buildings', scopeIds: [2] }, [buildings[1]]],
    ['some units', { scopeType: 'units', scopeIds: [12] }, [{ ...buildings[0], units: [{ id: 12, name: '2单元' }] }]],
  ] as const)("only homes in the vote's scope can be picked: %s", (_label, vote, expected) => {
    expect(buildingsInScope(buildings, { scopeType: vote.scopeType, scopeIds: [...vote.scopeIds] })).toEqual(expected);
  });
});
