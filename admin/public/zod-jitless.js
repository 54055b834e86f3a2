// Runs before any module of the console (a classic script, so before every deferred module chunk):
// zod 4 probes `new Function('')` when a schema is built unless jitless, and under the console's CSP
// (no 'unsafe-eval') the caught probe is still reported as a violation. zod reads its configuration
// from this global (zod/v4/core/core.js); src/csp.ts sets the same through z.config() as well.
globalThis.__zod_globalConfig = Object.assign(globalThis.__zod_globalConfig || {}, { jitless: true });
