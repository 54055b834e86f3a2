import { rowClickTarget } from './rowClickTarget';

// Issue 16 "what each user expects": a row never leads a reader to a page that answers 无权访问.
describe('rowClickTarget', () => {
  test.each([
    ['an editor goes to the edit page', { hasEdit: true, mayEdit: true, hasShow: true, mayShow: true }, 'edit'],
    ['an editor of a resource without show goes to edit', { hasEdit: true, mayEdit: true, hasShow: false, mayShow: true }, 'edit'],
    ['a reader goes to the show page', { hasEdit: true, mayEdit: false, hasShow: true, mayShow: true }, 'show'],
    ['a reader of a resource without show stays on the list', { hasEdit: true, mayEdit: false, hasShow: false, mayShow: true }, false],
    ['a resource without pages leads nowhere', { hasEdit: false, mayEdit: true, hasShow: false, mayShow: true }, false],
    ['a show page the role may not read is not offered', { hasEdit: false, mayEdit: false, hasShow: true, mayShow: false }, false],
  ] as const)('%s', (_name, page, expected) => {
    expect(rowClickTarget(page)).toBe(expected);
  });
});
