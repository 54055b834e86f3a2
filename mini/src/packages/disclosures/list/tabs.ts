import { DISCLOSURE_KIND_LABELS, DISCLOSURE_KINDS, type DisclosureKind } from '@baotou/shared/src/disclosures/enums';

/** Each kind's badge, from @baotou/shared's label map (the fund-usage notice's was empty). */
export const DISCLOSURE_KIND_LABEL: Record<DisclosureKind, string> = DISCLOSURE_KIND_LABELS;

/** A filter chip on the resident's disclosure list; `kinds: null` shows every kind. */
export interface DisclosureTab {
  key: string;
  label: string;
  kinds: readonly DisclosureKind[] | null;
}

/**
 * The filters, by what a resident looks for. Every kind in @baotou/shared's DISCLOSURE_KINDS sits
 * under one of them (test/weapp/disclosure-tabs.test.ts), so a new kind cannot go missing from the
 * list's filters as the fund-usage notice did (issue 16 §2).
 */
export const DISCLOSURE_TABS: readonly DisclosureTab[] = [
  { key: 'all', label: '全部', kinds: null },
  { key: 'fund', label: '维修资金', kinds: ['fund_statement', 'fund_usage'] },
  { key: 'income', label: '公共收益', kinds: ['income_statement'] },
  { key: 'decision', label: '决定', kinds: ['decision'] },
  { key: 'minutes', label: '会议纪要', kinds: ['minutes'] },
  { key: 'street', label: '街道', kinds: ['street_order', 'street_revocation'] },
];

/** The disclosures a tab shows; an unknown tab key shows everything. */
export function filterByTab<T extends { kind: DisclosureKind }>(items: readonly T[], key: string): T[] {
  const kinds = DISCLOSURE_TABS.find((t) => t.key === key)?.kinds;
  return items.filter((d) => !kinds || kinds.includes(d.kind));
}

/** Kinds that no specific tab (other than 全部) covers: empty when the filters are complete. */
export function kindsWithoutTab(): DisclosureKind[] {
  return DISCLOSURE_KINDS.filter((k) => !DISCLOSURE_TABS.some((t) => t.kinds?.includes(k)));
}
