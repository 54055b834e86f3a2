import { canAccess } from './canAccess';

type Row = [role: string | null, action: string, resource: string, allowed: boolean];

// Mirrors the server's read scopes and write roles (server/src/places, companies, auth, audit).
const table: Row[] = [
  // city_admin: everything except changing the audit trail
  ['city_admin', 'create', 'compounds', true],
  ['city_admin', 'delete', 'regions', true],
  ['city_admin', 'edit', 'users', true],
  ['city_admin', 'approve', 'household-claims', true],
  ['city_admin', 'list', 'audit-logs', true],
  ['city_admin', 'edit', 'audit-logs', false],
  ['city_admin', 'delete', 'audit-logs', false],

  // district staff: places, companies, projects, claims, users and regions in their district
  ['district_staff', 'create', 'compounds', true],
  ['district_staff', 'edit', 'households', true],
  ['district_staff', 'delete', 'projects', true],
  ['district_staff', 'edit', 'companies', true],
  ['district_staff', 'create', 'users', true],
  ['district_staff', 'list', 'users', true],
  ['district_staff', 'create', 'regions', true],
  ['district_staff', 'show', 'audit-logs', true],
  ['district_staff', 'edit', 'audit-logs', false],

  // street and community staff: place registries and the claim queue; no users
  ['street_staff', 'edit', 'compounds', true],
  ['street_staff', 'create', 'projects', true],
  ['street_staff', 'edit', 'companies', false],
  ['street_staff', 'list', 'companies', true],
  ['street_staff', 'approve', 'household-claims', true],
  ['street_staff', 'list', 'users', false],
  ['street_staff', 'create', 'regions', false],
  ['community_staff', 'reject', 'household-claims', true],
  ['community_staff', 'create', 'owners', true],
  ['community_staff', 'create', 'projects', false],
  ['community_staff', 'show', 'users', false],

  // party-building staff: read only, no personal registry or claims
  ['party_staff', 'list', 'compounds', true],
  ['party_staff', 'show', 'projects', true],
  ['party_staff', 'export', 'households', true],
  ['party_staff', 'create', 'compounds', false],
  ['party_staff', 'list', 'owners', false],
  ['party_staff', 'list', 'household-claims', false],
  ['party_staff', 'approve', 'household-claims', false],
  ['party_staff', 'list', 'users', false],
  ['party_staff', 'list', 'audit-logs', true],
  ['party_staff', 'list', 'ticket-stats', false],

  // company staff: read only, their own compounds
  ['company_staff', 'list', 'companies', true],
  ['company_staff', 'list', 'compounds', true],
  ['company_staff', 'edit', 'companies', false],
  ['company_staff', 'delete', 'households', false],
  ['company_staff', 'list', 'owners', false],
  ['company_staff', 'list', 'audit-logs', false],

  // committees, votes, disclosures (issue 3): street staff and above write; party staff read; companies nothing
  ['street_staff', 'create', 'committees', true],
  ['street_staff', 'create', 'committee-members', true],
  ['street_staff', 'close', 'votes', true],
  ['street_staff', 'order', 'disclosures', true],
  ['street_staff', 'answer', 'disclosure-flags', true],
  ['district_staff', 'list', 'committee-formation', true],
  ['city_admin', 'edit', 'committee-formation', false],
  ['community_staff', 'list', 'votes', true],
  ['community_staff', 'create', 'committees', false],
  ['community_staff', 'order', 'disclosures', false],
  ['party_staff', 'list', 'committees', true],
  ['party_staff', 'show', 'votes', true],
  ['party_staff', 'close', 'votes', false],
  ['party_staff', 'answer', 'disclosure-flags', false],
  ['company_staff', 'list', 'committees', false],
  ['company_staff', 'list', 'disclosures', false],

  // maintenance fund (issue 4): place staff read; companies propose applications but see no ledgers; party staff nothing
  ['district_staff', 'list', 'fund-accounts', true],
  ['district_staff', 'create', 'fund-accounts', true],
  ['street_staff', 'create', 'fund-accounts', false],
  ['community_staff', 'export', 'fund-ledgers', true],
  ['community_staff', 'create', 'fund-accounts', false],
  ['district_staff', 'reverse', 'fund-entries', true],
  ['street_staff', 'reverse', 'fund-entries', false],
  ['street_staff', 'list', 'fund-check', true],
  ['company_staff', 'create', 'fund-applications', true],
  ['company_staff', 'list', 'fund-ledgers', false],
  ['district_staff', 'create', 'fund-applications', false],
  ['party_staff', 'list', 'fund-accounts', false],
  // personal-data key rotation (issue 17): city admin only, like POST/GET /api/security/rotate-keys
  ['city_admin', 'list', 'key-rotation', true],
  ['district_staff', 'list', 'key-rotation', false],
  ['party_staff', 'list', 'key-rotation', false],

  // nobody else
  ['resident', 'list', 'compounds', false],
  [null, 'list', 'compounds', false],
  ['city_admin', 'list', 'no-such-resource', false],
];

describe('canAccess', () => {
  it.each(table)('%s %s %s → %s', (role, action, resource, allowed) => {
    expect(canAccess(role, { action, resource })).toBe(allowed);
  });
});
