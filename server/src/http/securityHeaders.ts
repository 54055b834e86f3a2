import type { Middleware } from 'koa';
import helmet from 'koa-helmet';
import cors from '@koa/cors';
import type { WebSettings } from '@baotou/config';

/**
 * The Content-Security-Policy of every response (API, console at /admin, mini-program H5 at /h5).
 * Both front ends load only files from this server:
 * - script-src 'self': no inline script and no eval anywhere. The console's Vite build has none; the
 *   H5 build's rem script, which Taro writes inline, is emitted as a file (mini/config/index.ts).
 * - style-src also allows 'unsafe-inline': MUI (emotion) in the console and Taro's H5 components
 *   (Stencil) insert <style> elements at run time, and react and Taro set style attributes. A nonce
 *   would have to reach both libraries' style injection and be fresh in every served index.html;
 *   styles cannot run code, so the script policy above is what stops injected script.
 * - img-src data: (the compound QR code, the console's favicon) and blob: (files being saved).
 * - frame-ancestors 'none' (with X-Frame-Options DENY for older browsers): no one frames the console.
 * - upgrade-insecure-requests is left out: on an http:// intranet address it would send the
 *   page's own requests to https:// and break it. Over TLS, HSTS keeps browsers on https.
 */
export const CONTENT_SECURITY_POLICY = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'script-src-attr': ["'none'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'media-src': ["'self'", 'blob:'],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
} as const;

/**
 * Security headers on every response, errors included: CSP, X-Frame-Options DENY, nosniff,
 * Referrer-Policy no-referrer and helmet's other defaults. Mount it first, outside the error
 * middleware, so a 404 or a 500 carries them too.
 */
export function securityHeaders(web: WebSettings): Middleware {
  const headers = fixedHeaders(
    helmet({
      contentSecurityPolicy: { useDefaults: false, directives: { ...CONTENT_SECURITY_POLICY } },
      frameguard: { action: 'deny' },
      referrerPolicy: { policy: 'no-referrer' },
      // Sent below, only over TLS: on plain http a browser ignores it, and a proxy's setting decides.
      strictTransportSecurity: false,
    }),
  );
  const hsts = `max-age=${web.hstsMaxAgeSeconds}; includeSubDomains`;
  return async (ctx, next) => {
    // ctx.secure trusts X-Forwarded-Proto only when app.proxy is on (TRUST_PROXY).
    if (ctx.secure && web.hstsMaxAgeSeconds > 0) ctx.set('Strict-Transport-Security', hsts);
    for (const name of headers.removed) ctx.remove(name);
    for (const [name, value] of headers.set) ctx.set(name, value);
    await next();
  };
}

/**
 * What helmet does to a response, found once: with these options (no per-request nonces) its
 * headers are the same for every request, so each request sets the list instead of running
 * helmet's dozen middlewares.
 */
function fixedHeaders(middleware: ReturnType<typeof helmet>): { set: [string, string][]; removed: string[] } {
  const set: [string, string][] = [];
  const removed: string[] = [];
  const res = {
    setHeader: (name: string, value: string | number | readonly string[]) => set.push([name, String(value)]),
    removeHeader: (name: string) => removed.push(name),
    getHeader: () => undefined,
  };
  // koa-helmet hands its callback to a promise, but helmet sets every header synchronously as it runs
  const ctx = { req: { headers: {}, method: 'GET', url: '/' }, res };
  void (middleware as unknown as (c: unknown, n: () => Promise<void>) => Promise<void>)(ctx, async () => undefined);
  if (!set.some(([name]) => name.toLowerCase() === 'content-security-policy'))
    throw new Error('helmet set no Content-Security-Policy synchronously: its headers cannot be fixed once');
  return { set, removed };
}

/**
 * CORS only for the configured origins (CORS_ORIGINS, empty by default). A request from any other
 * origin is answered without Access-Control-* headers, so a browser keeps the answer from the page.
 */
export function corsForConfiguredOrigins(web: WebSettings): Middleware {
  const allowed = new Set(web.corsOrigins);
  return cors({
    origin: (ctx) => (allowed.has(ctx.get('Origin')) ? ctx.get('Origin') : ''),
    // X-Session-Token: a staff token renewed past half its life (issue 17, auth/middleware.ts).
    exposeHeaders: ['Content-Range', 'Content-Disposition', 'X-Session-Token'],
    allowHeaders: ['Authorization', 'Content-Type', 'Range'],
  });
}
