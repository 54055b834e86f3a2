import { STAFF_ROLES, type Role, type StaffRole } from './roles';
import {
  FULL_VIEW_ROLES,
  ROLES_SEEING_FULL_PERSONAL_DATA,
  formatRecoveryCode,
  normalizeRecoveryCode,
  parseStaffRoles,
  secondFactorStep,
  type SecondFactorPolicy,
  type SecondFactorStep,
} from './secondFactor';

const on = (requiredRoles: readonly StaffRole[] = STAFF_ROLES): SecondFactorPolicy => ({ required: true, requiredRoles, exemptDemoAccounts: true });
const off: SecondFactorPolicy = { required: false, requiredRoles: STAFF_ROLES, exemptDemoAccounts: true };

describe('DOMAIN.md §7 / issue 17: roles that can see full personal data, from the audited full views', () => {
  test('every role granted a full view, and only those', () => {
    expect(ROLES_SEEING_FULL_PERSONAL_DATA).toEqual(['city_admin', 'district_staff', 'street_staff', 'community_staff', 'party_staff']);
    for (const roles of Object.values(FULL_VIEW_ROLES)) for (const r of roles) expect(ROLES_SEEING_FULL_PERSONAL_DATA).toContain(r);
  });
});

describe('issue 17: when a correct password needs a second factor (GB/T 22239-2019 8.1.4.1 d)', () => {
  test.each<[string, Role, boolean, boolean, SecondFactorPolicy, SecondFactorStep]>([
    ['enrolled: always asked, even when not required', 'company_staff', true, false, off, 'otp'],
    ['enrolled demo account: asked too', 'city_admin', true, true, on(), 'otp'],
    ['required for every staff role (the production default)', 'company_staff', false, false, on(), 'enrol'],
    ['role not in the setting and sees no full data', 'company_staff', false, false, on(['district_staff']), 'none'],
    ['role in the setting', 'company_staff', false, false, on(['company_staff']), 'enrol'],
    ['full-data role left out of the setting: still required', 'street_staff', false, false, on([]), 'enrol'],
    ['party staff (party members\u2019 phones) left out: still required', 'party_staff', false, false, on(['company_staff']), 'enrol'],
    ['demo account exempt', 'city_admin', false, true, on(), 'none'],
    ['demo account where exemption is off (production)', 'city_admin', false, true, { ...on(), exemptDemoAccounts: false }, 'enrol'],
    ['setting off: nobody forced', 'city_admin', false, false, off, 'none'],
    ['residents never', 'resident', false, false, on(), 'none'],
  ])('%s', (_why, role, enrolled, demo, policy, step) => {
    expect(secondFactorStep({ role, enrolled, demo }, policy)).toBe(step);
  });

  test('a role outside its enum throws', () => {
    expect(() => secondFactorStep({ role: 'janitor' as Role, enrolled: false, demo: false }, on())).toThrow(RangeError);
    expect(() => secondFactorStep({ role: 'city_admin', enrolled: false, demo: false }, on(['resident' as StaffRole]))).toThrow(RangeError);
  });
});

describe('TOTP_REQUIRED_ROLES', () => {
  test.each<[string, StaffRole[]]>([
    ['all', [...STAFF_ROLES]],
    ['', []],
    [' company_staff , street_staff,company_staff ', ['company_staff', 'street_staff']],
  ])('%j', (list, roles) => expect(parseStaffRoles(list)).toEqual(roles));
  test('an unknown or non-staff role throws', () => {
    expect(() => parseStaffRoles('resident')).toThrow(RangeError);
    expect(() => parseStaffRoles('city_admin,admin')).toThrow(/admin/);
  });
});

describe('recovery codes as typed', () => {
  test.each<[string, string | null]>([
    ['ABCD-EFGH-JKMN-PQRS', 'ABCDEFGHJKMNPQRS'],
    ['abcd efgh jkmn pqrs', 'ABCDEFGHJKMNPQRS'],
    ['ABCD-EFGH-JKMN-PQR', null],
    ['ABCD-EFGH-JKMN-PQRI', null],
    ['123456', null],
  ])('%j → %j', (typed, canonical) => expect(normalizeRecoveryCode(typed)).toBe(canonical));
  test('shown in groups of four', () => expect(formatRecoveryCode('ABCDEFGHJKMNPQRS')).toBe('ABCD-EFGH-JKMN-PQRS'));
});
