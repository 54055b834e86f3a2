import { canAccess } from '../auth/canAccess';

// Mirrors the server's write roles (server/src/quality/*): nobody is shown a button that can only end in a 403.
describe('service levels and prices in the console (issue 12)', () => {
  test.each([
    ['city_admin', 'create', 'service-levels', true],
    ['district_staff', 'create', 'service-levels', false],
    ['company_staff', 'list', 'service-levels', true],
    ['company_staff', 'create', 'level-assessments', true],
    ['district_staff', 'create', 'level-assessments', false],
    ['district_staff', 'show', 'level-assessments', true],
    ['district_staff', 'create', 'upgrade-plans', true],
    ['street_staff', 'create', 'upgrade-plans', false],
    ['company_staff', 'list', 'upgrade-plans', false],
    ['city_admin', 'create', 'awards', true],
    ['district_staff', 'create', 'awards', false],
    ['city_admin', 'create', 'fee-guidance', true],
    ['company_staff', 'list', 'fee-guidance', true],
    ['company_staff', 'create', 'fee-guidance', false],
    ['company_staff', 'create', 'cost-reports', true],
    ['city_admin', 'create', 'cost-reports', false],
    ['district_staff', 'list', 'quality-stats', true],
    ['company_staff', 'list', 'quality-stats', false],
    ['party_staff', 'list', 'quality-stats', false],
    ['district_staff', 'create', 'upgrade-plan-items', false],
  ])('%s %s %s → %s', (role, action, resource, allowed) => expect(canAccess(role, { action, resource })).toBe(allowed));
});
