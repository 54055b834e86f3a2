import busboy from 'busboy';
import type { Context } from 'koa';
import { PARTY_IMPORT_MAX_BYTES } from '@baotou/shared';
import { AppError, badRequest } from '../http/errors';

/** One .xlsx file (field "file") and text fields from a multipart request, capped at 10 MB. */
export async function readUpload(ctx: Context): Promise<{ fields: Record<string, string>; fileName: string; data: Buffer }> {
  if (!ctx.is('multipart/form-data')) throw new AppError('UNSUPPORTED_MEDIA_TYPE', 415, '请以 multipart/form-data 上传 .xlsx 文件（字段名 file）');
  const tooLarge = () => new AppError('FILE_TOO_LARGE', 413, `文件超过${PARTY_IMPORT_MAX_BYTES / 1024 / 1024}MB：请拆分后上传`);
  if (Number(ctx.get('content-length') || 0) > PARTY_IMPORT_MAX_BYTES + 64 * 1024) throw tooLarge();
  return new Promise((resolve, reject) => {
    const fields: Record<string, string> = {};
    let file: { name: string; chunks: Buffer[]; truncated: boolean } | undefined;
    let bb: busboy.Busboy;
    try {
      bb = busboy({ headers: ctx.req.headers, limits: { files: 1, fields: 10, fileSize: PARTY_IMPORT_MAX_BYTES, fieldSize: 1000 }, defParamCharset: 'utf8' });
    } catch {
      return reject(badRequest('BAD_MULTIPART', '上传请求格式无效'));
    }
    bb.on('field', (name, value) => (fields[name] = value));
    bb.on('file', (name, stream, info) => {
      if (name !== 'file' || file) return stream.resume();
      const f = { name: info.filename ?? 'upload.xlsx', chunks: [] as Buffer[], truncated: false };
      file = f;
      stream.on('data', (d: Buffer) => f.chunks.push(d));
      stream.on('limit', () => (f.truncated = true));
    });
    bb.on('error', () => reject(badRequest('BAD_MULTIPART', '上传请求格式无效')));
    bb.on('close', () => {
      if (!file) return reject(badRequest('NO_FILE', '请选择要上传的 .xlsx 文件（字段名 file）'));
      if (file.truncated) return reject(tooLarge());
      resolve({ fields, fileName: file.name, data: Buffer.concat(file.chunks) });
    });
    ctx.req.pipe(bb);
  });
}
