import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { freePort } from '../../../test/support/freePort';

/**
 * Issue 15, the standby recipe as an operator types it (docs/OPERATIONS.md § A standby database):
 * `scripts/pg-standby.sh primary <dir> <port>` with a folder relative to where they stand, and one
 * with a space in its name. The socket folder was passed to PostgreSQL as given, which reads it
 * relative to its data folder: the primary never started ("could not create lock file").
 */
const run = promisify(execFile);
const SCRIPT = path.resolve(__dirname, '../../../scripts/pg-standby.sh');
let cwd: string;
beforeAll(() => {
  cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'bt-standby-script-'));
  fs.chmodSync(cwd, 0o755); // the postgres user must reach the folder below it
});
afterAll(async () => {
  await run('bash', [SCRIPT, 'stop', 'standby trial'], { cwd }).catch(() => undefined);
  fs.rmSync(cwd, { recursive: true, force: true });
});

test('a relative folder with a space: the primary starts and answers on its port', async () => {
  const port = await freePort();
  const { stdout } = await run('bash', [SCRIPT, 'primary', 'standby trial', String(port)], { cwd, timeout: 60_000 });
  expect(stdout.trim()).toBe(`postgresql://postgres@127.0.0.1:${port}/postgres`);
  const { Client } = await import('pg');
  const c = new Client({ connectionString: stdout.trim() });
  await c.connect();
  try {
    expect((await c.query(`SHOW wal_level`)).rows).toEqual([{ wal_level: 'replica' }]);
  } finally {
    await c.end();
  }
  expect(fs.existsSync(path.join(cwd, 'standby trial', 'primary', 'PG_VERSION'))).toBe(true);
}, 90_000);
