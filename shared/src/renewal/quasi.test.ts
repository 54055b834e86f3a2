import { SUBSIDY_BATCH_STATUSES, subsidyBatchStep } from './quasi';

describe('subsidy batch steps — DOMAIN.md §4: paid yearly after the district and the city approve', () => {
  test.each<[string, string, string | undefined, string | undefined]>([
    ['approve', 'district_staff', 'draft', 'district_approved'],
    ['approve', 'city_admin', 'district_approved', 'city_approved'],
    ['pay', 'city_admin', 'city_approved', 'paid'],
    ['pay', 'district_staff', undefined, undefined],
    ['approve', 'street_staff', undefined, undefined],
    ['approve', 'company_staff', undefined, undefined],
  ])('%s by %s', (action, role, from, to) => {
    const step = subsidyBatchStep(action, role);
    expect(step?.from).toBe(from);
    expect(step?.to).toBe(to);
  });
  test('every status but draft is reached by exactly one step', () => {
    for (const s of SUBSIDY_BATCH_STATUSES.slice(1))
      expect(
        [subsidyBatchStep('approve', 'district_staff'), subsidyBatchStep('approve', 'city_admin'), subsidyBatchStep('pay', 'city_admin')].filter(
          (x) => x?.to === s,
        ),
      ).toHaveLength(1);
  });
});
