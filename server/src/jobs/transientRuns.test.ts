import { createTestApi, type TestApi } from '../../../test/support/api';
import { defineJob, enqueueJob } from './queue';

/**
 * Issue 15, the 后台任务 page under load: a job that keeps no record once done (the periodic sweeps,
 * `keepCompleted: false`) ran and deleted its job_runs row before its sender wrote the row it writes
 * after pg-boss stores the job — leaving a run "排队中" forever (seen on a two-server trial: 04:43:12.43
 * completed, its queued row written at 04:43:12.51). A slow insert (a database trigger sleeping on
 * the sender's row only) makes that order certain here.
 */
let t: TestApi;
beforeAll(async () => {
  t = await createTestApi({ JOBS_POLL_INTERVAL_SECONDS: '0.5', JOBS_RETRY_DELAY_SECONDS: '0' });
  await t.query(`CREATE FUNCTION slow_sender_row() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF NEW.name = 'test.transient' AND NEW.state = 'queued' THEN PERFORM pg_sleep(3); END IF;
      RETURN NEW;
    END $$`);
  await t.query(`CREATE TRIGGER slow_sender_row BEFORE INSERT ON job_runs FOR EACH ROW EXECUTE FUNCTION slow_sender_row()`);
});
afterAll(() => t.close());

test('a run that keeps no record leaves no row behind, however slowly its sender writes', async () => {
  let runs = 0;
  defineJob(
    'test.transient',
    async () => {
      runs++;
      return { ok: true };
    },
    { keepCompleted: false, retryLimit: 0 },
  );
  const { jobId } = await enqueueJob('test.transient', {}, null);
  for (let i = 0; i < 80 && runs === 0; i++) await new Promise((r) => setTimeout(r, 250));
  expect(runs).toBe(1);
  // the run has deleted its row; give the sender's write time to land if it is still coming
  await new Promise((r) => setTimeout(r, 3500));
  expect(await t.query(`SELECT state FROM job_runs WHERE id = $1`, [jobId])).toEqual([]);
}, 60_000);
