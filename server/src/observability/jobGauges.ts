import { sql } from 'drizzle-orm';
import { Counter } from 'prom-client';
import { jobOutcomeCounts } from '../jobs/queue';
import type { Db } from '../db/client';
import type { PlatformMetrics } from './metrics';

/** A job's states as the jobs page and GET /api/jobs/:id show them (server/src/jobs/queue.ts JobView). */
export const JOB_STATES = ['queued', 'running', 'completed', 'failed'] as const;

/**
 * `jobs{name,state}` (issue 15, metrics): the background jobs by job name and state, read at scrape
 * time from `job_runs` — the row every job gets before pg-boss stores it — with one GROUP BY (a scan of
 * job_runs: under 1 ms on a fresh database, ~15 ms at 50,000 kept rows on a loaded machine). `queued` includes a run waiting for its retry. Periodic housekeeping runs
 * leave no row once completed (so `completed` counts the kept ones: exports, billing runs…), while
 * their failures stay. Not `pgboss.job`: pg-boss keeps twelve hours of completed periodic runs there
 * unindexed by state, and counting them cost ~35 ms a scrape at 50,000 rows. Every state of a name
 * seen is given, 0 when empty, so an alert on `jobs{state="failed"} > 0` has a series to watch.
 */
export function registerJobGauges(metrics: PlatformMetrics, db: Db): void {
  metrics.gauge('jobs', 'Background jobs by job name and state (queued, running, completed, failed)', ['name', 'state'], async () => {
    const { rows } = (await db.execute(sql`SELECT name, state, count(*)::int AS n FROM job_runs GROUP BY name, state`)) as unknown as {
      rows: { name: string; state: string; n: number }[];
    };
    const counts = new Map<string, Map<string, number>>();
    for (const r of rows) {
      const byState = counts.get(r.name) ?? new Map<string, number>();
      byState.set(r.state, Number(r.n));
      counts.set(r.name, byState);
    }
    return [...counts].flatMap(([name, byState]) => JOB_STATES.map((state) => ({ labels: { name, state }, value: byState.get(state) ?? 0 })));
  });
  registerJobCounters(metrics);
}

/**
 * `jobs_finished_total{name,outcome}`: runs this process's workers finished since it started —
 * `completed`, `retried` (the attempt threw and pg-boss will retry it) or `failed` (its last attempt
 * threw). Per process, from memory: sum over processes in Prometheus.
 */
function registerJobCounters(metrics: PlatformMetrics): void {
  new Counter({
    name: 'jobs_finished_total',
    help: 'Background job runs finished by this process, by job name and outcome (completed, retried, failed)',
    labelNames: ['name', 'outcome'],
    registers: [metrics.registry],
    collect() {
      this.reset();
      for (const { name, outcome, count } of jobOutcomeCounts()) this.inc({ name, outcome }, count);
    },
  });
}
