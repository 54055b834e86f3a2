import type { AddressInfo } from 'node:net';
import { createTestApi } from './api';

/**
 * The whole platform (API, built console at /admin, mini-program H5 at /h5) on a random port,
 * over a fresh clone of the demo database on the real PostgreSQL server. `overrides`: settings (env names).
 */
export async function startPlatform(overrides: Record<string, string> = {}) {
  const t = await createTestApi(overrides);
  const { port } = t.server.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;

  /**
   * Homes to bind from the mini-program, one per owner: owned by a member of the compound's
   * in-office committee (`member: true`), or by owners who sit on no committee there.
   */
  async function demoHomesForBinding({ member, count = 1, compoundCode = 'BT0001' }: { member: boolean; count?: number; compoundCode?: string }) {
    const homes = await t.query<{ owner_id: number; building: string; unit: string; room: string; name: string }>(
      `SELECT DISTINCT ON (o.id) o.id AS owner_id, b.name AS building, u.name AS unit, h.room, o.name
         FROM households h JOIN compounds c ON c.id = h.compound_id JOIN buildings b ON b.id = h.building_id
         JOIN units u ON u.id = h.unit_id JOIN owners o ON o.id = h.owner_id
        WHERE c.code = $1 AND o.phone_enc IS NOT NULL
          AND ${member ? '' : 'NOT'} EXISTS (SELECT 1 FROM committee_members m JOIN committees k ON k.id = m.committee_id AND k.status = 'in_office'
                                               WHERE m.owner_id = o.id AND m.compound_id = c.id)
        ORDER BY o.id, h.id LIMIT $2`,
      [compoundCode, count],
    );
    const token = await t.login('city');
    return Promise.all(
      homes.map(async (home) => {
        const contact = await t.api.get(`/api/owners/${home.owner_id}/contact`).set('Authorization', `Bearer ${token}`);
        return { compoundCode, buildingName: home.building, unitName: home.unit, room: home.room, name: home.name, phone: contact.body.phone as string };
      }),
    );
  }
  return {
    baseUrl,
    api: t.api,
    login: t.login,
    /** A resident's token (a WeChat login by `openid`), for the API. */
    residentToken: t.residentToken,
    query: t.query,
    /** The WeChat stand-in: subscribe messages it received (issue 16 §4). */
    wechat: t.wechat,
    stop: t.close,
    demoHomesForBinding,
    /** A registered owner's home and contact, to bind from the mini-program as that owner. */
    async demoOwnerForBinding(compoundCode = 'BT0001') {
      const [home] = await t.query<{ household_id: number; owner_id: number; building: string; unit: string; room: string; name: string }>(
        `SELECT h.id AS household_id, h.owner_id, b.name AS building, u.name AS unit, h.room, o.name
           FROM households h JOIN compounds c ON c.id = h.compound_id JOIN buildings b ON b.id = h.building_id
           JOIN units u ON u.id = h.unit_id JOIN owners o ON o.id = h.owner_id
          WHERE c.code = $1 AND o.phone_enc IS NOT NULL ORDER BY h.id LIMIT 1`,
        [compoundCode],
      );
      const token = await t.login('city');
      const contact = await t.api.get(`/api/owners/${home.owner_id}/contact`).set('Authorization', `Bearer ${token}`);
      return { compoundCode, buildingName: home.building, unitName: home.unit, room: home.room, name: home.name, phone: contact.body.phone as string };
    },
    /** A home owned by a member of the compound's in-office committee, to act as that member. */
    async demoCommitteeMemberForBinding(compoundCode = 'BT0001') {
      const [home] = await demoHomesForBinding({ member: true, compoundCode });
      return home;
    },
  };
}
export type Platform = Awaited<ReturnType<typeof startPlatform>>;
