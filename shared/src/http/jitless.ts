import { z } from 'zod';

/**
 * For pages under a Content-Security-Policy without 'unsafe-eval' (the console; issue 17): zod 4
 * probes `new Function('')` to decide whether to compile its parsers; the probe's error is caught,
 * but the browser still reports a CSP violation. Jitless parsing skips the probe. zod probes when
 * a schema is built, so call it before any schema module is evaluated: import this file directly
 * (`@baotou/shared/src/http/jitless`), not through the package index, which builds every schema.
 * The server does not need it.
 */
export function parseWithoutEval(): void {
  z.config({ jitless: true });
}
