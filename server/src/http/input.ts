import type { Middleware } from 'koa';
import { AppError, badRequest } from './errors';

/**
 * Routes that read their own request stream (files): every other POST/PUT/PATCH takes JSON only.
 * Each checks its own media type and size (uploads/receive.ts, party/upload.ts).
 */
export const RAW_BODY_ROUTES: readonly { method: string; path: string }[] = [
  { method: 'POST', path: '/api/uploads' },
  { method: 'POST', path: '/api/party-imports' },
  { method: 'POST', path: '/api/staff-imports' },
];

/** C0 control characters other than tab, line feed and carriage return (PostgreSQL refuses NUL outright). */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/;
/** A lone UTF-16 surrogate: no character at all, and no valid UTF-8 for the database. */
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;
/** Deeper than any body or filter this API takes; walking it is work for nothing. */
const MAX_DEPTH = 16;

type Problem = { field: string; code: string; message: string };

function textProblem(field: string, s: string): Problem | undefined {
  if (CONTROL.test(s)) return { field, code: 'CONTROL_CHARACTER', message: `${field} 含有不允许的控制字符` };
  if (LONE_SURROGATE.test(s)) return { field, code: 'INVALID_TEXT', message: `${field} 含有无效的字符编码` };
  return undefined;
}

/**
 * The first thing in a parsed JSON value that no field of this API may hold: a control character
 * or lone surrogate in a string or key, a number beyond ±(2^53−1) (JSON.parse has already rounded
 * it), or nesting deeper than MAX_DEPTH. Walks without recursion, so no body can exhaust the stack.
 */
export function jsonProblem(root: unknown, rootName: string): Problem | undefined {
  const stack: [unknown, string, number][] = [[root, rootName, 0]];
  while (stack.length) {
    const [v, path, depth] = stack.pop()!;
    if (typeof v === 'string') {
      const p = textProblem(path || '请求体', v);
      if (p) return p;
    } else if (typeof v === 'number') {
      if (Math.abs(v) > Number.MAX_SAFE_INTEGER) return { field: path, code: 'NUMBER_OUT_OF_RANGE', message: `${path} 的数值超出允许范围` };
    } else if (v && typeof v === 'object') {
      if (depth >= MAX_DEPTH) return { field: path, code: 'NESTING_TOO_DEEP', message: `${path || '请求体'} 嵌套层级过深` };
      for (const [k, inner] of Object.entries(v)) {
        const child = path ? `${path}.${k}` : k;
        const p = textProblem(path ? `${path} 的字段名` : '字段名', k);
        if (p) return { ...p, field: path || '_' };
        stack.push([inner, child, depth + 1]);
      }
    }
  }
  return undefined;
}

/** A query value, and when it is JSON text with escapes (filter={"q":"\u0000"}), what it decodes to. */
function queryProblem(name: string, value: string): Problem | undefined {
  const p = textProblem(name, value) ?? textProblem(`参数名 ${name}`, name);
  if (p || !value.includes('\\')) return p;
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    return undefined; // not JSON: the route refuses it as such
  }
  return jsonProblem(parsed, name);
}

const refuse = (p: Problem) => badRequest(p.code, p.message, { [p.field || '_']: p.message });

function hasBody(headers: Record<string, string | string[] | undefined>): boolean {
  const length = headers['content-length'];
  return headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

/**
 * Bad input is refused at the edge, once, for every route (issue 9 §7):
 * - a POST/PUT/PATCH whose body is not JSON is 415 before any action runs (it used to be read as {});
 * - a control character, lone surrogate or unsafe number anywhere in the query or the JSON body is 400.
 * Mounted before the body parser (for 415) and checks the parsed body after it.
 */
export function requireCleanInput(): { media: Middleware; values: Middleware } {
  const media: Middleware = async (ctx, next) => {
    if ((ctx.method === 'POST' || ctx.method === 'PUT' || ctx.method === 'PATCH') && hasBody(ctx.req.headers)) {
      const raw = RAW_BODY_ROUTES.some((r) => r.method === ctx.method && r.path === ctx.path);
      if (!raw && !ctx.is('json', '+json')) throw new AppError('UNSUPPORTED_MEDIA_TYPE', 415, '请求体须为JSON（Content-Type: application/json）');
    }
    await next();
  };
  const values: Middleware = async (ctx, next) => {
    if (ctx.querystring) {
      for (const [name, v] of Object.entries(ctx.query)) {
        for (const value of Array.isArray(v) ? v : [v ?? '']) {
          const p = queryProblem(name, value);
          if (p) throw refuse(p);
        }
      }
    }
    const body = (ctx.request as { body?: unknown }).body;
    // An action's body is a JSON object: an array, string, number or null (JSON that the parser
    // accepts) would otherwise reach routes that ignore their body and let the action run.
    if (
      (ctx.method === 'POST' || ctx.method === 'PUT' || ctx.method === 'PATCH') &&
      hasBody(ctx.req.headers) &&
      ctx.is('json', '+json') &&
      (body === null || typeof body !== 'object' || Array.isArray(body))
    ) {
      throw badRequest('INVALID_BODY', '请求体须为JSON对象', { _: '请求体须为JSON对象' });
    }
    if (body !== undefined && body !== null && typeof body === 'object') {
      const p = jsonProblem(body, '');
      if (p) throw refuse(p);
    }
    await next();
  };
  return { media, values };
}
