import ExcelJS from 'exceljs';
import { buildXlsx } from './xlsxDownload';

// Console exports (issue 9 §11): written with exceljs; a sheet name Excel would refuse does not break the export.
test('sheets in order with Chinese headers; forbidden and duplicate sheet names made valid; objects as JSON', async () => {
  const data = await buildXlsx([
    { name: '工单统计 2025/01/01至2025/03/31 [全部]*', rows: [['区', '工单数'], ['昆都仑区', 12]] },
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
