#!/usr/bin/env node
// Prints the gzip size of the console's initial JavaScript — the entry script in dist/index.html
// plus every chunk it imports statically — and exits 1 over the budget. Lazy chunks (xlsx, ...)
// are listed but not counted: they load only when used.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const BUDGET = 450 * 1024;
const dist = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const htmlPath = join(dist, 'index.html');
if (!existsSync(htmlPath)) {
  console.error(`no ${htmlPath}: run \`npm run build -w admin\` first`);
  process.exit(2);
}
const html = readFileSync(htmlPath, 'utf8');
const base = '/admin/';
const toFile = (url) =>
  url
    .replace(/^https?:\/\/[^/]+/, '')
    .replace(base, '')
    .replace(/^\//, '');

const initial = new Set();
for (const m of html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g)) initial.add(toFile(m[1]));
for (const m of html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)) initial.add(toFile(m[1]));

// Follow static imports through Vite's manifest too, in case a preload link was not emitted.
const manifestPath = join(dist, '.vite', 'manifest.json');
const lazy = new Set();
if (existsSync(manifestPath)) {
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  const byFile = new Map(Object.entries(manifest).map(([key, chunk]) => [chunk.file, { key, ...chunk }]));
  const queue = [...initial];
  while (queue.length) {
    const chunk = byFile.get(queue.shift());
    for (const key of chunk?.imports ?? []) {
      const file = manifest[key]?.file;
      if (file && !initial.has(file)) {
        initial.add(file);
        queue.push(file);
      }
    }
    for (const key of chunk?.dynamicImports ?? []) if (manifest[key]) lazy.add(manifest[key].file);
  }
  for (const f of initial) lazy.delete(f);
}

const gz = (file) => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length;
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
let total = 0;
console.log('initial JS (gzip):');
for (const file of [...initial].filter((f) => f.endsWith('.js'))) {
  const size = gz(file);
  total += size;
  console.log(`  ${file.padEnd(40)} ${kb(size)}`);
}
for (const file of lazy) console.log(`  (lazy) ${file.padEnd(33)} ${kb(gz(file))}`);
console.log(`total initial JS: ${kb(total)} gzip (budget ${kb(BUDGET)})`);
if (total > BUDGET) {
  console.error(`over budget by ${kb(total - BUDGET)}`);
  process.exit(1);
}
