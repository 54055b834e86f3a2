import { maskIdNumber, maskName, maskPhone } from './mask';

describe('DOMAIN.md §7 masking', () => {
  test.each([
    ['张三', '张*'],
    ['欧阳娜娜', '欧*'],
    [' 李 ', '李*'],
    ['', ''],
  ])('name %s → %s', (name, masked) => expect(maskName(name)).toBe(masked));

  test.each([
    ['13812341234', '138****1234'],
    ['138 1234 1234', '138****1234'],
    ['123456', '******'],
  ])('phone %s → %s', (p, m) => expect(maskPhone(p)).toBe(m));

  test.each([
    ['150203199001011234', '150203********1234'],
    ['15020319900101123X', '150203********123X'],
    ['1234567890', '**********'],
  ])('ID %s → first 6 + last 4: %s', (id, m) => expect(maskIdNumber(id)).toBe(m));
});
