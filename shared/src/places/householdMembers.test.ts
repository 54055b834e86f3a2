import { HOME_RIGHTS, householdMemberSchema, homeStanding, mayActOnHome } from './householdMembers';

describe('household members (issue 16 §4): what a registered family member or tenant may do for the home', () => {
  it.each([
    ['owner', 'file_ticket', true],
    ['owner', 'vote', true],
    ['owner', 'see_fund', true],
    ['owner', 'manage_members', true],
    ['member', 'file_ticket', true],
    ['member', 'vote', false],
    ['member', 'see_fund', false],
    ['member', 'manage_members', false],
    ['none', 'file_ticket', false],
    ['none', 'vote', false],
  ] as const)('%s → %s: %s', (standing, right, allowed) => {
    expect(mayActOnHome(standing, right)).toBe(allowed);
  });

  it('a verified claim makes the owner, a bound membership a member, neither nothing', () => {
    expect(homeStanding(true, true)).toBe('owner');
    expect(homeStanding(false, true)).toBe('member');
    expect(homeStanding(false, false)).toBe('none');
  });

  it('values outside the enums throw', () => {
    expect(() => mayActOnHome('landlord' as never, 'vote')).toThrow(RangeError);
    expect(() => mayActOnHome('owner', 'sell' as never)).toThrow(RangeError);
    expect(HOME_RIGHTS).toHaveLength(4);
  });

  it('the registration form validates in Chinese on the field', () => {
    const r = householdMemberSchema.safeParse({ name: '', phone: '123', relation: 'friend' });
    expect(r.success).toBe(false);
    const fields = new Set(r.error!.issues.map((i) => i.path[0]));
    expect(fields).toEqual(new Set(['name', 'phone', 'relation']));
    expect(householdMemberSchema.parse({ name: '李小红', phone: '13900001111', relation: 'tenant' })).toEqual({
      name: '李小红',
      phone: '13900001111',
      relation: 'tenant',
    });
  });
});
