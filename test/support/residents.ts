import type { TestApi } from './api';

/**
 * A resident logged in through the WeChat stand-in with the given home bound and verified
 * (they give the owner's registered name and phone, as a real owner would).
 */
export async function residentWithHome(t: TestApi, openid: string, householdId: number): Promise<string> {
  const token = await t.residentToken(openid);
  const mine = await t.api.get('/api/household-claims').set('Authorization', `Bearer ${token}`);
  if (mine.body.some((c: { householdId: number; status: string }) => c.householdId === householdId && c.status === 'verified')) return token;
  const [home] = await t.query<{ owner_id: number; name: string }>('SELECT h.owner_id, o.name FROM households h JOIN owners o ON o.id = h.owner_id WHERE h.id = $1', [householdId]);
  if (!home) throw new Error(`household ${householdId} has no registered owner`);
  const contact = await t.api.get(`/api/owners/${home.owner_id}/contact`).set('Authorization', `Bearer ${await t.login('city')}`);
  const res = await t.api.post('/api/household-claims').set('Authorization', `Bearer ${token}`).send({ householdId, name: home.name, phone: contact.body.phone });
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
