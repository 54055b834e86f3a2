import type { Role } from '../auth/roles';
import type { TicketLevel } from './enums';
import { seesTicketContactInFull } from './privacy';

describe("DOMAIN.md §7: a hotline caller's name and phone in full only to the staff handling the case", () => {
  test.each<[Role, TicketLevel, boolean, boolean]>([
    ['community_staff', 'community', false, true],
    ['street_staff', 'street', false, true],
    ['district_staff', 'district', false, true],
    ['company_staff', 'company', false, true],
    // the home's resident (issue 9 §9: shown the caller's unmasked name) — even one who staff
    // somehow marked as the enterer
    ['resident', 'community', false, false],
    ['resident', 'company', true, false],
    // staff who may look but do not handle the case now
    ['city_admin', 'community', false, false],
    ['street_staff', 'community', false, false],
    ['company_staff', 'community', false, false],
    ['party_staff', 'community', false, false],
    // the person who took the call keeps seeing what they typed after the case moves up
    ['community_staff', 'street', true, true],
  ])('%s, case at %s, entered it %s → full %s', (role, level, entered, full) => {
    expect(seesTicketContactInFull(role, level, entered)).toBe(full);
  });

  test('a role or level outside its enum throws', () => {
    expect(() => seesTicketContactInFull('janitor' as Role, 'community', false)).toThrow(RangeError);
    expect(() => seesTicketContactInFull('community_staff', 'city' as TicketLevel, false)).toThrow(RangeError);
  });
});
