// The console's menu, grouped by capability (issue 16 §4). Each engineer adds their resources to
// their capability's group; a resource registered in App.tsx but listed nowhere falls into 其他
// (OTHER_GROUP) so nothing disappears from the menu. Groups a role can access nothing in are hidden.

export type MenuGroup = { key: string; label: string; resources: string[] };

export const MENU_GROUPS: MenuGroup[] = [
  { key: 'kpi', label: '年度目标', resources: ['kpi-dashboard', 'kpi-targets'] },
  {
    key: 'places',
    label: '小区房屋',
    resources: ['regions', 'compounds', 'buildings', 'units', 'households', 'owners', 'household-claims', 'companies', 'projects'],
  },
  {
    key: 'committees',
    label: '业委会与表决',
    resources: ['committees', 'committee-members', 'committee-formation', 'votes', 'disclosures', 'disclosure-flags'],
  },
  {
    key: 'fund',
    label: '维修资金',
    resources: ['fund-accounts', 'fund-ledgers', 'fund-entries', 'fund-applications', 'fund-check'],
  },
  { key: 'fees', label: '物业费', resources: ['fee-items', 'billing-runs', 'bills', 'fee-payments', 'pay-orders', 'receipts', 'fees-collection'] },
  { key: 'tickets', label: '投诉报修', resources: ['tickets', 'ticket-stats'] },
  {
    key: 'party',
    label: '红色物业',
    resources: ['party-dashboard', 'party-orgs', 'party-members', 'cross-appointments', 'red-projects', 'party-import'],
  },
  {
    key: 'supervision',
    label: '监督与信用',
    resources: [
      'surveys',
      'survey-results',
      'interviews',
      'inspections',
      'hazards',
      'inspection-checklist-items',
      'credit-overview',
      'credit-scores',
      'credit-items',
      'credit-objections',
      'credit-ratings',
      'blacklist',
      'filings',
      'filing-standings',
    ],
  },
  {
    key: 'renewal',
    label: '老旧小区',
    resources: [
      'renewal-surveys',
      'renewal-progress',
      'renewal-coverage',
      'quasi-enrolments',
      'quasi-assessments',
      'quasi-standard-items',
      'subsidy-batches',
      'subsidy-usages',
      'renovations',
    ],
  },
  {
    key: 'quality',
    label: '服务质量与从业人员',
    resources: [
      'service-levels',
      'level-assessments',
      'upgrade-plans',
      'upgrade-plan-items',
      'awards',
      'fee-guidance',
      'cost-reports',
      'quality-stats',
      'staff',
      'trainings',
      'staff-import',
      'training-rates',
    ],
  },
  { key: 'system', label: '系统管理', resources: ['notifications', 'jobs', 'users', 'audit-logs', 'key-rotation'] },
];

/** The group for resources listed in no MENU_GROUPS entry. */
export const OTHER_GROUP: MenuGroup = { key: 'other', label: '其他', resources: [] };

/**
 * Groups the menu's resources: `registered` are the resource names with a list page, in App.tsx
 * order. Returns the non-empty groups, each with its resources in MENU_GROUPS order, then 其他
 * with every registered resource no group names.
 */
export function groupResources(registered: string[]): MenuGroup[] {
  const present = new Set(registered);
  const listed = new Set(MENU_GROUPS.flatMap((g) => g.resources));
  const groups = MENU_GROUPS.map((g) => ({ ...g, resources: g.resources.filter((r) => present.has(r)) }));
  const other = { ...OTHER_GROUP, resources: registered.filter((r) => !listed.has(r)) };
  return [...groups, other].filter((g) => g.resources.length > 0);
}
