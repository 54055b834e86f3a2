/** The resident's disclosure filters (issue 16 §2: the fund-usage notice had no badge and no filter). */
import { DISCLOSURE_KINDS } from '../../shared/src/disclosures/enums';
import { DISCLOSURE_KIND_LABEL, DISCLOSURE_TABS, filterByTab, kindsWithoutTab } from '../../mini/src/packages/disclosures/list/tabs';

describe('mini disclosures: every kind has its label and its filter', () => {
  test.each([...DISCLOSURE_KINDS])('%s has a Chinese label', (kind) => {
    expect(DISCLOSURE_KIND_LABEL[kind]).toMatch(/[\u4e00-\u9fa5]/);
  });

  test('no kind is left without a filter', () => {
    expect(kindsWithoutTab()).toEqual([]);
  });

  test.each([...DISCLOSURE_KINDS])('the filter covering %s returns it', (kind) => {
    const tab = DISCLOSURE_TABS.find((t) => t.kinds?.includes(kind));
    expect(tab).toBeDefined();
    const items = DISCLOSURE_KINDS.map((k, id) => ({ id, kind: k }));
    expect(filterByTab(items, tab!.key).map((d) => d.kind)).toContain(kind);
  });

  test('the fund-usage notice is under 维修资金', () => {
    const fund = DISCLOSURE_TABS.find((t) => t.label === '维修资金')!;
    expect(filterByTab([{ id: 1, kind: 'fund_usage' as const }], fund.key)).toHaveLength(1);
  });
});
