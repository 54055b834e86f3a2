import { createTestApi, type TestApi } from '../../../test/support/api';
import { escalateOverdue } from '../tickets/escalation';
import { autoConfirmResolved } from '../tickets/autoConfirm';
import { sweepTicketAndPartyCreditItems } from './ticketRules';

// DOMAIN.md §5 inputs from the platform's own data: overdue repairs, verified complaints, a party
// organisation in the company — each one item per event, however often the sweep runs.

let t: TestApi;
beforeAll(async () => {
  t = await createTestApi();
});
afterAll(() => t.close());

const count = async (sql: string, params: unknown[] = []) => Number((await t.query<{ n: string }>(sql, params))[0].n);
const FAR = new Date(Date.now() + 60 * 24 * 3600 * 1000);

test('an overdue repair and a confirmed complaint against the company each become one bad item; a party organisation one good item a year', async () => {
  const db = t.database.db;
  // the scheduler moves overdue repairs up (overran), and confirms resolved cases nobody answered
  await escalateOverdue(db, FAR);
  await autoConfirmResolved(db, FAR, { days: 7 });
  const overran = await count(`SELECT count(*) AS n FROM tickets WHERE kind = 'repair' AND overran AND company_id IS NOT NULL`);
  const complaints = await count(
    `SELECT count(*) AS n FROM tickets WHERE kind = 'complaint' AND against = 'company' AND status IN ('confirmed', 'closed') AND confirmed_at IS NOT NULL AND company_id IS NOT NULL`,
  );
  const partyCompanies = await count(`SELECT count(DISTINCT company_id) AS n FROM party_orgs WHERE company_id IS NOT NULL AND founded_on <= now()`);
  expect(overran).toBeGreaterThan(0);
  expect(complaints).toBeGreaterThan(0);
  expect(partyCompanies).toBeGreaterThan(0);

  const first = await sweepTicketAndPartyCreditItems(db);
  expect(first).toEqual({ ticket_overdue: overran, complaint_verified: complaints, party_organisation: partyCompanies });
  const second = await Promise.all(Array.from({ length: 5 }, () => sweepTicketAndPartyCreditItems(db)));
  expect(second.every((r) => Object.values(r).every((n) => n === 0))).toBe(true);
  expect(await count(`SELECT count(*) AS n FROM credit_items WHERE type = 'ticket_overdue'`)).toBe(overran);
  expect(await count(`SELECT count(*) AS n FROM credit_items WHERE type = 'complaint_verified'`)).toBe(complaints);
  expect(await count(`SELECT count(*) AS n FROM credit_items WHERE type = 'party_organisation'`)).toBe(partyCompanies);

  const [item] = await t.query<{ category: string; points_tenths: number; status: string; company_id: number; source_key: string }>(
    `SELECT category, points_tenths, status, company_id, source_key FROM credit_items WHERE type = 'ticket_overdue' ORDER BY id LIMIT 1`,
  );
  expect(item).toMatchObject({ category: 'bad', points_tenths: -5, status: 'published' });
  const [ticket] = await t.query<{ company_id: number }>(`SELECT company_id FROM tickets WHERE id = $1`, [Number(item.source_key.split(':')[1])]);
  expect(item.company_id).toBe(ticket.company_id);
  // a complaint against the committee, or one still open, records nothing
  expect(
    await count(
      `SELECT count(*) AS n FROM credit_items ci JOIN tickets tk ON ci.source_key = 'ticket:' || tk.id WHERE ci.type = 'complaint_verified' AND (tk.against <> 'company' OR tk.status NOT IN ('confirmed', 'closed'))`,
    ),
  ).toBe(0);
});
