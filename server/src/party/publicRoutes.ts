import type Router from '@koa/router';
import { sql } from 'drizzle-orm';
import { PARTY_MEMBER_ROLE_LABELS, maskName, type PartyMemberRole } from '@baotou/shared';
import type { Db } from '../db/client';
import { notFound } from '../http/errors';

const MAX_NAMES = 20;

/**
 * What a resident sees of the party-building side of their compound (public, DOMAIN.md §7): whether
 * the serving company and the owners' committee have party organisations, the Red Property badge,
 * and party members serving the compound by masked name (张*) only.
 */
export function registerPublicPartyRoutes(router: Router, db: Db): void {
  router.get('/api/public/compounds/by-code/:code/party', async (ctx) => {
    const code = String(ctx.params.code).toUpperCase();
    if (!/^[A-Z0-9]{1,20}$/.test(code)) throw notFound('小区');
    const q = async <T>(s: ReturnType<typeof sql>) => (await db.execute(s)).rows as T[];
    const [c] = await q<{ id: number }>(sql`SELECT id FROM compounds WHERE code = ${code}`);
    if (!c) throw notFound('小区');
    const [company, committeeOrgs, red, members] = await Promise.all([
      q<{ name: string; org_name: string | null }>(sql`
        SELECT co.name, (SELECT o.name FROM party_orgs o WHERE o.company_id = co.id ORDER BY o.id LIMIT 1) AS org_name
          FROM projects p JOIN companies co ON co.id = p.company_id
         WHERE p.compound_id = ${c.id} AND p.start_date <= CURRENT_DATE AND p.end_date >= CURRENT_DATE
         ORDER BY p.start_date DESC LIMIT 1`),
      q<{ name: string; setting: string }>(sql`SELECT name, setting FROM party_orgs WHERE compound_id = ${c.id} ORDER BY id`),
      q<{ designation: string; year: number }>(
        sql`SELECT designation, year FROM red_projects WHERE compound_id = ${c.id} AND result <> 'fail' ORDER BY year DESC, id DESC LIMIT 1`,
      ),
      q<{ name: string; role: PartyMemberRole }>(sql`SELECT name, role FROM party_members WHERE compound_id = ${c.id} ORDER BY role, id LIMIT ${MAX_NAMES}`),
    ]);
    const committeeOrg = committeeOrgs.find((o) => o.setting === 'owners_committee');
    const compoundOrg = committeeOrgs.find((o) => o.setting === 'compound');
    ctx.set('Cache-Control', 'public, max-age=60');
    ctx.body = {
      code,
      company: company[0] ? { name: company[0].name, hasPartyOrg: !!company[0].org_name, partyOrgName: company[0].org_name } : null,
      committee: { hasPartyOrg: !!committeeOrg, partyOrgName: committeeOrg?.name ?? null, hasPartyMembers: members.some((m) => m.role === 'committee_member') },
      compoundPartyOrgName: compoundOrg?.name ?? null,
      redProject: red[0] ? { designation: red[0].designation, year: red[0].year } : null,
      members: members.map((m) => ({ name: maskName(m.name), role: PARTY_MEMBER_ROLE_LABELS[m.role] })),
    };
  });
}
