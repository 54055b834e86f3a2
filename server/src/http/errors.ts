import type { Middleware } from 'koa';
import { ZodError } from 'zod';
import { issueFields } from '@baotou/shared';
import { UNIQUE_FIELDS } from './uniqueFields';

/** A refusal with a machine-readable code and a Chinese message, raised anywhere, mapped once. */
export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly status: 400 | 401 | 403 | 404 | 405 | 409 | 413 | 415 | 422 | 423 | 429 | 501,
    message: string,
    readonly fields?: Record<string, string>,
  ) {
    super(message);
  }
}

export const badRequest = (code: string, message: string, fields?: Record<string, string>) => new AppError(code, 400, message, fields);
export const unauthorized = (code = 'UNAUTHORIZED', message = '请先登录') => new AppError(code, 401, message);
export const forbidden = (code = 'FORBIDDEN', message = '无权执行此操作') => new AppError(code, 403, message);
export const notFound = (what = '记录') => new AppError('NOT_FOUND', 404, `${what}不存在`);
export const conflict = (code: string, message: string) => new AppError(code, 409, message);

export function zodFields(error: ZodError): Record<string, string> {
  return issueFields(error.issues);
}

interface PgLikeError {
  code?: string;
  constraint?: string;
  cause?: PgLikeError;
}

function pgCode(err: unknown): PgLikeError | undefined {
  let e = err as PgLikeError | undefined;
  for (let i = 0; e && i < 3; i++, e = e.cause) {
    if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) return e;
  }
  return undefined;
}

/**
 * SQLSTATEs a client's input can cause, mapped the same for node-postgres and PGlite (both give
 * the code at `err.cause.code` under drizzle). PGlite is PostgreSQL 18, which reports deleting a
 * row an ON DELETE RESTRICT key points at as 23001 where PostgreSQL 15 says 23503. A unique
 * violation of a constraint in UNIQUE_FIELDS is answered on its field: `fields: { code: '…' }`.
 */
export function fromSqlState(code: string, constraint?: string): AppError | undefined {
  if (code === '23505') {
    // On the field the constraint is about, so the console shows it there (uniqueFields.ts).
    const unique = constraint !== undefined && Object.prototype.hasOwnProperty.call(UNIQUE_FIELDS, constraint) ? UNIQUE_FIELDS[constraint] : undefined;
    if (unique) return new AppError('DUPLICATE', 409, unique.message, { [unique.field]: unique.message });
    return conflict('DUPLICATE', '记录已存在（唯一性冲突）');
  }
  if (code === '23503' || code === '23001') return conflict('REFERENCED', '记录被其他数据引用或引用的数据不存在');
  if (code === '23514') return badRequest('CHECK_FAILED', '数据不符合约束条件');
  if (code === '23502') return badRequest('VALIDATION_FAILED', '缺少必填的数据');
  // Class 22, data exception: a value out of range, too long, badly formed, or with bytes the text type refuses.
  if (code.startsWith('22')) return badRequest('VALIDATION_FAILED', '数值超出范围或格式错误');
  return undefined;
}

function toAppError(err: unknown): AppError | undefined {
  if (err instanceof AppError) return err;
  if (err instanceof ZodError) {
    const fields = zodFields(err);
    const unknown = err.issues.some((i) => i.code === 'unrecognized_keys');
    return badRequest(unknown ? 'UNKNOWN_FIELD' : 'VALIDATION_FAILED', unknown ? '请求包含不允许的字段' : '输入有误，请检查标红的项目', fields);
  }
  const pg = pgCode(err);
  if (pg?.code) {
    const mapped = fromSqlState(pg.code, pg.constraint);
    if (mapped) return mapped;
  }
  const status = (err as { status?: number })?.status;
  if (status === 400 || status === 422) return badRequest('INVALID_JSON', '请求体不是有效的JSON');
  if (status === 413) return new AppError('PAYLOAD_TOO_LARGE', 413, '请求体过大');
  if (status === 415) return new AppError('UNSUPPORTED_MEDIA_TYPE', 415, '仅支持JSON请求体');
  return undefined;
}

/**
 * Maps every error to `{ error: { code, message, fields? } }`. An unexpected error is logged with the
 * request's id and answered 500 with that id (`requestId`), which the person can quote.
 */
export function errorMiddleware(log: (err: unknown, context?: { requestId?: string }) => void = console.error): Middleware {
  return async (ctx, next) => {
    try {
      await next();
      if (ctx.status === 404 && ctx.body === undefined && ctx.path.startsWith('/api')) {
        throw new AppError('ROUTE_NOT_FOUND', 404, '接口不存在');
      }
      // The router's allowedMethods answered with an Allow header and no body: give it ours.
      if (ctx.status === 405 && ctx.body === undefined && ctx.path.startsWith('/api')) {
        throw new AppError('METHOD_NOT_ALLOWED', 405, `该接口不支持${ctx.method}请求`);
      }
      if (ctx.status === 501 && ctx.body === undefined && ctx.path.startsWith('/api')) {
        throw new AppError('METHOD_NOT_IMPLEMENTED', 501, `不支持${ctx.method}请求`);
      }
    } catch (err) {
      const app = toAppError(err);
      const requestId = ctx.state.requestId as string | undefined;
      if (!app) log(err, { requestId });
      const e = app ?? new AppError('INTERNAL', 500 as never, requestId ? `服务器内部错误（错误编号 ${requestId}）` : '服务器内部错误');
      ctx.status = e.status;
      ctx.body = { error: { code: e.code, message: e.message, ...(e.fields ? { fields: e.fields } : {}), ...(app ? {} : { requestId }) } };
    }
  };
}
