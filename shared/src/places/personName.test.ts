import { normalizePersonName, samePersonName } from './personName';

describe('DOMAIN.md §7 binding a home: names are compared in one normal form', () => {
  test.each([
    ['买买提·艾力', '买买提·艾力'],
    ['买买提•艾力', '买买提·艾力'], // U+2022 bullet
    ['买买提・艾力', '买买提·艾力'], // U+30FB katakana middle dot
    ['买买提･艾力', '买买提·艾力'], // U+FF65 half-width katakana middle dot
    ['买买提．艾力', '买买提·艾力'], // U+FF0E full-width full stop
    ['买买提.艾力', '买买提·艾力'],
    ['买买提‧艾力', '买买提·艾力'], // U+2027
    ['买买提∙艾力', '买买提·艾力'], // U+2219
    ['买买提⋅艾力', '买买提·艾力'], // U+22C5
    [' 张 三 ', '张三'],
    ['张\u3000三', '张三'], // ideographic space
    ['张\t三\n', '张三'],
    ['ＪＯＨＮ　ＳＭＩＴＨ', 'JOHNSMITH'], // full-width letters and space
    ['John Smith', 'JOHNSMITH'],
    ['李１号', '李1号'],
    ['', ''],
  ])('%j → %j', (input, normal) => expect(normalizePersonName(input)).toBe(normal));

  test.each([
    ['买买提·艾力', '买买提•艾力', true],
    ['买买提·艾力', '买买提 · 艾力', true],
    ['张三', '张 三', true],
    ['张三', '张四', false],
    ['买买提艾力', '买买提·艾力', false], // a dot is part of the name, not noise
    ['张三', '', false],
    ['', '', false],
    [null, '张三', false],
  ])('same(%j, %j) = %s', (a, b, same) => expect(samePersonName(a, b)).toBe(same));
});
