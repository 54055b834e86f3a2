/** Pure rules of the mini-program, run in node (no Taro runtime needed). */
import { validateOwner } from '../../mini/src/packages/places/bind/validate';
import { naturalCompare } from '../../mini/src/packages/places/bind/sort';
import { readScene, sceneFromUrl } from '../../mini/src/pages/scan/scene';

describe("bind form: the API's claim schema (shared), one set of messages", () => {
  test.each([
    ['valid', '张三', '13800138000', {}],
    ['name missing', '  ', '13800138000', { name: '姓名不能为空' }],
    ['name too long', '张'.repeat(41), '13800138000', { name: '姓名不能超过40个字' }],
    ['phone missing', '张三', '', { phone: '手机号必须是11位手机号' }],
    ['phone too short', '张三', '1380013800', { phone: '手机号必须是11位手机号' }],
    ['phone with letters', '张三', '1380013800a', { phone: '手机号必须是11位手机号' }],
    ['phone not a mobile prefix (12)', '张三', '12800138000', { phone: '手机号必须是11位手机号' }],
    ['landline', '张三', '0472-5267086', { phone: '手机号必须是11位手机号' }],
    ['199 is a mobile prefix', '李四', '19912345678', {}],
    ['spaces around are trimmed', ' 李四 ', ' 13800138000 ', {}],
  ])('%s', (_label, name, phone, expected) => {
    expect(validateOwner({ name, phone })).toEqual(expected);
  });
});

describe('scan-in: compound code from the QR code', () => {
  test('mini-program code: scene arrives URL-encoded', () => {
    expect(readScene({ scene: encodeURIComponent('BT1502030001') })).toBe('BT1502030001');
  });
  test('plain-link QR code: the link arrives as q', () => {
    const link = 'https://wy.baotou.gov.cn/h5/#/pages/scan/index?scene=BT0007&x=1';
    expect(readScene({ q: encodeURIComponent(link) })).toBe('BT0007');
  });
  test('cold start: falls back to the launch query', () => {
    expect(readScene({}, { scene: 'BT0009' })).toBe('BT0009');
  });
  test('malformed encoding is kept as is rather than throwing', () => {
    expect(readScene({ scene: 'BT%E0' })).toBe('BT%E0');
  });
  test('no scene', () => {
    expect(readScene({})).toBe('');
    expect(sceneFromUrl('pages/scan/index?from=share')).toBe('');
  });
  test('wxacode path from scanCode', () => {
    expect(sceneFromUrl('pages/scan/index?scene=BT0042')).toBe('BT0042');
  });
});

describe('bind page: natural order of buildings, units and rooms', () => {
  test.each([
    [
      ['1001', '102', '101', '201', '1002'],
      ['101', '102', '201', '1001', '1002'],
    ],
    [
      ['10号楼', '2号楼', '1号楼'],
      ['1号楼', '2号楼', '10号楼'],
    ],
    [
      ['2单元', '1单元', '10单元'],
      ['1单元', '2单元', '10单元'],
    ],
    [
      ['B-12', 'B-3', 'A-20'],
      ['A-20', 'B-3', 'B-12'],
    ],
    [
      ['01', '1', '002'],
      ['01', '1', '002'],
    ], // equal numbers keep a stable text order
  ])('%j → %j', (input, expected) => {
    expect([...input].sort(naturalCompare)).toEqual(expected);
  });
});
