import { timingSafeEqual } from 'node:crypto';
import type { Context, Middleware } from 'koa';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { AppError } from '../http/errors';

/** The route's pattern (`/api/votes/:id/result`), never the raw path: labels stay few whatever the ids. */
export function routeLabel(ctx: Context): string {
  const matched = (ctx as Context & { _matchedRoute?: string | RegExp })._matchedRoute;
  if (typeof matched === 'string') return matched;
  // Answered by middleware before the router (metricsEndpoint): its own label, never "unmatched".
  if (ctx.path === '/api/metrics') return '/api/metrics';
  if (ctx.path.startsWith('/admin/') || ctx.path === '/admin') return '/admin/*';
  if (ctx.path.startsWith('/h5/') || ctx.path === '/h5') return '/h5/*';
  return 'unmatched';
}

export interface PlatformMetrics {
  registry: Registry;
  /** Times every request; put first so refusals and errors are counted too. */
  middleware: Middleware;
  /** A gauge read at scrape time (database pool use, job counts). */
  gauge(
    name: string,
    help: string,
    labelNames: string[],
    collect: () => Promise<{ labels?: Record<string, string>; value: number }[]> | { labels?: Record<string, string>; value: number }[],
  ): void;
}

/** One registry per app: requests by route and status, latency histograms, process metrics. */
export function createMetrics(): PlatformMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const requests = new Counter({
    name: 'http_requests_total',
    help: 'HTTP requests by method, route and status',
    labelNames: ['method', 'route', 'status'],
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request latency by method and route',
    labelNames: ['method', 'route'],
    buckets: [0.005, 0.01, 0.015, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10],
    registers: [registry],
  });
  return {
    registry,
    middleware: async (ctx, next) => {
      const end = latency.startTimer();
      try {
        await next();
      } finally {
        const route = routeLabel(ctx);
        end({ method: ctx.method, route });
        requests.inc({ method: ctx.method, route, status: String(ctx.status) });
      }
    },
    gauge(name, help, labelNames, collect) {
      new Gauge({
        name,
        help,
        labelNames,
        registers: [registry],
        async collect() {
          this.reset();
          for (const s of await collect()) s.labels ? this.set(s.labels, s.value) : this.set(s.value);
        },
      });
    },
  };
}

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

const PRIVATE = [
  /^127\./,
  /^::1$/,
  /^::ffff:127\./,
  /^10\./,
  /^::ffff:10\./,
  /^192\.168\./,
  /^::ffff:192\.168\./,
  /^(::ffff:)?172\.(1[6-9]|2\d|3[01])\./,
  /^f[cd][0-9a-f]{2}:/i,
];

/** Loopback or a private network (RFC 1918, IPv6 ULA): where a Prometheus server on the site scrapes from. */
export function isLocalNetwork(ip: string): boolean {
  return PRIVATE.some((re) => re.test(ip));
}

/**
 * `GET /api/metrics` in Prometheus text format, readable from the local network or with
 * `Authorization: Bearer <METRICS_TOKEN>`; anyone else gets 404 (it does not exist for them).
 */
export function metricsEndpoint(metrics: PlatformMetrics, token: string | null): Middleware {
  return async (ctx, next) => {
    if (ctx.path !== '/api/metrics') return next();
    if (ctx.method !== 'GET') throw new AppError('METHOD_NOT_ALLOWED', 405, '该接口只支持GET请求');
    const bearer = /^Bearer\s+(\S+)$/i.exec(ctx.get('authorization'))?.[1];
    if (!isLocalNetwork(ctx.ip) && !(token && bearer && sameToken(bearer, token))) throw new AppError('ROUTE_NOT_FOUND', 404, '接口不存在');
    ctx.set('Content-Type', metrics.registry.contentType);
    ctx.set('Cache-Control', 'no-store');
    ctx.body = await metrics.registry.metrics();
  };
}
