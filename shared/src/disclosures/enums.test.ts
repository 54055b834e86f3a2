import { COMMITTEE_DISCLOSURE_KINDS, DISCLOSURE_KINDS, disclosureAuthor } from './enums';

describe('DOMAIN.md §2–§3, issue 9 §8: who writes each disclosure kind', () => {
  test.each([
    ['fund_statement', 'committee'],
    ['income_statement', 'committee'],
    ['decision', 'committee'],
    ['minutes', 'committee'],
    ['street_order', 'street'],
    // only from the revoke action, which revokes the target in the same transaction
    ['street_revocation', 'system'],
    // only from a disbursement
    ['fund_usage', 'system'],
  ])('%s → %s', (kind, author) => expect(disclosureAuthor(kind)).toBe(author));

  test('every kind has an author; the committee kinds are exactly COMMITTEE_DISCLOSURE_KINDS', () => {
    expect(DISCLOSURE_KINDS.filter((k) => disclosureAuthor(k) === 'committee')).toEqual([...COMMITTEE_DISCLOSURE_KINDS]);
  });

  test.each([['notice'], [''], ['__proto__'], ['toString']])('a kind outside the enum (%p) throws', (kind) => {
    expect(() => disclosureAuthor(kind)).toThrow(RangeError);
  });
});
