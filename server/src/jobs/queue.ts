import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import PgBoss from 'pg-boss';
import type { Config } from '@baotou/config';
import type { Actor } from '../auth/actor';
import type { Database, Db } from '../db/client';
import { jobRuns } from '../db/schema';
import { pgBossDb } from './pgBossDb';

/**
 * Background jobs on pg-boss (issue 15; docs/OPERATIONS.md), on the platform's own database —
 * PostgreSQL or the embedded PGlite alike, through one adapter (pgBossDb). pg-boss keeps its
 * tables in schema `pgboss` (it creates and migrates them itself on start); our `job_runs` row
 * per job carries who asked, progress, result and error for the console and GET /api/jobs/:id.
 *
 * A job's handler must be idempotent: a run killed mid-way (process stopped, error thrown) is
 * retried from the start by pg-boss, and must then produce the same books.
 */

export interface JobContext {
  jobId: string;
  /** Records progress (rows done of total, a note) on the job's row; cheap enough per batch. */
  progress(done: number, total: number, note?: string): Promise<void>;
}

export type JobHandler<T> = (data: T, ctx: JobContext) => Promise<unknown>;

export interface JobOptions<T> {
  /** What a person reads for it in the jobs console (Chinese, ≤ 60 characters); default the name. */
  title?: string;
  /** Jobs with the same key run one at a time, and at most one more waits (pg-boss' stately policy). */
  singletonKey?: (data: T) => string;
  /** Attempts after the first when the handler throws (default JOBS_RETRY_LIMIT). */
  retryLimit?: number;
  /** Periodic housekeeping: a completed run's row is not kept (failures still are). */
  keepCompleted?: boolean;
}

interface Definition {
  name: string;
  handler: JobHandler<any>;
  opts: JobOptions<any>;
}

const definitions = new Map<string, Definition>();

/** Job names: lowercase words joined by dots (e.g. "fees.billing-run"), also pg-boss' queue name. */
const JOB_NAME = /^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)*$/;

/**
 * Defines (or redefines: the latest app built in this process wins) the handler of job `name`.
 * Call it where the handler's dependencies are at hand (e.g. in a register…Routes function).
 */
export function defineJob<T extends object>(name: string, handler: JobHandler<T>, opts: JobOptions<T> = {}): void {
  if (!JOB_NAME.test(name) || name.length > 60) throw new Error(`job name ${name}: lowercase words joined by dots`);
  definitions.set(name, { name, handler, opts });
  void runtime?.adopt(name).catch((err) => runtime?.log(err));
}

/** A job as GET /api/jobs/:id presents it. */
export interface JobView {
  id: string;
  name: string;
  title: string;
  state: 'queued' | 'running' | 'completed' | 'failed';
  progress: { done: number; total: number; note: string | null };
  result: unknown;
  error: string | null;
  attempts: number;
  actorId: number | null;
  actorName: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

export function presentJob(r: typeof jobRuns.$inferSelect): JobView {
  return {
    id: r.id,
    name: r.name,
    title: r.title,
    state: r.state as JobView['state'],
    progress: { done: r.progressDone, total: r.progressTotal, note: r.progressNote },
    result: r.result,
    error: r.error,
    attempts: r.attempts,
    actorId: r.actorId,
    actorName: r.actorName,
    createdAt: iso(r.createdAt)!,
    startedAt: iso(r.startedAt),
    finishedAt: iso(r.finishedAt),
  };
}

/** One database's queue: pg-boss started on first use (an app that never enqueues costs nothing). */
class JobRuntime {
  private boss: PgBoss;
  private bossDb: ReturnType<typeof pgBossDb>;
  private starting?: Promise<void>;
  private adopted = new Map<string, Promise<void>>();
  private timers: NodeJS.Timeout[] = [];
  private stopped = false;
  private started = false;

  constructor(
    readonly db: Db,
    private readonly database: Database,
    readonly config: Config,
    readonly log: (err: unknown) => void,
  ) {
    this.bossDb = pgBossDb(database);
    this.boss = new PgBoss({
      db: this.bossDb,
      schema: 'pgboss',
      // Housekeeping (expiring killed jobs so they retry, archiving) every minute.
      maintenanceIntervalSeconds: 60,
      superviseIntervalSeconds: 60,
      // Periodic jobs are enqueued by timers (sub-minute intervals); pg-boss' cron is not used.
      schedule: false,
    } as never);
    this.boss.on('error', (err) => this.log(err));
  }

  /** Starts pg-boss (creating its schema if needed) and the workers of every defined job. */
  ready(): Promise<void> {
    if (this.stopped) return Promise.reject(new Error('job queue stopped'));
    this.starting ??= (async () => {
      await this.boss.start();
      this.started = true;
      for (const name of definitions.keys()) await this.adopt(name);
    })();
    return this.starting;
  }

  /** Creates job `name`'s queue and, when this process works jobs, its worker (once pg-boss has started). */
  adopt(name: string): Promise<void> {
    if (!this.started || this.stopped) return Promise.resolve();
    let p = this.adopted.get(name);
    if (!p) {
      p = this.createAndWork(name);
      this.adopted.set(name, p);
    }
    return p;
  }

  private async createAndWork(name: string): Promise<void> {
    const def = definitions.get(name)!;
    const policy = def.opts.singletonKey ? 'stately' : 'standard';
    if (!(await this.boss.getQueue(name))) {
      // pg-boss' create_queue attaches a partition without a lock: two at once deadlock (two
      // servers starting, two jobs first queued together). One at a time, across processes.
      // The name passed JOB_NAME, so it is safe as a literal.
      await this.bossDb.executeSql(`BEGIN;
        SELECT pg_advisory_xact_lock(hashtext('baotou.pgboss.create_queue'));
        SELECT pgboss.create_queue('${name}', '${JSON.stringify({ policy })}'::json);
        COMMIT;`);
    }
    if (!this.config.jobs.worker) return;
    await this.boss.work(name, { batchSize: 1, includeMetadata: true, pollingIntervalSeconds: this.config.jobs.pollIntervalSeconds }, async (jobs) => {
      for (const job of jobs) await this.run(job as PgBoss.JobWithMetadata<object>);
    });
  }

  private async run(job: PgBoss.JobWithMetadata<object>): Promise<unknown> {
    const def = definitions.get(job.name);
    if (!def) throw new Error(`job ${job.name} is not defined in this process`);
    const now = new Date();
    await this.db
      .insert(jobRuns)
      .values({ id: job.id, name: job.name, title: titleOf(def), state: 'running', singletonKey: job.singletonKey ?? null, attempts: 1, startedAt: now })
      .onConflictDoUpdate({
        target: jobRuns.id,
        set: {
          state: 'running',
          attempts: sql`${jobRuns.attempts} + 1`,
          startedAt: sql`COALESCE(${jobRuns.startedAt}, ${now.toISOString()}::timestamptz)`,
          finishedAt: null,
        },
      });
    const ctx: JobContext = {
      jobId: job.id,
      progress: async (done, total, note) => {
        await this.db
          .update(jobRuns)
          .set({ progressDone: clampInt(done), progressTotal: clampInt(total), progressNote: note ? Array.from(note).slice(0, 200).join('') : null })
          .where(eq(jobRuns.id, job.id));
      },
    };
    try {
      const result = (await def.handler(job.data, ctx)) ?? null;
      countOutcome(job.name, 'completed');
      if (def.opts.keepCompleted === false) {
        await this.db.delete(jobRuns).where(eq(jobRuns.id, job.id));
      } else {
        await this.db.update(jobRuns).set({ state: 'completed', result, error: null, finishedAt: new Date() }).where(eq(jobRuns.id, job.id));
      }
      return result;
    } catch (err) {
      const last = job.retryCount >= job.retryLimit;
      countOutcome(job.name, last ? 'failed' : 'retried');
      const message = Array.from(err instanceof Error ? err.message : String(err))
        .slice(0, 500)
        .join('');
      await this.db
        .update(jobRuns)
        .set({ state: last ? 'failed' : 'queued', error: message, finishedAt: last ? new Date() : null })
        .where(eq(jobRuns.id, job.id))
        .catch((e) => this.log(e));
      throw err;
    }
  }

  async enqueue(name: string, data: object, actor: Actor | null): Promise<{ jobId: string }> {
    return (await this.submit(name, data, actor))!;
  }

  /**
   * Stores a run of job `name`. With `slotSeconds` (a periodic tick) at most one run per slot of the
   * clock is stored across every server process (pg-boss' singletonSeconds throttle, a unique index on
   * the slot), and a tick whose slot is taken, or whose run is already waiting, stores nothing (null).
   */
  private async submit(name: string, data: object, actor: Actor | null, slotSeconds?: number): Promise<{ jobId: string } | null> {
    const def = definitions.get(name);
    if (!def) throw new Error(`job ${name} is not defined`);
    await this.ready();
    await this.adopt(name);
    const singletonKey = def.opts.singletonKey?.(data as never) ?? null;
    const id = randomUUID();
    // Our record is written BEFORE pg-boss stores the job: a worker may run it, and a run that keeps no
    // record delete its row, before a line after send() would write one — leaving a run queued forever.
    const who = { actorId: actor?.id ?? null, actorName: actor?.name?.slice(0, 60) ?? null, actorRegionCode: actor?.regionCode ?? null };
    await this.db.insert(jobRuns).values({ id, name, title: titleOf(def), singletonKey, ...who });
    const forget = () => this.db.delete(jobRuns).where(eq(jobRuns.id, id));
    const sent = await this.boss
      .send(name, data, {
        id,
        singletonKey: singletonKey ?? undefined,
        retryLimit: def.opts.retryLimit ?? this.config.jobs.retryLimit,
        retryDelay: this.config.jobs.retryDelaySeconds,
        expireInMinutes: this.config.jobs.expireMinutes,
        ...(slotSeconds ? { singletonSeconds: slotSeconds } : {}),
      } as never)
      .catch(async (err: unknown) => {
        await forget();
        throw err;
      });
    if (!sent) await forget();
    if (!sent && slotSeconds) return null;
    if (!sent) {
      // Stately: one of this key already waits; the caller follows that one — the job pg-boss holds (its
      // id is its job_runs row's, written before it was stored), not a row another refused sender is
      // about to delete. Look again for a moment if the one that refused ours has just finished.
      for (let attempt = 0; attempt < 40; attempt++) {
        const { rows } = (await this.db.execute(sql`
          SELECT id FROM pgboss.job WHERE name = ${name} AND singleton_key = ${singletonKey ?? ''} AND state IN ('created', 'retry', 'active')
          ORDER BY created_on DESC LIMIT 1`)) as unknown as { rows: { id: string }[] };
        if (rows[0]) return { jobId: rows[0].id };
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error(`job ${name} (${singletonKey}) was not queued`);
    }
    return { jobId: id };
  }

  /**
   * Enqueues job `name` every `seconds`: every server process ticks, but one run per `seconds` slot
   * is stored across them all (a singleton's run still waiting also absorbs a tick).
   */
  every(name: string, seconds: number, data: object = {}): void {
    const tick = () => void this.submit(name, data, null, seconds).catch((err) => this.log(err));
    const timer = setInterval(tick, seconds * 1000);
    timer.unref();
    this.timers.push(timer);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const t of this.timers) clearInterval(t);
    if (this.starting) {
      await this.starting.catch(() => undefined);
      await this.boss.stop({ graceful: true, wait: true, timeout: 5000 }).catch((err) => this.log(err));
    }
  }
}

function titleOf(def: Definition): string {
  return Array.from(def.opts.title ?? def.name)
    .slice(0, 60)
    .join('');
}

function clampInt(n: number): number {
  return Number.isFinite(n) ? Math.max(0, Math.min(2147483647, Math.trunc(n))) : 0;
}

let runtime: JobRuntime | undefined;

/** Runs this process has finished, by job name and outcome (completed, retried, failed): /api/metrics' jobs_finished_total. */
const outcomes = new Map<string, number>();
function countOutcome(name: string, outcome: 'completed' | 'retried' | 'failed'): void {
  const key = `${name}\n${outcome}`;
  outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
}
export function jobOutcomeCounts(): { name: string; outcome: string; count: number }[] {
  return [...outcomes].map(([key, count]) => {
    const [name, outcome] = key.split('\n');
    return { name, outcome, count };
  });
}

/**
 * Binds the queue to this app's database (createApp calls it): enqueueJob then sends there, and
 * this process works jobs when JOBS_WORKER is on. Closing the database stops the queue first.
 */
export function attachJobQueue(database: Database, config: Config, log: (err: unknown) => void = (e) => console.error('任务队列错误:', e)): void {
  const previous = runtime;
  if (previous) void previous.stop();
  const mine = new JobRuntime(database.db, database, config, log);
  runtime = mine;
  const close = database.close.bind(database);
  database.close = async () => {
    await mine.stop();
    if (runtime === mine) runtime = undefined;
    await close();
  };
}

function current(): JobRuntime {
  if (!runtime) throw new Error('job queue not attached (createApp attaches it)');
  return runtime;
}

/**
 * Queues job `name` with `data` (JSON) for `actor` (null: the system). Resolves once the job is
 * stored (it survives a restart); the handler runs later on some worker. A singleton job with a
 * run of the same key already waiting returns that run's id instead.
 */
export async function enqueueJob<T extends object>(name: string, data: T, actor: Actor | null): Promise<{ jobId: string }> {
  return current().enqueue(name, data, actor);
}

/** Starts the workers now (main.ts), rather than on the first enqueue. */
export async function startJobWorkers(): Promise<void> {
  await current().ready();
}

/** Enqueues singleton job `name` every `seconds` from this process (main.ts' periodic work). */
export function runEvery(name: string, seconds: number, data: object = {}): void {
  current().every(name, seconds, data);
}
