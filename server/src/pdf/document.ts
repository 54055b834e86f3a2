import type PDFDocumentClass from 'pdfkit';
import { pdfSettingsFromEnv } from '@baotou/config';

export type PdfDocument = PDFKit.PDFDocument;

export interface CreatePdfOptions extends PDFKit.PDFDocumentOptions {
  /** The CJK font file; default the PDF_CJK_FONT_PATH setting (Debian's fonts-wqy-microhei). */
  fontPath?: string;
}

/** The font inside a TrueType collection (.ttc) to use; a plain .ttf/.otf needs none. */
const TTC_FAMILY = 'WenQuanYiMicroHei'; // the PostScript name inside the collection

/**
 * A new A4 pdfkit document whose default font is the CJK font, registered as `cjk` (subset-embedded,
 * so the PDF prints the same on a machine without it). Write to it with pdfkit's API, then
 * `pdfToBuffer(doc)`.
 * Rejects (Error) when the font file is missing: a PDF without Chinese glyphs is never produced.
 * pdfkit itself is loaded on the first document, not at start-up (about a fifth of a second of a start).
 */
export async function createPdf(opts: CreatePdfOptions = {}): Promise<PdfDocument> {
  const { fontPath = pdfSettingsFromEnv().cjkFontPath, ...docOptions } = opts;
  const PDFDocument = await loadPdfkit();
  const doc = new PDFDocument({ size: 'A4', margin: 50, bufferPages: true, ...docOptions });
  doc.registerFont('cjk', fontPath, fontPath.toLowerCase().endsWith('.ttc') ? TTC_FAMILY : undefined);
  doc.font('cjk');
  return doc;
}

async function loadPdfkit(): Promise<typeof PDFDocumentClass> {
  const m = (await import('pdfkit')) as typeof PDFDocumentClass & { default?: typeof PDFDocumentClass };
  return m.default ?? m;
}

/** Ends the document and resolves with its bytes (application/pdf). */
export function pdfToBuffer(doc: PdfDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}
