import type { Role } from '../auth/roles';
import type { TicketLevel } from '../tickets/enums';

/**
 * The home page's items (issue 16 §4): each is a count of one console list under one filter, so the
 * number on the home page is, by construction, the number of rows that list shows when the link
 * is followed. The server counts through the list's own query; the console links to the list with
 * the same filter. An item whose list the role may not read is left out.
 */
export const HOME_SECTIONS = ['todo', 'alert'] as const;
export type HomeSection = (typeof HOME_SECTIONS)[number];
export const HOME_SECTION_LABELS: Record<HomeSection, string> = { todo: '待办事项', alert: '预警提醒' };

export const HOME_ITEM_KEYS = [
  'ticketsAtMyLevel',
  'claimsPending',
  'fundApplicationsUnderReview',
  'ticketsOverdue',
  'ticketsEscalated',
  'committeesTermEnding',
  'committeesNotFiled',
  'committeesNoDisclosure',
  'fundFirstDepositOwed',
  'fundTopUpDue',
  'fundEmergencyDisclosureOverdue',
] as const;
export type HomeItemKey = (typeof HOME_ITEM_KEYS)[number];

export interface HomeItemDef {
  key: HomeItemKey;
  section: HomeSection;
  label: string;
  /** The console resource (list) the item counts and links to. */
  resource: string;
  /** The list filter, for this role; undefined when the item does not apply to the role. */
  filter(role: Role): Record<string, unknown> | undefined;
}

/** The ticket level whose queue a role works (DOMAIN.md §6); none for roles that handle no tickets. */
export const ROLE_TICKET_LEVEL: Partial<Record<Role, TicketLevel>> = {
  company_staff: 'company',
  community_staff: 'community',
  street_staff: 'street',
  district_staff: 'district',
  city_admin: 'district',
};

const always = (filter: Record<string, unknown>) => () => filter;

export const HOME_ITEMS: readonly HomeItemDef[] = [
  {
    key: 'ticketsAtMyLevel',
    section: 'todo',
    label: '本级待办工单',
    resource: 'tickets',
    filter: (role) => (ROLE_TICKET_LEVEL[role] ? { open: true, level: ROLE_TICKET_LEVEL[role] } : undefined),
  },
  { key: 'claimsPending', section: 'todo', label: '待审核的房屋认证', resource: 'household-claims', filter: always({ status: 'pending' }) },
  {
    key: 'fundApplicationsUnderReview',
    section: 'todo',
    label: '待审核的维修资金申请',
    resource: 'fund-applications',
    filter: always({ status: 'under_review' }),
  },
  { key: 'ticketsOverdue', section: 'alert', label: '超时未办结工单', resource: 'tickets', filter: always({ overdue: true }) },
  { key: 'ticketsEscalated', section: 'alert', label: '已升级未办结工单', resource: 'tickets', filter: always({ open: true, escalated: true }) },
  { key: 'committeesTermEnding', section: 'alert', label: '任期即将届满的业委会', resource: 'committees', filter: always({ alert: 'TERM_ENDING' }) },
  { key: 'committeesNotFiled', section: 'alert', label: '未备案的业委会', resource: 'committees', filter: always({ alert: 'NOT_FILED' }) },
  { key: 'committeesNoDisclosure', section: 'alert', label: '未按期公开的业委会', resource: 'committees', filter: always({ alert: 'NO_DISCLOSURE' }) },
  {
    key: 'fundFirstDepositOwed',
    section: 'alert',
    label: '未首次交存维修资金的房屋',
    resource: 'fund-ledgers',
    filter: always({ status: 'first_deposit_owed' }),
  },
  { key: 'fundTopUpDue', section: 'alert', label: '需续交维修资金的房屋', resource: 'fund-ledgers', filter: always({ status: 'top_up_due' }) },
  {
    key: 'fundEmergencyDisclosureOverdue',
    section: 'alert',
    label: '应急维修逾期未公示',
    resource: 'fund-applications',
    filter: always({ disclosureOverdue: true }),
  },
];

/** A home item as the API returns it: its count and the list filter that yields exactly that count. */
export interface HomeItem {
  key: HomeItemKey;
  section: HomeSection;
  label: string;
  resource: string;
  filter: Record<string, unknown>;
  count: number;
}

/** One bar of a home chart: a region and its count (e.g. open tickets in a district). */
export interface HomeChartBar {
  code: string;
  name: string;
  value: number;
  filter: Record<string, unknown>;
}

export interface HomeChart {
  key: 'openTicketsByRegion' | 'overdueTicketsByRegion';
  label: string;
  resource: string;
  bars: HomeChartBar[];
}

export interface HomeResponse {
  items: HomeItem[];
  charts: HomeChart[];
}
