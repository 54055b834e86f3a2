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

export type DisclosureAuthor = 'committee' | 'street' | 'system';
/**
 * Who writes each kind (DOMAIN.md §2, §3; issue 9 §8): the committee its statements, decisions and
 * minutes; the street its orders. The platform itself writes the rest, each in the transaction of
 * the act it records: a street revocation from the revoke action (which revokes its target), a
 * fund-usage disclosure from a disbursement (items, cost and each home's share). Never by hand.
 */
export const DISCLOSURE_AUTHORS: Record<DisclosureKind, DisclosureAuthor> = {
  fund_statement: 'committee',
  income_statement: 'committee',
  decision: 'committee',
  minutes: 'committee',
  street_order: 'street',
  street_revocation: 'system',
  fund_usage: 'system',
};

/** The author of a disclosure kind; throws RangeError for a value outside DISCLOSURE_KINDS. */
export function disclosureAuthor(kind: string): DisclosureAuthor {
  if (!Object.prototype.hasOwnProperty.call(DISCLOSURE_AUTHORS, kind)) throw new RangeError(`未知的公开类型：${kind}`);
  return DISCLOSURE_AUTHORS[kind as DisclosureKind];
}
