/**
 * Console journey for issue 17's tamper-evident audit: the city admin opens 操作日志, sees each row's
 * address, runs 校验 on a clean chain, then — after one row is edited directly in the database with
 * triggers off — runs it again and is told which row does not match.
 */
import type { Page } from 'playwright-core';
import { consoleJourney, signInToConsole } from '../support/browser';
import type { Platform } from '../support/platform';

jest.setTimeout(240_000);

let platform: Platform;
let page: Page;

consoleJourney((j) => ({ platform, page } = j));

test('操作日志: the address column, 校验 on a clean chain, then a row edited in the database is named', async () => {
  // a view of full personal data, audited with the caller's address
  const [owner] = await platform.query<{ id: number }>(`SELECT id FROM owners WHERE phone_enc IS NOT NULL ORDER BY id LIMIT 1`);
  expect((await platform.api.get(`/api/owners/${owner.id}/contact`).set('Authorization', `Bearer ${await platform.login('city')}`)).status).toBe(200);

  await signInToConsole(page, platform.baseUrl, 'city');
  await page.goto(`${platform.baseUrl}/admin/#/audit-logs`);
  await page.getByRole('columnheader', { name: '来源地址' }).waitFor();
  await page
    .getByRole('cell', { name: /127\.0\.0\.1/ })
    .first()
    .waitFor();

  await page.getByRole('button', { name: '校验' }).click();
  await page.getByRole('button', { name: '开始校验' }).click();
  await page.getByText(/审计日志完整：已校验 \d+ 条/).waitFor();

  const [victim] = await platform.query<{ id: string }>(`SELECT id::text FROM audit_logs WHERE seq IS NOT NULL ORDER BY audit_logs.seq LIMIT 1 OFFSET 3`);
  await platform.query(`SET session_replication_role = replica; UPDATE audit_logs SET after = '{"forged":true}' WHERE id = ${Number(victim.id)}`);
  await page.getByRole('button', { name: '开始校验' }).click();
  await page.getByText(/发现异常/).waitFor();
  await page.getByRole('link', { name: `#${victim.id}` }).waitFor();
  await page.getByText(/记录被篡改/).waitFor();
});
