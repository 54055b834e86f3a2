import http from 'node:http';
import { Client } from 'pg';
import { runLoad } from './load';
import { withPostgres } from './postgres';

/**
 * This machine's speed at what a request spends most on here: a PostgreSQL round trip, i.e. a socket
 * write that wakes a waiting backend and the reply that wakes us. The same code measured 223 req/s
 * filing on one machine and 496–601 on another a day earlier (issue 15's notes), with the CPU's
 * arithmetic equally fast on both; the benches print this line beside their figures so that figures
 * from different machines can be compared.
 *
 * → { roundTripUs: median µs of one connection's `SELECT 1`, one after another (2,000, after 200
 *   unmeasured); selectsPerSecond: `SELECT 1`s answered per second by 10 connections at once for 2 s }.
 */
export async function measureYardstick(url: string): Promise<{ roundTripUs: number; selectsPerSecond: number }> {
  const clients = Array.from({ length: 10 }, () => new Client({ connectionString: url }));
  await Promise.all(clients.map((c) => c.connect()));
  try {
    const one = clients[0];
    for (let i = 0; i < 200; i++) await one.query('SELECT 1');
    const times: number[] = [];
    for (let i = 0; i < 2000; i++) {
      const t0 = process.hrtime.bigint();
      await one.query('SELECT 1');
      times.push(Number(process.hrtime.bigint() - t0) / 1e3);
    }
    times.sort((a, b) => a - b);
    let answered = 0;
    const started = Date.now();
    const deadline = started + 2000;
    await Promise.all(
      clients.map(async (c) => {
        while (Date.now() < deadline) {
          await c.query('SELECT 1');
          answered++;
        }
      }),
    );
    return { roundTripUs: times[Math.floor(times.length / 2)], selectsPerSecond: answered / ((Date.now() - started) / 1000) };
  } finally {
    await Promise.all(clients.map((c) => c.end()));
  }
}

/**
 * Requests per second a node:http server answering a fixed 11-byte JSON body serves to a keep-alive
 * client of 10 connections in the same process, for 2 s: the HTTP floor beneath every API figure.
 */
export async function measureHttpFloor(): Promise<number> {
  const server = http.createServer((_req, res) => {
    res.setHeader('content-type', 'application/json');
    res.end('{"ok":true}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  try {
    return (await runLoad({ port, connections: 10, seconds: 2, path: () => '/' })).rps;
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
}

/** The yardstick as the benches print it (one line, indented as their figures). */
export async function yardstickLine(url: string): Promise<string> {
  const y = await measureYardstick(url);
  const httpFloor = await measureHttpFloor();
  const n = (x: number) => Math.round(x).toLocaleString('en');
  return `  this machine: PostgreSQL round trip p50 ${y.roundTripUs.toFixed(0)} µs, ${n(y.selectsPerSecond)} SELECT 1/s and ${n(httpFloor)} bare HTTP req/s at 10 connections (compare figures across machines with these)`;
}

if (require.main === module) {
  withPostgres('yardstick', async (adminUrl) => console.log(await yardstickLine(adminUrl))).catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
