import { execFile } from 'node:child_process';

// pdf.js loads its worker by a dynamic import(), which jest's module sandbox refuses; the text is
// therefore read in a plain Node child process.
const SCRIPT = `
const { PDFParse } = require(process.argv[1]);
const chunks = [];
process.stdin.on('data', (c) => chunks.push(c));
process.stdin.on('end', async () => {
  const parser = new PDFParse({ data: new Uint8Array(Buffer.concat(chunks)) });
  try { process.stdout.write((await parser.getText()).text); }
  catch (e) { process.stderr.write(String(e && e.stack || e)); process.exitCode = 1; }
  finally { await parser.destroy(); }
});`;

/**
 * The text of a PDF, page after page (for tests and journeys: check what a generated document says).
 * Uses pdf-parse (a devDependency): never import this from server code. Rejects on a broken PDF.
 */
export function pdfText(pdf: Buffer | Uint8Array): Promise<string> {
  const modulePath = require.resolve('pdf-parse');
  return new Promise((resolve, reject) => {
    const child = execFile(process.execPath, ['-e', SCRIPT, modulePath], { maxBuffer: 64 * 1024 * 1024, encoding: 'utf8' }, (err, stdout, stderr) =>
      err ? reject(new Error(`pdfText: ${stderr || err.message}`)) : resolve(stdout),
    );
    child.stdin!.end(Buffer.from(pdf));
  });
}
