import { FUND_APPLICATION_STATUSES, TICKET_LEVELS, TICKET_STATUSES } from '@baotou/shared';
import { createTestApi, type TestApi } from '../../../test/support/api';

// Issue 16 §4: the demo city shows every state a user will meet, so each screen has data on it.
let t: TestApi;
const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
const n = async (query: string, params: unknown[] = []) => (await t.query<{ n: number }>(query, params))[0].n;

beforeAll(async () => {
  t = await createTestApi();
});
afterAll(() => t.close());

describe('the demo city has every state (issue 16 §4)', () => {
  test('votes: one open with ballots, one closed that passed, one closed that failed', async () => {
    expect(
      await n(`SELECT count(*)::int AS n FROM votes v WHERE v.status = 'open' AND EXISTS (SELECT 1 FROM ballots b WHERE b.vote_id = v.id)`),
    ).toBeGreaterThanOrEqual(1);
    expect(await n(`SELECT count(*)::int AS n FROM votes WHERE status = 'closed' AND (result->>'approved')::boolean`)).toBeGreaterThanOrEqual(1);
    expect(await n(`SELECT count(*)::int AS n FROM votes WHERE status = 'closed' AND NOT (result->>'approved')::boolean`)).toBeGreaterThanOrEqual(1);
  });

  test('the open vote reads as standing, not as a verdict, through the API', async () => {
    const [open] = await t.query<{ id: number }>(`SELECT id FROM votes WHERE status = 'open' ORDER BY id LIMIT 1`);
    const res = await t.api.get(`/api/votes/${open.id}/result`).set(bearer(await t.login('street')));
    expect(res.status).toBe(200);
    expect(res.body.explanation).toContain('目前参与');
    expect(res.body.explanation).not.toContain('未通过');
  });

  test.each([...FUND_APPLICATION_STATUSES])('a fund application in status %s', async (status) => {
    expect(await n(`SELECT count(*)::int AS n FROM fund_applications WHERE status = $1`, [status])).toBeGreaterThanOrEqual(1);
  });

  test('the disbursed application was paid: usage entries and its fund-usage notice', async () => {
    expect(
      await n(
        `SELECT count(*)::int AS n FROM fund_entries e JOIN fund_batches b ON b.id = e.batch_id JOIN fund_applications a ON b.reference = 'application:' || a.id WHERE a.status = 'disbursed' AND e.kind = 'usage'`,
      ),
    ).toBeGreaterThanOrEqual(1);
    expect(await n(`SELECT count(*)::int AS n FROM disclosures WHERE kind = 'fund_usage' AND status = 'published'`)).toBeGreaterThanOrEqual(1);
  });

  test.each([...TICKET_STATUSES])('a ticket in status %s', async (status) => {
    expect(await n(`SELECT count(*)::int AS n FROM tickets WHERE status = $1`, [status])).toBeGreaterThanOrEqual(1);
  });

  test.each([...TICKET_LEVELS])('an open ticket at level %s', async (level) => {
    expect(
      await n(`SELECT count(*)::int AS n FROM tickets WHERE level = $1 AND status IN ('submitted', 'accepted', 'dispatched', 'in_progress')`, [level]),
    ).toBeGreaterThanOrEqual(1);
  });

  test('tickets escalated, awaiting the resident\u2019s confirmation, awaiting a rating, and rated but not yet closed', async () => {
    expect(await n(`SELECT count(*)::int AS n FROM tickets WHERE escalation_count > 0 AND status <> 'closed'`)).toBeGreaterThanOrEqual(1);
    expect(await n(`SELECT count(*)::int AS n FROM tickets WHERE status = 'resolved'`)).toBeGreaterThanOrEqual(1);
    expect(await n(`SELECT count(*)::int AS n FROM tickets WHERE status = 'confirmed' AND rating IS NULL`)).toBeGreaterThanOrEqual(1);
    expect(await n(`SELECT count(*)::int AS n FROM tickets WHERE status = 'confirmed' AND rating IS NOT NULL`)).toBeGreaterThanOrEqual(1);
  });

  test('the demo company and community see cases in their queues', async () => {
    for (const user of ['company', 'community']) {
      const res = await t.api
        .get(`/api/tickets?filter=${encodeURIComponent(JSON.stringify({ open: true }))}&range=${encodeURIComponent('[0,0]')}`)
        .set(bearer(await t.login(user)));
      expect(res.status).toBe(200);
      expect(Number(res.headers['content-range'].split('/')[1])).toBeGreaterThanOrEqual(1);
    }
  });

  test('homes owing their first deposit, including in the demo community (沼潭社区)', async () => {
    expect(await n(`SELECT count(*)::int AS n FROM fund_ledgers WHERE first_deposit_fen = 0`)).toBeGreaterThanOrEqual(1);
    expect(await n(`SELECT count(*)::int AS n FROM fund_ledgers WHERE first_deposit_fen = 0 AND region_code = '150203001001'`)).toBeGreaterThanOrEqual(1);
  });
});
