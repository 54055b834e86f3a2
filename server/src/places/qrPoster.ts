import QRCode from 'qrcode';

const escapeXml = (s: string) => s.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!);

const WIDTH = 600;
const QR = 520;
const FONT = "'Noto Sans CJK SC','Source Han Sans SC','Microsoft YaHei','PingFang SC',sans-serif";

/**
 * A compound's scan-in code ready to print (issue 16 §4): the QR code of `url` with the compound's
 * name and code centred under it, as one SVG (600 × 700 user units, scales to any print size; the
 * printer's or viewer's Chinese font draws the text). Control characters in the name are dropped.
 */
export async function labelledQrSvg(url: string, name: string, code: string): Promise<string> {
  const qr = await QRCode.toString(url, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' });
  const inner = qr.replace(/^<svg /, `<svg x="${(WIDTH - QR) / 2}" y="20" width="${QR}" height="${QR}" `);
  const clean = (s: string) => escapeXml(s.replace(/[\u0000-\u001f\u007f]/g, ''));
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="700" viewBox="0 0 ${WIDTH} 700">`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    inner,
    `<text x="${WIDTH / 2}" y="600" text-anchor="middle" font-family="${FONT}" font-size="40" font-weight="bold" fill="#000000">${clean(name)}</text>`,
    `<text x="${WIDTH / 2}" y="650" text-anchor="middle" font-family="${FONT}" font-size="28" fill="#333333">小区编码：${clean(code)}</text>`,
    `<text x="${WIDTH / 2}" y="688" text-anchor="middle" font-family="${FONT}" font-size="20" fill="#666666">微信扫码进入本小区</text>`,
    `</svg>`,
  ].join('\n');
}
