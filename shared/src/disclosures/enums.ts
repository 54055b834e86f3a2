export const DISCLOSURE_KINDS = ['fund_statement', 'income_statement', 'decision', 'minutes', 'street_order', 'street_revocation', 'fund_usage'] as const;
export type DisclosureKind = (typeof DISCLOSURE_KINDS)[number];
export const DISCLOSURE_KIND_LABELS: Record<DisclosureKind, string> = {
  fund_statement: '维修资金收支',
  income_statement: '公共收益收支',
  decision: '业委会决定',
  minutes: '会议纪要',
  street_order: '街道责令改正',
  street_revocation: '街道撤销决定',
  fund_usage: '维修资金使用公示',
};
/** Kinds a committee publishes; the street publishes orders and revocations. */
export const COMMITTEE_DISCLOSURE_KINDS = ['fund_statement', 'income_statement', 'decision', 'minutes'] as const;
export const STATEMENT_KINDS: readonly DisclosureKind[] = ['fund_statement', 'income_statement'];

export const DISCLOSURE_STATUSES = ['draft', 'published', 'revoked'] as const;
export type DisclosureStatus = (typeof DISCLOSURE_STATUSES)[number];
export const DISCLOSURE_STATUS_LABELS: Record<DisclosureStatus, string> = { draft: '草稿', published: '已公开', revoked: '已撤销' };

export const FLAG_STATUSES = ['open', 'answered'] as const;
export type FlagStatus = (typeof FLAG_STATUSES)[number];
export const FLAG_STATUS_LABELS: Record<FlagStatus, string> = { open: '待答复', answered: '已答复' };
