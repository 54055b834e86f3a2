import { groupResources, MENU_GROUPS } from './menuGroups';

// Issue 16 §4: menus grouped by capability; nothing registered disappears.
test('groups registered resources by capability, in MENU_GROUPS order, and drops empty groups', () => {
  const groups = groupResources(['users', 'compounds', 'tickets', 'regions']);
  expect(groups.map((g) => [g.label, g.resources])).toEqual([
    ['小区房屋', ['regions', 'compounds']],
    ['投诉报修', ['tickets']],
    ['系统管理', ['users']],
  ]);
});

test('a resource no group names falls into 其他', () => {
  const groups = groupResources(['compounds', 'something-new']);
  expect(groups.at(-1)).toEqual({ key: 'other', label: '其他', resources: ['something-new'] });
});

test('no resource is listed in two groups', () => {
  const all = MENU_GROUPS.flatMap((g) => g.resources);
  expect(new Set(all).size).toBe(all.length);
});
