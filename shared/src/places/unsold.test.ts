import { unsoldFlagProblem } from './unsold';

// DOMAIN.md votes, "Heads": — a sold home is not the developer's.
describe('a home registered to a buyer cannot be flagged developer-unsold', () => {
  test.each([
    [true, { developer: false }, '该房屋已登记业主（非开发商），不能标记为开发商未售'],
    [true, { developer: true }, undefined],
    [true, null, undefined],
    [false, { developer: false }, undefined],
    [false, null, undefined],
  ])('unsold=%s owner=%j → %s', (flag, owner, problem) => expect(unsoldFlagProblem(flag, owner)).toBe(problem));

  test('a flag that is not a boolean throws', () => expect(() => unsoldFlagProblem('yes' as never, null)).toThrow());
});
