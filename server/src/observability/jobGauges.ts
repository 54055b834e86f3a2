import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import type { PlatformMetrics } from './metrics';

/** pg-boss 10's job states (its `pgboss.job_state` enum). */
export const JOB_STATES = ['created', 'retry', 'active', 'completed', 'cancelled', 'failed'] as const;

/**
 * `jobs{name,state}` (issue 15, metrics): the queue's jobs by job name and pg-boss state, read at
 * scrape time with one GROUP BY over `pgboss.job` (its primary key leads with the name; completed
 * jobs leave it for the archive after a day, so it stays small). Every state of a name seen is
 * given, 0 when empty, so an alert on `jobs{state="failed"} > 0` has a series to watch. Before
 * pg-boss has created its schema (no job queued yet on a fresh database) there are none.
 */
export function registerJobGauges(metrics: PlatformMetrics, db: Db): void {
  metrics.gauge('jobs', 'Background jobs in the queue (pg-boss) by job name and state', ['name', 'state'], async () => {
    let rows: { name: string; state: string; n: number }[];
    try {
      ({ rows } = (await db.execute(sql`SELECT name, state::text AS state, count(*)::int AS n FROM pgboss.job GROUP BY 1, 2`)) as never);
    } catch (err) {
      if ((err as { code?: string }).code === '42P01' || (err as { cause?: { code?: string } }).cause?.code === '42P01') return [];
      throw err;
    }
    const counts = new Map<string, Map<string, number>>();
    for (const r of rows) {
      const byState = counts.get(r.name) ?? new Map<string, number>();
      byState.set(r.state, Number(r.n));
      counts.set(r.name, byState);
    }
    return [...counts].flatMap(([name, byState]) => JOB_STATES.map((state) => ({ labels: { name, state }, value: byState.get(state) ?? 0 })));
  });
}
