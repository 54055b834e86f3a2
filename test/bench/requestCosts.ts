import { AsyncLocalStorage } from 'node:async_hooks';
import type { Middleware } from 'koa';
import { Client, Pool } from 'pg';

/**
 * For profiling a bench server (BENCH_REQUEST_COSTS=1): per route, how many SQL round trips a
 * request makes and how its time splits between waiting on PostgreSQL and the rest (our code,
 * the framework, the event loop). Printed when the process ends; costs nothing when off.
 */
interface Cost {
  queries: number;
  sqlMs: number;
  each?: [string, number][];
}
interface RouteCosts {
  requests: number;
  queries: number;
  sqlMs: number[];
  totalMs: number[];
  statements: Map<string, number[]>;
}

const current = new AsyncLocalStorage<Cost>();
const routes = new Map<string, RouteCosts>();

/** The first words of a statement, enough to tell which of a request's queries it is. */
function label(args: unknown[]): string {
  const a = args[0] as string | { text?: string } | undefined;
  const text = typeof a === 'string' ? a : (a?.text ?? '');
  return text.replace(/\s+/g, ' ').trim().slice(0, 60);
}

function timed(cost: Cost, what: string, result: unknown): void {
  if (!result || typeof (result as Promise<unknown>).then !== 'function') return;
  cost.queries++;
  const t0 = performance.now();
  const done = () => {
    const ms = performance.now() - t0;
    cost.sqlMs += ms;
    (cost.each ??= []).push([what, ms]);
  };
  (result as Promise<unknown>).then(done, done);
}

/**
 * Counts every pg query made inside a request, in the caller's context: Pool#query where it is
 * called (its own Client#query runs later in whichever request freed a connection, so callback-style
 * calls, which only the pool makes, are skipped), and Client#query for transactions (drizzle).
 */
export function countQueries(): void {
  const clientQuery = Client.prototype.query as (...args: unknown[]) => unknown;
  (Client.prototype as unknown as { query: (...args: unknown[]) => unknown }).query = function (this: Client, ...args: unknown[]) {
    const result = clientQuery.apply(this, args);
    const cost = current.getStore();
    if (cost && typeof args[args.length - 1] !== 'function') timed(cost, label(args), result);
    return result;
  };
  const poolQuery = Pool.prototype.query as (...args: unknown[]) => unknown;
  (Pool.prototype as unknown as { query: (...args: unknown[]) => unknown }).query = function (this: Pool, ...args: unknown[]) {
    const result = poolQuery.apply(this, args);
    const cost = current.getStore();
    if (cost && typeof args[args.length - 1] !== 'function') timed(cost, label(args), result);
    return result;
  };
}

/** Mount first: times each request and keeps its SQL costs under its route pattern. */
export const requestCosts: Middleware = async (ctx, next) => {
  const cost: Cost = { queries: 0, sqlMs: 0 };
  const t0 = performance.now();
  await current.run(cost, next);
  const key = `${ctx.method} ${(ctx as { _matchedRoute?: string })._matchedRoute ?? ctx.path} ${ctx.status}`;
  let r = routes.get(key);
  if (!r) routes.set(key, (r = { requests: 0, queries: 0, sqlMs: [], totalMs: [], statements: new Map() }));
  r.requests++;
  r.queries += cost.queries;
  r.sqlMs.push(cost.sqlMs);
  r.totalMs.push(performance.now() - t0);
  for (const [what, ms] of cost.each ?? []) {
    let xs = r.statements.get(what);
    if (!xs) r.statements.set(what, (xs = []));
    xs.push(ms);
  }
};

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

export function printRequestCosts(): void {
  console.log('  per route: requests, SQL round trips per request, median ms in the server (of which waiting on SQL, summed over its queries)');
  for (const [route, r] of [...routes].sort((a, b) => b[1].requests - a[1].requests)) {
    if (r.requests < 20) continue;
    const line = `    ${route.padEnd(48)} ${String(r.requests).padStart(7)} ${(r.queries / r.requests).toFixed(2).padStart(6)} q/req  ${median(r.totalMs).toFixed(2).padStart(7)} ms (SQL ${median(r.sqlMs).toFixed(2)} ms)`;
    console.log(line);
    if (process.env.BENCH_REQUEST_STATEMENTS === '1') {
      for (const [what, xs] of [...r.statements].sort((a, b) => median(b[1]) * b[1].length - median(a[1]) * a[1].length)) {
        console.log(`        ${(xs.length / r.requests).toFixed(2).padStart(5)}×  median ${median(xs).toFixed(2).padStart(7)} ms  ${what}`);
      }
    }
  }
}
