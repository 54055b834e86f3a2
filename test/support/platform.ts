import type { AddressInfo } from 'node:net';
import { createTestApi } from './api';

/**
 * The whole platform (API, built console at /admin, mini-program H5 at /h5) on a random port,
 * over a fresh clone of the demo database on the real PostgreSQL server.
 */
export async function startPlatform() {
  const t = await createTestApi();
  const { port } = t.server.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;
  return {
    baseUrl,
    api: t.api,
    login: t.login,
    query: t.query,
    stop: t.close,
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
  };
}
export type Platform = Awaited<ReturnType<typeof startPlatform>>;
