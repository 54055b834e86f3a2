import ExcelJS from 'exceljs';
import { KPI_INDICATORS, KPI_INDICATOR_LABELS } from '@baotou/shared';
import { createTestApi, type TestApi } from '../../../test/support/api';
import { pdfText } from '../pdf/text';

// Issue 14 五(三): the yearly assessment report, PDF (CJK font embedded) and .xlsx, per district and for the city.
let t: TestApi;
const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
const binary = (res: any, cb: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};

beforeAll(async () => {
  t = await createTestApi();
});
afterAll(() => t.close());

describe('GET /api/kpi/report', () => {
  it('the city’s 2024 PDF names the seven indicators, their targets and the other figures, in Chinese', async () => {
    const res = await t.api
      .get('/api/kpi/report?year=2024&format=pdf')
      .set(bearer(await t.login('city')))
      .buffer(true)
      .parse(binary);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const pdf = res.body as Buffer;
    expect(pdf.toString('latin1')).toMatch(/FontFile2/); // the CJK font is embedded
    const text = (await pdfText(pdf)).replace(/\s+/g, '');
    expect(text).toContain('包头市2024年度物业管理工作考核报告');
    for (const i of KPI_INDICATORS) expect(text).toContain(KPI_INDICATOR_LABELS[i]);
    expect(text).toContain('包府办发〔2022〕73号');
    expect(text).toContain('80%'); // the 2024 formation target
    expect(text).toContain('投诉办结率与按时办结率');
    expect(text).toContain('分区县情况');
    const audit = await t.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_logs WHERE entity = 'kpi-report' AND action = 'download_report'`);
    expect(audit[0].n).toBe(1);
  });

  it('a district’s .xlsx has the summary, its streets and the lists behind the figures', async () => {
    const res = await t.api
      .get('/api/kpi/report?year=2024&format=xlsx')
      .set(bearer(await t.login('d150203')))
      .buffer(true)
      .parse(binary);
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body as never);
    expect(wb.worksheets.map((w) => w.name)).toEqual(expect.arrayContaining(['总览', '分区域', '其他工作', KPI_INDICATOR_LABELS.committee_formation]));
    const summary = wb.getWorksheet('总览')!;
    const labels = summary.getColumn(1).values.slice(4).map(String);
    expect(labels).toEqual(KPI_INDICATORS.map((i) => KPI_INDICATOR_LABELS[i]));
    expect(String(summary.getCell('A1').value)).toMatch(/2024年度物业管理工作考核报告/);
    // the coverage's parts are floor areas: in ㎡ with the unit beside them, not the stored centi-m²
    const kpi = await t.api.get('/api/kpi?year=2024').set(bearer(await t.login('d150203')));
    const coverage = (kpi.body as { indicator: string; regionCode: string; actual: { numerator: number; denominator: number } }[]).find(
      (f) => f.indicator === 'management_coverage' && f.regionCode === '150203',
    )!;
    expect(coverage.actual.denominator).toBeGreaterThan(0);
    const row = summary.getRow(4 + KPI_INDICATORS.indexOf('management_coverage'));
    expect(row.getCell(4).value).toBe(coverage.actual.numerator / 100);
    expect(row.getCell(5).value).toBe(coverage.actual.denominator / 100);
    expect(row.getCell(6).value).toBe('㎡');
  });

  it('another district’s report is a 403; a bad format a 400; a year without targets 400 NO_TARGETS', async () => {
    const token = await t.login('d150203');
    const other = await t.api.get('/api/kpi/report?year=2024&regionCode=150202&format=pdf').set(bearer(token));
    expect(other.status).toBe(403);
    expect(other.body.error.code).toBe('OUT_OF_JURISDICTION');
    const city = await t.api.get('/api/kpi/report?year=2024&regionCode=150200&format=pdf').set(bearer(token));
    expect(city.status).toBe(403);
    const bad = await t.api.get('/api/kpi/report?year=2024&format=docx').set(bearer(token));
    expect(bad.status).toBe(400);
    const none = await t.api.get('/api/kpi/report?year=2019&format=pdf').set(bearer(token));
    expect(none.status).toBe(400);
    expect(none.body.error.code).toBe('NO_TARGETS');
    const company = await t.api.get('/api/kpi/report?year=2024&format=pdf').set(bearer(await t.login('company')));
    expect(company.status).toBe(403);
  });
});
