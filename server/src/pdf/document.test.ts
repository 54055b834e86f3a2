import { createPdf, pdfToBuffer } from './document';
import { pdfText } from './text';

describe('createPdf', () => {
  it('embeds the CJK font so Chinese text round-trips', async () => {
    const doc = await createPdf({ info: { Title: '年度考核报告' } });
    doc.fontSize(16).text('包头市物业管理年度考核报告');
    doc.fontSize(10).text('业主委员会组建率 80% · AAA级企业 12家');
    const pdf = await pdfToBuffer(doc);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.toString('latin1')).toMatch(/FontFile2/);
    const text = (await pdfText(pdf)).replace(/\s+/g, '');
    expect(text).toContain('包头市物业管理年度考核报告');
    expect(text).toContain('业主委员会组建率80%·AAA级企业12家');
  });

  it('refuses to make a PDF without its font', async () => {
    await expect(createPdf({ fontPath: '/nonexistent/font.ttf' })).rejects.toThrow();
  });
});
