import { format } from 'node:util';
import type { Logger } from 'pino';

/**
 * Makes every line this process writes a JSON line (issue 15, logs): console.* (a library's, or
 * code not handed the logger) goes through `logger` — an Error argument as `err`, the rest as the
 * message — and Node's own warnings (process.emitWarning, e.g. pg-boss' clock-skew warning) too,
 * instead of Node's plain-text "(node:…) Warning" on stderr. For the server process only (main.ts).
 */
export function routeConsoleToLogger(logger: Logger): void {
  const write =
    (level: 'info' | 'warn' | 'error' | 'debug') =>
    (...args: unknown[]) => {
      const err = args.find((a): a is Error => a instanceof Error);
      const rest = args.filter((a) => a !== err);
      const msg = rest.length ? format(...rest) : err?.message;
      if (err) logger[level]({ err }, msg ?? '');
      else logger[level](msg ?? '');
    };
  console.log = write('info');
  console.info = write('info');
  console.warn = write('warn');
  console.error = write('error');
  console.debug = write('debug');
  process.removeAllListeners('warning');
  process.on('warning', (warning) => logger.warn({ err: warning }, warning.message));
}
