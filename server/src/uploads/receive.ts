import busboy from 'busboy';
import type { Context } from 'koa';
import { UPLOAD_MAX_FILES_PER_REQUEST, uploadNameProblem } from '@baotou/shared';
import { AppError, badRequest } from '../http/errors';

/** Room a multipart body's framing and a few small fields take around the file itself. */
const FRAMING_BYTES = 16 * 1024;

const tooLarge = (max: number) => new AppError('FILE_TOO_LARGE', 413, `文件不能超过${Math.floor(max / 1024 / 1024)}MB`);
const badMultipart = () => badRequest('BAD_MULTIPART', '上传请求格式无效，请重新选择文件上传');

/**
 * The one file of an upload request, at most `max` bytes: a multipart/form-data body (Taro.uploadFile,
 * browsers' FormData; read with busboy) whose first file part is the file, or else the raw body.
 * Nothing is stored here. Throws, having read no more of the body than it must (Node discards the
 * rest after the answer, so the client reads it instead of a dropped connection):
 *  - 413 FILE_TOO_LARGE over `max` (at once when the declared length says so);
 *  - 400 TOO_MANY_FILES for a second file part;
 *  - 400 BAD_FILE_NAME for a file name with a control character or a path separator (uploadNameProblem);
 *  - 400 BAD_MULTIPART for a body busboy cannot read (no boundary, cut short, malformed);
 *  - 400 FILE_MISSING for no file or an empty one.
 */
export async function receiveUpload(ctx: Context, max: number): Promise<Buffer> {
  const multipart = /^multipart\/form-data/i.test(ctx.get('content-type'));
  if (Number(ctx.get('content-length') || 0) > max + (multipart ? FRAMING_BYTES : 0)) throw tooLarge(max);
  const file = multipart ? await readMultipart(ctx, max) : await readRaw(ctx, max);
  if (!file || file.length === 0) throw badRequest('FILE_MISSING', '请选择要上传的文件');
  return file;
}

/** Settles a promise once, and on a refusal stops parsing and lets the rest of the body drain unread. */
function settleOnce<T>(ctx: Context, resolve: (v: T) => void, reject: (e: unknown) => void, stop: () => void) {
  let settled = false;
  return {
    ok(v: T) {
      if (settled) return;
      settled = true;
      resolve(v);
    },
    fail(e: unknown) {
      if (settled) return;
      settled = true;
      stop();
      ctx.req.resume();
      reject(e);
    },
  };
}

function readMultipart(ctx: Context, max: number): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    let bb: busboy.Busboy;
    try {
      // preservePath: the name as sent, so a path in it is refused rather than silently cut to its last part
      bb = busboy({
        headers: ctx.req.headers,
        preservePath: true,
        defParamCharset: 'utf8',
        // busboy signals 'limit' on reaching fileSize, so one byte more than allowed is what it must see
        limits: { files: UPLOAD_MAX_FILES_PER_REQUEST, fileSize: max + 1, fields: 10, fieldSize: 1000, parts: 20, headerPairs: 20 },
      });
    } catch {
      return reject(badMultipart());
    }
    const s = settleOnce<Buffer | undefined>(ctx, resolve, reject, () => ctx.req.unpipe(bb));
    let chunks: Buffer[] | undefined;
    bb.on('file', (_name, stream, info) => {
      stream.on('error', () => undefined); // a body cut short fails the file stream too; bb's 'error' answers it
      const problem = uploadNameProblem(info.filename ?? '');
      if (problem) {
        stream.resume();
        return s.fail(badRequest('BAD_FILE_NAME', problem, { file: problem }));
      }
      const mine: Buffer[] = (chunks = []);
      stream.on('data', (d: Buffer) => mine.push(d));
      stream.on('limit', () => s.fail(tooLarge(max)));
    });
    bb.on('filesLimit', () => s.fail(badRequest('TOO_MANY_FILES', `每次只能上传${UPLOAD_MAX_FILES_PER_REQUEST}个文件`, { file: '每次只能上传一个文件' })));
    bb.on('partsLimit', () => s.fail(badMultipart()));
    bb.on('fieldsLimit', () => s.fail(badMultipart()));
    bb.on('error', () => s.fail(badMultipart()));
    bb.on('close', () => s.ok(chunks && Buffer.concat(chunks)));
    ctx.req.on('aborted', () => s.fail(badMultipart()));
    ctx.req.pipe(bb);
  });
}

function readRaw(ctx: Context, max: number): Promise<Buffer> {
  const req = ctx.req;
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let total = 0;
    const onData = (chunk: Buffer) => {
      total += chunk.length;
      if (total <= max) return void chunks.push(chunk);
      s.fail(tooLarge(max));
    };
    const detach = () => {
      req.off('data', onData);
      req.off('end', onEnd);
    };
    const s = settleOnce<Buffer>(ctx, resolve, reject, detach);
    const onEnd = () => {
      detach();
      s.ok(Buffer.concat(chunks));
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', (e) => s.fail(e));
  });
}
