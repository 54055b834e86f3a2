'use strict';
// Weapp main-package size: everything under dist/ except the subpackage roots named in app.json.
// Shared by scripts/size.mjs (CLI) and test/weapp/weapp-build.test.ts.
const fs = require('node:fs');
const path = require('node:path');

const DIST = path.resolve(__dirname, '..', 'dist');
/** WeChat's hard limit is 2 MB; our budget keeps the entry fast to download on a first scan. */
const BUDGET_BYTES = 600 * 1024;

function readAppJson(dist = DIST) {
  return JSON.parse(fs.readFileSync(path.join(dist, 'app.json'), 'utf8'));
}

function subpackageRoots(appJson) {
  const subs = [...(appJson.subPackages || []), ...(appJson.subpackages || [])];
  return subs.map((s) => s.root.replace(/^\/+|\/+$/g, ''));
}

function walk(dir, rel, excluded, out) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const relPath = rel ? `${rel}/${entry.name}` : entry.name;
    if (excluded.some((root) => relPath === root || relPath.startsWith(`${root}/`))) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, relPath, excluded, out);
    else if (entry.isFile()) out.push({ file: relPath, bytes: fs.statSync(full).size });
  }
  return out;
}

/** { bytes, files: [{file, bytes}], roots } for the main package of the weapp build in `dist`. */
function mainPackageSize(dist = DIST) {
  const roots = subpackageRoots(readAppJson(dist));
  const files = walk(dist, '', roots, []).sort((a, b) => b.bytes - a.bytes);
  return { bytes: files.reduce((sum, f) => sum + f.bytes, 0), files, roots };
}

module.exports = { DIST, BUDGET_BYTES, readAppJson, subpackageRoots, mainPackageSize };
