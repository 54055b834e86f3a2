import { eq, ilike, or, sql } from 'drizzle-orm';
import { JOB_STATES } from '@baotou/shared';
import type { ResourceDef } from '../http/resource';
import { filterValue, likeEscape } from '../http/listQuery';
import { jobRuns } from '../db/schema';

/**
 * Background jobs as the console and GET /api/jobs/:id show them (read only): the city bureau's
 * administrators see every job; anyone else only the jobs they asked for (issue 15).
 * A row presents as { id, name, title, state, progress: {done, total, note}, result, error,
 * attempts, actorName, createdAt, startedAt, finishedAt }.
 */
export function jobsResource(): ResourceDef {
  return {
    name: 'jobs',
    label: '后台任务',
    table: jobRuns,
    id: jobRuns.id,
    idKind: 'code',
    fields: {
      id: jobRuns.id,
      name: jobRuns.name,
      title: jobRuns.title,
      state: jobRuns.state,
      progressDone: jobRuns.progressDone,
      progressTotal: jobRuns.progressTotal,
      progressNote: jobRuns.progressNote,
      result: jobRuns.result,
      error: jobRuns.error,
      attempts: jobRuns.attempts,
      actorName: jobRuns.actorName,
      createdAt: jobRuns.createdAt,
      startedAt: jobRuns.startedAt,
      finishedAt: jobRuns.finishedAt,
    },
    sortable: { createdAt: jobRuns.createdAt, startedAt: jobRuns.startedAt, finishedAt: jobRuns.finishedAt, name: jobRuns.name, state: jobRuns.state },
    defaultSort: ['createdAt', 'DESC'],
    filters: {
      q: (v) => {
        const q = `%${likeEscape(filterValue.string('q', v, 40))}%`;
        return or(ilike(jobRuns.title, q), ilike(jobRuns.name, q));
      },
      name: (v) => eq(jobRuns.name, filterValue.string('name', v, 60)),
      state: (v) => eq(jobRuns.state, filterValue.oneOf('state', v, JOB_STATES)),
    },
    readScope: (actor) => (actor.role === 'city_admin' ? sql`true` : eq(jobRuns.actorId, actor.id)),
    present: ({ progressDone, progressTotal, progressNote, ...row }) => ({
      ...row,
      progress: { done: progressDone, total: progressTotal, note: progressNote },
    }),
  };
}
