import ExcelJS from 'exceljs';
import { buildXlsx } from './xlsxDownload';

// Console exports (issue 9 §11): written with exceljs; a sheet name Excel would refuse does not break the export.
test('sheets in order with Chinese headers; forbidden and duplicate sheet names made valid; objects as JSON', async () => {
  const data = await buildXlsx([
    {
      name: '工单统计 2025/01/01至2025/03/31 [全部]*',
      rows: [
        ['区', '工单数'],
        ['昆都仑区', 12],
      ],
    },
    { name: '工单统计 2025/01/01至2025/03/31 [全部]*', rows: [['备注'], [{ a: 1 }], [null]] },
    { name: '', rows: [['x']] },
  ]);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data);
  expect(wb.worksheets.map((w) => w.name)).toEqual(['工单统计 2025 01 01至2025 03 31  全部', '工单统计 2025 01 01至2025 03 31  (2)', 'Sheet']);
  expect(wb.worksheets[0].getRow(1).values).toEqual([undefined, '区', '工单数']);
  expect(wb.worksheets[0].getRow(2).values).toEqual([undefined, '昆都仑区', 12]);
  expect(wb.worksheets[1].getCell('A2').value).toBe('{"a":1}');
  expect(wb.worksheets[1].getCell('A3').value).toBe('');
});

// Issue 17: an export of personal data carries the exporting account, the time and its purpose in the file's properties.
test('the workbook properties name the exporting account, the time and the purpose', async () => {
  const exportedAt = new Date('2026-03-02T08:15:00.000Z');
  const data = await buildXlsx([{ name: '房屋', rows: [['房号'], ['101']] }], {
    account: '市住建局管理员（city）',
    exportedAt,
    purpose: '信息核实：核对业主登记信息',
  });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data);
  expect(wb.creator).toBe('市住建局管理员（city）');
  expect(wb.lastModifiedBy).toBe('市住建局管理员（city）');
  expect(wb.created.toISOString()).toBe(exportedAt.toISOString());
  expect(wb.description).toContain('导出用途：信息核实：核对业主登记信息');
  expect(wb.description).toContain('导出账号：市住建局管理员（city）');
  expect(wb.subject).toBe('含个人信息，仅限所述用途使用');
});

test('an export without personal data still names its account and time, and no purpose', async () => {
  const exportedAt = new Date('2026-03-02T08:15:00.000Z');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(await buildXlsx([{ name: '小区', rows: [['名称']] }], { account: '张三（d150203）', exportedAt }));
  expect([wb.creator, wb.created.toISOString(), wb.description ?? '']).toEqual(['张三（d150203）', exportedAt.toISOString(), '']);
});
