import { fundReferenceText, homeName } from './reference';

// Issue 16 §3 (DOMAIN.md §4): journal references are read as Chinese, not as stored.
test.each([
  ['application:1', '维修资金使用申请 #1'],
  ['earnings:2025-12-31', '增值收益分配（截至 2025-12-31）'],
  ['reverse:88', '冲正记账凭证 #88'],
  ['refund:7', '房屋 #7 拆迁退还'],
  ['pay:LOCAL20261207001', '线上交存（支付流水号 LOCAL20261207001）'],
  ['seed', '建账时导入的历史交存'],
  ['seed-earnings', '建账时导入的历史增值收益'],
  ['seed-repair', '建账时导入的历史维修支出'],
  ['工行回单 20250101-3', '工行回单 20250101-3'],
  ['', '—'],
  [null, '—'],
  ['toString', 'toString'],
])('%j reads %j', (ref, text) => {
  expect(fundReferenceText(ref)).toBe(text);
});

test('a home reads compound, building, unit and room', () => {
  expect(homeName({ compoundName: '绿都家园', buildingName: '1号楼', unitName: '1单元', room: '101' })).toBe('绿都家园 1号楼1单元101');
  expect(homeName({ buildingName: '2号楼', unitName: '3单元', room: '502' })).toBe('2号楼3单元502');
  expect(homeName({})).toBe('—');
});
