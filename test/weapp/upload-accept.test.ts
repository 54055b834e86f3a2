/**
 * Issue 15 "One set of rules": which files a picker offers comes from @baotou/shared's upload rules
 * (UPLOAD_ACCEPT, UPLOAD_IMAGE_ACCEPT in shared/src/uploads/rules.ts); no page spells the types itself.
 */
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sources(p));
    else if (/\.(ts|tsx)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) out.push(p);
  }
  return out;
}

test('no file picker in mini/src or admin/src lists the upload types by hand', () => {
  const files = [...sources(path.join(ROOT, 'mini/src')), ...sources(path.join(ROOT, 'admin/src'))];
  const handWritten = files
    .filter((f) => /accept=\{?['"`][^'"`]*(image\/|application\/pdf)/.test(fs.readFileSync(f, 'utf8')))
    .map((f) => path.relative(ROOT, f));
  expect(handWritten).toEqual([]);
});

test('the ticket, work-order and inspection photo pickers take the image types from shared', () => {
  for (const f of [
    'mini/src/packages/tickets/new/index.tsx',
    'mini/src/packages/workorders/detail/index.tsx',
    'mini/src/packages/supervision/inspect/new/index.tsx',
  ]) {
    expect(fs.readFileSync(path.join(ROOT, f), 'utf8')).toMatch(/accept=\{UPLOAD_IMAGE_ACCEPT\}/);
  }
});
