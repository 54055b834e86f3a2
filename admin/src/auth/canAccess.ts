// Who may do what in the console: menus, buttons and pages follow this table. The server enforces
// the same rules (and jurisdiction within them) — this mirrors its read scopes and write roles so
// nobody is shown a page or button that can only end in a 403.

export type Role = 'city_admin' | 'district_staff' | 'street_staff' | 'community_staff' | 'party_staff' | 'company_staff' | 'resident';

export type AccessRequest = { action: string; resource: string };

/** Actions that change nothing. `export` is the list's Excel button. */
const READ_ACTIONS = new Set(['list', 'show', 'export', 'read']);

const CITY: Role[] = ['city_admin'];
const BUREAU_MANAGERS: Role[] = [...CITY, 'district_staff'];
const PLACE_STAFF: Role[] = [...BUREAU_MANAGERS, 'street_staff', 'community_staff'];
const BUREAU: Role[] = [...PLACE_STAFF, 'party_staff'];
const ALL_STAFF: Role[] = [...BUREAU, 'company_staff'];

type Rule = { read: Role[]; write: Role[] };

/**
 * Per resource: who reads (list, show, export) and who writes (create, edit, delete, and the
 * claim review actions approve / reject). Party-building and company staff only read; company
 * staff see the compounds they serve but no owners' registry, claims or audit trail.
 */
export const ACCESS: Record<string, Rule> = {
  regions: { read: ALL_STAFF, write: BUREAU_MANAGERS },
  compounds: { read: ALL_STAFF, write: PLACE_STAFF },
  buildings: { read: ALL_STAFF, write: PLACE_STAFF },
  units: { read: ALL_STAFF, write: PLACE_STAFF },
  households: { read: ALL_STAFF, write: PLACE_STAFF },
  owners: { read: PLACE_STAFF, write: PLACE_STAFF },
  'household-claims': { read: PLACE_STAFF, write: PLACE_STAFF },
  companies: { read: ALL_STAFF, write: BUREAU_MANAGERS },
  projects: { read: ALL_STAFF, write: [...BUREAU_MANAGERS, 'street_staff'] },
  users: { read: BUREAU_MANAGERS, write: BUREAU_MANAGERS },
  'audit-logs': { read: BUREAU, write: [] },
  committees: { read: BUREAU, write: [...BUREAU_MANAGERS, 'street_staff'] },
  'committee-members': { read: BUREAU, write: [...BUREAU_MANAGERS, 'street_staff'] },
  'committee-formation': { read: BUREAU, write: [] },
  votes: { read: BUREAU, write: [...BUREAU_MANAGERS, 'street_staff'] },
  disclosures: { read: BUREAU, write: [...BUREAU_MANAGERS, 'street_staff'] },
  'disclosure-flags': { read: BUREAU, write: [...BUREAU_MANAGERS, 'street_staff'] },
  // Red Property registry: party-building staff (and the city bureau) keep it; bureau staff read within their area.
  'party-orgs': { read: BUREAU, write: ['city_admin', 'party_staff'] },
  'party-members': { read: BUREAU, write: ['city_admin', 'party_staff'] },
  'cross-appointments': { read: BUREAU, write: ['city_admin', 'party_staff'] },
  'red-projects': { read: BUREAU, write: ['city_admin', 'party_staff'] },
  'party-import': { read: ['city_admin', 'party_staff'], write: ['city_admin', 'party_staff'] },
  'party-dashboard': { read: BUREAU, write: [] },
  // Maintenance fund (issue 4): place staff read ledgers; city/district post; companies propose and follow their applications.
  'fund-accounts': { read: PLACE_STAFF, write: BUREAU_MANAGERS },
  'fund-ledgers': { read: PLACE_STAFF, write: [] },
  'fund-entries': { read: PLACE_STAFF, write: BUREAU_MANAGERS },
  'fund-check': { read: PLACE_STAFF, write: [] },
  'fund-applications': { read: [...PLACE_STAFF, 'company_staff'], write: ['company_staff'] },
  // Property fees (issue 13): the serving company keeps fee items, runs billing, takes counter payments, reverses and refunds; place staff read within their area.
  'fee-items': { read: [...PLACE_STAFF, 'company_staff'], write: ['company_staff'] },
  'billing-runs': { read: ['company_staff'], write: ['company_staff'] },
  bills: { read: [...PLACE_STAFF, 'company_staff'], write: ['company_staff'] },
  'fee-payments': { read: [...PLACE_STAFF, 'company_staff'], write: ['company_staff'] },
  receipts: { read: [...PLACE_STAFF, 'company_staff'], write: [] },
  // WeChat orders the books could not take: a fee order refunded by its company, a fund self-deposit by the bureau.
  'pay-orders': { read: [...PLACE_STAFF, 'company_staff'], write: ['company_staff', ...BUREAU_MANAGERS] },
  'fees-collection': { read: [...PLACE_STAFF, 'company_staff'], write: [] },
  // Tickets (issue 5): place staff work their level's queue and enter hotline cases; companies their repairs.
  tickets: { read: [...PLACE_STAFF, 'company_staff'], write: PLACE_STAFF },
  'ticket-events': { read: [...PLACE_STAFF, 'company_staff'], write: [] },
  // Party-building work needs no ticket figures (issue 9 §9): the server answers them 403.
  'ticket-stats': { read: [...PLACE_STAFF, 'company_staff'], write: [] },
  // Notifications (issue 16 §4): every staff member reads their own and marks them read.
  notifications: { read: ALL_STAFF, write: ALL_STAFF },
  // Background jobs (issue 15): everyone sees the jobs they started (exports), the city bureau every job.
  jobs: { read: ALL_STAFF, write: [] },
  // Workforce (issue 12): companies keep their own staff and trainings; place staff read within their area (phones masked).
  staff: { read: [...PLACE_STAFF, 'company_staff'], write: ['company_staff'] },
  trainings: { read: [...PLACE_STAFF, 'company_staff'], write: ['company_staff'] },
  'staff-import': { read: ['company_staff'], write: ['company_staff'] },
  'training-rates': { read: [...PLACE_STAFF, 'company_staff'], write: [] },
  // The seven yearly targets (issue 14): the city, its party office, districts and streets read the figures; the city sets the targets.
  'kpi-dashboard': { read: [...BUREAU_MANAGERS, 'street_staff', 'party_staff'], write: [] },
  'kpi-targets': { read: BUREAU, write: CITY },
  // Personal-data key rotation (issue 17): the city bureau only.
  'key-rotation': { read: CITY, write: CITY },
  // Service levels and prices (issue 12): the city keeps scales, guidance and awards; districts file plans and assess; companies apply and report costs.
  'service-levels': { read: ALL_STAFF, write: CITY },
  'level-assessments': { read: [...BUREAU_MANAGERS, 'street_staff', 'community_staff', 'company_staff'], write: ['company_staff'] },
  'upgrade-plans': { read: [...BUREAU_MANAGERS, 'street_staff', 'community_staff'], write: BUREAU_MANAGERS },
  'upgrade-plan-items': { read: [...BUREAU_MANAGERS, 'street_staff', 'community_staff'], write: [] },
  awards: { read: [...BUREAU_MANAGERS, 'street_staff', 'community_staff'], write: CITY },
  'fee-guidance': { read: ALL_STAFF, write: CITY },
  'cost-reports': { read: [...BUREAU_MANAGERS, 'street_staff', 'community_staff', 'company_staff'], write: ['company_staff'] },
  'quality-stats': { read: [...BUREAU_MANAGERS, 'street_staff', 'community_staff'], write: [] },
  // Old-compound survey (issue 11): community and street staff fill it in; district and city read and classify (in the show view).
  'renewal-surveys': { read: PLACE_STAFF, write: ['street_staff', 'community_staff'] },
  'renewal-progress': { read: PLACE_STAFF, write: [] },
  'renewal-coverage': { read: PLACE_STAFF, write: [] },
  // Management areas and quasi-property subsidies (issue 11): the district enrols and assesses, district and city approve batches, companies record the money's use.
  'quasi-standard-items': { read: [...PLACE_STAFF, 'company_staff'], write: CITY },
  'quasi-enrolments': { read: [...PLACE_STAFF, 'company_staff'], write: BUREAU_MANAGERS },
  'quasi-assessments': { read: [...PLACE_STAFF, 'company_staff'], write: ['district_staff'] },
  'subsidy-batches': { read: BUREAU_MANAGERS, write: BUREAU_MANAGERS },
  'subsidy-lines': { read: [...PLACE_STAFF, 'company_staff'], write: [] },
  'subsidy-usages': { read: [...PLACE_STAFF, 'company_staff'], write: ['company_staff'] },
  renovations: { read: [...PLACE_STAFF, 'company_staff'], write: ['street_staff', 'district_staff'] },
  // Satisfaction surveys (issue 10): the city, districts and streets open and close them and hold interviews; companies read their projects' aggregates and interviews.
  surveys: { read: ALL_STAFF, write: ['city_admin', 'district_staff', 'street_staff'] },
  'survey-results': { read: ALL_STAFF, write: [] },
  interviews: { read: ALL_STAFF, write: ['city_admin', 'district_staff', 'street_staff'] },
  // Blacklist and filings (issue 10): the city and districts list companies; companies file, the district or street reviews (in the show view); a company's own overview.
  blacklist: { read: ALL_STAFF, write: BUREAU_MANAGERS },
  filings: { read: ALL_STAFF, write: ['company_staff'] },
  'filing-standings': { read: ALL_STAFF, write: [] },
  'credit-overview': { read: ['company_staff'], write: [] },
  // Credit (issue 10, DOMAIN.md §5): the city and districts record items and answer objections; companies read their own and object; the city evaluates the year.
  'credit-items': { read: ALL_STAFF, write: BUREAU_MANAGERS },
  'credit-objections': { read: ALL_STAFF, write: ['company_staff'] },
  'credit-ratings': { read: ALL_STAFF, write: [] },
  'credit-scores': { read: ALL_STAFF, write: [] },
  // Inspections and hazards (issue 10, DOMAIN.md §10): district/street/community inspect, companies patrol their own projects and rectify (actions in the show view); the city keeps the checklist.
  inspections: { read: [...PLACE_STAFF, 'company_staff'], write: [...PLACE_STAFF, 'company_staff'] },
  hazards: { read: [...PLACE_STAFF, 'company_staff'], write: [] },
  'inspection-checklist-items': { read: [...PLACE_STAFF, 'company_staff'], write: CITY },
};

export const STAFF_ROLES = new Set<string>(ALL_STAFF);

export function canAccess(role: string | null | undefined, { action, resource }: AccessRequest): boolean {
  if (!role || !STAFF_ROLES.has(role)) return false;
  const rule = ACCESS[resource];
  if (!rule) return false;
  return (READ_ACTIONS.has(action) ? rule.read : rule.write).includes(role as Role);
}
