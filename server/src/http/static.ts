import fs from 'node:fs';
import path from 'node:path';
import type { Middleware } from 'koa';
import send from 'koa-send';

/**
 * Serves a built front end under a URL prefix; unknown paths get index.html (client-side routes).
 * Hashed assets (assets/) are cached for a year; index.html and unhashed files (e.g. zod-jitless.js) are revalidated.
 */
export function serveBuilt(prefix: string, dir: string): Middleware {
  const root = path.resolve(dir);
  return async (ctx, next) => {
    if (ctx.method !== 'GET' && ctx.method !== 'HEAD') return next();
    if (ctx.path === prefix) return ctx.redirect(`${prefix}/`);
    if (!ctx.path.startsWith(`${prefix}/`)) return next();
    if (!fs.existsSync(path.join(root, 'index.html'))) {
      ctx.status = 503;
      ctx.type = 'text/plain; charset=utf-8';
      ctx.body = `前端尚未构建：${dir}（运行 npm run build）`;
      return;
    }
    const rel = ctx.path.slice(prefix.length + 1) || 'index.html';
    const file = path.join(root, rel);
    const isFile = file.startsWith(root) && fs.existsSync(file) && fs.statSync(file).isFile();
    const target = isFile ? rel : 'index.html';
    await send(ctx, target, {
      root,
      setHeaders: (res) => res.setHeader('Cache-Control', target.startsWith('assets/') ? 'public, max-age=31536000, immutable' : 'no-cache'),
    });
  };
}
