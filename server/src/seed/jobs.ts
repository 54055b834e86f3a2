import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Tx } from '../db/client';
import { jobRuns } from '../db/schema';
import { CITY } from './regions';

/**
 * The demo's background jobs (issue 15), so 后台任务 has rows on first sign-in: a finished
 * city-wide household export by the city bureau yesterday (its file has since expired: 下载文件
 * says so), and a billing-style job that failed after its retries. One insert.
 */
export async function seedJobs(tx: Tx): Promise<void> {
  const [city] = (await tx.execute(sql`SELECT id, name FROM users WHERE username = 'city'`)).rows as { id: number; name: string }[];
  if (!city) return;
  const day = 24 * 3600_000;
  const at = (msAgo: number) => new Date(Date.now() - msAgo);
  const exportId = randomUUID();
  const [{ n }] = (await tx.execute(sql`SELECT count(*)::int AS n FROM households`)).rows as { n: number }[];
  await tx.insert(jobRuns).values([
    {
      id: exportId,
      name: 'exports.xlsx',
      title: '数据导出',
      state: 'completed',
      progressDone: n,
      progressTotal: n,
      result: { rowCount: n, fileName: '房屋_导出.xlsx', downloadUrl: `/api/exports/${exportId}/file`, expiresAt: at(day / 2).toISOString() },
      attempts: 1,
      actorId: city.id,
      actorName: city.name,
      actorRegionCode: CITY.code,
      createdAt: at(day + 60_000),
      startedAt: at(day + 55_000),
      finishedAt: at(day),
    },
    {
      id: randomUUID(),
      name: 'exports.xlsx',
      title: '数据导出',
      state: 'failed',
      progressDone: 3000,
      progressTotal: n,
      error: '数据库连接中断（已重试 2 次）',
      attempts: 3,
      actorId: city.id,
      actorName: city.name,
      actorRegionCode: CITY.code,
      createdAt: at(2 * day),
      startedAt: at(2 * day - 5_000),
      finishedAt: at(2 * day - 60_000),
    },
  ]);
}
