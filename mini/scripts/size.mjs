#!/usr/bin/env node
// Prints the weapp main-package size (run `npm run build:weapp -w mini` first); exits 1 over budget.
import { createRequire } from 'node:module';

const { BUDGET_BYTES, mainPackageSize } = createRequire(import.meta.url)('./size-lib.cjs');

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
let result;
try {
  result = mainPackageSize();
} catch (e) {
  console.error(`cannot read the weapp build (mini/dist/app.json): ${e.message}`);
  process.exit(2);
}
for (const f of result.files.slice(0, 10)) console.log(`${kb(f.bytes).padStart(10)}  ${f.file}`);
console.log(`subpackages excluded: ${result.roots.join(', ') || '(none)'}`);
const over = result.bytes > BUDGET_BYTES;
console.log(`weapp main package: ${kb(result.bytes)} (${result.bytes} bytes), budget ${kb(BUDGET_BYTES)}${over ? ' — OVER BUDGET' : ''}`);
process.exit(over ? 1 : 0);
