import { canAccess } from '../auth/canAccess';

describe('Red Property registry in the console: party staff write, bureau staff read', () => {
  const registry = ['party-orgs', 'party-members', 'cross-appointments', 'red-projects'];
  test.each([
    ['party_staff', 'create', true],
    ['party_staff', 'edit', true],
    ['city_admin', 'delete', true],
    ['district_staff', 'list', true],
    ['district_staff', 'create', false],
    ['street_staff', 'edit', false],
    ['community_staff', 'export', true],
    ['company_staff', 'list', false],
  ])('%s %s → %s', (role, action, allowed) => {
    for (const resource of registry) expect(canAccess(role, { action, resource })).toBe(allowed);
  });
  test.each([
    ['party_staff', 'party-import', true],
    ['district_staff', 'party-import', false],
    ['district_staff', 'party-dashboard', true],
    ['company_staff', 'party-dashboard', false],
  ])('%s lists %s → %s', (role, resource, allowed) => expect(canAccess(role, { action: 'list', resource })).toBe(allowed));
});
