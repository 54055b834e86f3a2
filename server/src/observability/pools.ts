import type { Database } from '../db/client';
import type { PlatformMetrics } from './metrics';

type PoolStats = { total: number; idle: number; waiting: number };

/**
 * `db_pool_connections{pool,state}` (issue 15, metrics): connections of the primary's pool
 * (`pool="primary"`) and, when DATABASE_REPLICA_URL is set, of the replica's (`pool="replica"`),
 * each as total / idle / waiting (clients queued for a connection), read at scrape time. The
 * embedded database has no pool and shows none.
 */
export function registerPoolGauges(metrics: PlatformMetrics, database: Pick<Database, 'poolStats' | 'replicaPoolStats'>): void {
  const samples = (pool: string, stats: PoolStats | undefined) =>
    stats ? (['total', 'idle', 'waiting'] as const).map((state) => ({ labels: { pool, state }, value: stats[state] })) : [];
  metrics.gauge('db_pool_connections', 'Database pool connections by pool (primary, replica) and state', ['pool', 'state'], () => [
    ...samples('primary', database.poolStats?.()),
    ...samples('replica', database.replicaPoolStats?.()),
  ]);
}
