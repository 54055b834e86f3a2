import { createTestApi, type TestApi } from '../../../test/support/api';
import { fundInvariantBreaks } from '../../../test/support/fundInvariant';
import { createNotificationDispatcher } from '../notifications/dispatcher';
import { createTicketNotifier } from '../tickets/notify';
import { definePeriodicJobs } from './periodic';
import { enqueueJob } from './queue';

// Issue 15: ticket escalation runs as a singleton job; a run killed mid-way and run again moves
// every overdue case exactly once (the timeline and the audit agree), and the fund books reconcile.
let t: TestApi;

beforeAll(async () => {
  t = await createTestApi({ JOBS_POLL_INTERVAL_SECONDS: '0.5', JOBS_RETRY_DELAY_SECONDS: '0' });
});
afterAll(async () => {
  await t.close();
});

async function settle(id: string) {
  for (let i = 0; i < 120; i++) {
    const [row] = await t.query<{ state: string; error: string | null }>('SELECT state, error FROM job_runs WHERE id = $1', [id]);
    // keepCompleted: false — a completed periodic run leaves no row.
    if (!row) return 'completed';
    if (row.state === 'failed') return 'failed';
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('job did not settle');
}

test('escalation killed after its first case and run again moves each overdue case once', async () => {
  const overdue = await t.query<{ id: number; level: string; escalation_count: number }>(
    `UPDATE tickets SET due_at = now() - interval '2 hours'
      WHERE id IN (SELECT id FROM tickets WHERE status IN ('submitted','accepted') AND level <> 'district' ORDER BY id LIMIT 4)
      RETURNING id, level, escalation_count`,
  );
  expect(overdue.length).toBe(4);
  const dispatcher = createNotificationDispatcher(t.database.db, t.config);
  const real = createTicketNotifier(t.config, dispatcher);
  let steps = 0;
  let crash = true;
  // The process dies after the first case committed: the second case's transaction is rolled back.
  const dying = {
    ...real,
    step: async (...args: Parameters<typeof real.step>) => {
      if (crash && ++steps === 2) throw new Error('进程被终止');
      return real.step(...args);
    },
  };
  definePeriodicJobs(t.database.db, t.config, { dispatcher, notifier: dying as typeof real });
  const first = await enqueueJob('tickets.escalate', {}, null);
  expect(await settle(first.jobId)).toBe('failed');
  const afterCrash = await t.query<{ n: number }>(`SELECT count(*)::int AS n FROM ticket_events WHERE action = 'escalate' AND ticket_id = ANY($1)`, [
    overdue.map((o) => o.id),
  ]);
  expect(afterCrash[0].n).toBe(1);

  crash = false;
  const again = await enqueueJob('tickets.escalate', {}, null);
  expect(await settle(again.jobId)).toBe('completed');
  const rows = await t.query<{ id: number; escalation_count: number; events: number; audits: number }>(
    `SELECT t.id, t.escalation_count,
            (SELECT count(*)::int FROM ticket_events e WHERE e.ticket_id = t.id AND e.action = 'escalate') AS events,
            (SELECT count(*)::int FROM audit_logs a WHERE a.entity = 'tickets' AND a.entity_id = t.id::text AND a.action = 'escalate') AS audits
       FROM tickets t WHERE t.id = ANY($1) ORDER BY t.id`,
    [overdue.map((o) => o.id)],
  );
  for (const r of rows) {
    const before = overdue.find((o) => o.id === r.id)!;
    expect(r).toMatchObject({ escalation_count: before.escalation_count + 1, events: 1, audits: 1 });
  }
  // A third run at the same moment changes nothing (each case's new deadline lies ahead).
  const third = await enqueueJob('tickets.escalate', {}, null);
  expect(await settle(third.jobId)).toBe('completed');
  const [{ n }] = await t.query<{ n: number }>(`SELECT count(*)::int AS n FROM ticket_events WHERE action = 'escalate' AND ticket_id = ANY($1)`, [
    overdue.map((o) => o.id),
  ]);
  expect(n).toBe(4);
  expect(await fundInvariantBreaks(t)).toEqual([]);
});
