import type { TestApi } from './api';

/**
 * A resident logged in through the WeChat stand-in with the given home bound and verified
 * (they give the owner's registered name and phone, as a real owner would).
 */
export async function residentWithHome(t: TestApi, openid: string, householdId: number): Promise<string> {
  const token = await t.residentToken(openid);
  const mine = await t.api.get('/api/household-claims').set('Authorization', `Bearer ${token}`);
  if (mine.body.some((c: { householdId: number; status: string }) => c.householdId === householdId && c.status === 'verified')) return token;
  const [home] = await t.query<{ owner_id: number; name: string }>(
    'SELECT h.owner_id, o.name FROM households h JOIN owners o ON o.id = h.owner_id WHERE h.id = $1',
    [householdId],
  );
  if (!home) throw new Error(`household ${householdId} has no registered owner`);
  const contact = await t.api.get(`/api/owners/${home.owner_id}/contact`).set('Authorization', `Bearer ${await t.login('city')}`);
  const res = await t.api
    .post('/api/household-claims')
    .set('Authorization', `Bearer ${token}`)
    .send({ householdId, name: home.name, phone: contact.body.phone });
  if (res.body.status !== 'verified') throw new Error(`binding ${householdId} was not verified: ${JSON.stringify(res.body)}`);
  return token;
}

/** A home in the compound owned by a member of its in-office committee. */
export async function committeeMemberHome(t: TestApi, compoundCode: string): Promise<number> {
  const [row] = await t.query<{ id: number }>(
    `SELECT h.id FROM households h JOIN compounds c ON c.id = h.compound_id
       JOIN committee_members m ON m.owner_id = h.owner_id AND m.compound_id = c.id
       JOIN committees k ON k.id = m.committee_id AND k.status = 'in_office'
      WHERE c.code = $1 ORDER BY h.id LIMIT 1`,
    [compoundCode],
  );
  return row.id;
}

export interface UnclaimedHome {
  id: number;
  ledger_id: number;
  owner_id: number;
}

/**
 * The homes of a compound with a registered owner who sits on no committee, a fund ledger and no
 * claim yet, handed out one per call (each test gets its own), in id order.
 */
export function unclaimedHomes(t: TestApi, compoundId: number): () => Promise<UnclaimedHome> {
  let offset = 0;
  return async () => {
    const [h] = await t.query<UnclaimedHome>(
      `SELECT h.id, l.id AS ledger_id, h.owner_id FROM households h JOIN fund_ledgers l ON l.household_id = h.id
        WHERE h.compound_id = $1 AND h.owner_id IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM committee_members m WHERE m.owner_id = h.owner_id)
          AND NOT EXISTS (SELECT 1 FROM household_claims c WHERE c.household_id = h.id)
        ORDER BY h.id LIMIT 1 OFFSET $2`,
      [compoundId, offset++],
    );
    return h;
  };
}
