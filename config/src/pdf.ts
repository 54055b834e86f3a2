import { z } from 'zod';

/** Server-side PDF documents (yearly assessment report, blacklist letters). */
export interface PdfSettings {
  /** A TrueType/TrueType-collection font with the CJK glyphs, embedded (subset) into every PDF. */
  cjkFontPath: string;
}

/**
 * Debian's fonts-wqy-microhei (文泉驿微米黑, GPLv3 with font exception / Apache 2.0), which
 * scripts/ensure-system-deps.sh installs for tests and CI.
 */
export const DEFAULT_PDF_CJK_FONT_PATH = '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc';

export const pdfEnvSchema = {
  /** Path of the CJK font embedded in generated PDFs (default: Debian's fonts-wqy-microhei). */
  PDF_CJK_FONT_PATH: z.string().min(1).default(DEFAULT_PDF_CJK_FONT_PATH),
};

export function pdfSettings(e: { PDF_CJK_FONT_PATH: string }): PdfSettings {
  return { cjkFontPath: e.PDF_CJK_FONT_PATH };
}

/** The PDF settings alone, for code that makes a PDF without the whole Config at hand. */
export function pdfSettingsFromEnv(env: Record<string, string | undefined> = process.env): PdfSettings {
  return pdfSettings(z.object(pdfEnvSchema).parse({ PDF_CJK_FONT_PATH: env.PDF_CJK_FONT_PATH || undefined }));
}
