import http from 'node:http';

export interface LoadResult {
  requests: number;
  errors: number;
  seconds: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
}

/** Keeps `connections` requests in flight for `seconds`, each to a fresh path; exact percentiles. */
export interface LoadRequest {
  path: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: unknown;
}

export async function runLoad(opts: {
  port: number;
  connections: number;
  seconds: number;
  path?: () => string;
  headers?: Record<string, string>;
  /** Instead of path/headers: a request per call, e.g. a POST with a body. */
  request?: () => LoadRequest;
  /** Status counted as success (default 200). */
  okStatus?: number;
}): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: opts.connections });
  const latencies: number[] = [];
  let errors = 0;
  const deadline = Date.now() + opts.seconds * 1000;
  const started = process.hrtime.bigint();
  const one = () =>
    new Promise<void>((resolve) => {
      const r: LoadRequest = opts.request ? opts.request() : { path: opts.path!(), headers: opts.headers };
      const payload = r.body === undefined ? undefined : JSON.stringify(r.body);
      const headers = { ...r.headers, ...(payload ? { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(payload)) } : {}) };
      const t0 = process.hrtime.bigint();
      const req = http.request({ host: '127.0.0.1', port: opts.port, path: r.path, method: r.method ?? 'GET', agent, headers }, (res) => {
        res.resume();
        res.on('end', () => {
          if (res.statusCode !== (opts.okStatus ?? 200)) errors++;
          latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
          resolve();
        });
      });
      req.on('error', () => {
        errors++;
        resolve();
      });
      req.end(payload);
    });
  await Promise.all(
    Array.from({ length: opts.connections }, async () => {
      while (Date.now() < deadline) await one();
    }),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))];
  return { requests: latencies.length, errors, seconds, rps: latencies.length / seconds, p50: pct(50), p95: pct(95), p99: pct(99) };
}
