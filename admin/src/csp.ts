// Loaded before the app (index.html): the console's CSP has no 'unsafe-eval' (server/src/http/securityHeaders.ts).
// Imported by path, not from the package index, so it runs before any zod schema is built.
import { parseWithoutEval } from '@baotou/shared/src/http/jitless';

parseWithoutEval();
