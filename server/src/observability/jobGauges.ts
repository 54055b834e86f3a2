import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import type { PlatformMetrics } from './metrics';

/** A job's states as the jobs page and GET /api/jobs/:id show them (server/src/jobs/queue.ts JobView). */
export const JOB_STATES = ['queued', 'running', 'completed', 'failed'] as const;

/**
 * `jobs{name,state}` (issue 15, metrics): the background jobs by job name and state, read at scrape
 * time from `job_runs` — the row every job gets before pg-boss stores it — with one GROUP BY served by
 * its (name, state) index. `queued` includes a run waiting for its retry. Periodic housekeeping runs
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
}
