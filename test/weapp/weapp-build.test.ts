/**
 * The weapp build (mini/dist, from `npm run build:weapp -w mini`) has the pages WeChat will load
 * and its main package stays within budget (mini/scripts/size-lib.cjs, also behind `npm run size -w mini`).
 */
import fs from 'node:fs';
import path from 'node:path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const sizeLib = require('../../mini/scripts/size-lib.cjs') as {
  DIST: string;
  BUDGET_BYTES: number;
  readAppJson: (dist?: string) => any;
  mainPackageSize: (dist?: string) => { bytes: number; files: { file: string; bytes: number }[]; roots: string[] };
};

// The minifier may write Chinese string literals as \uXXXX escapes.
function mentions(js: string, text: string): boolean {
  const escaped = [...text].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('');
  return js.includes(text) || js.toLowerCase().includes(escaped);
}

const MAIN_PAGES = ['pages/scan/index', 'pages/home/index', 'pages/me/index'];

describe('weapp build', () => {
  beforeAll(() => {
    if (!fs.existsSync(path.join(sizeLib.DIST, 'app.json'))) {
      throw new Error('mini/dist/app.json is missing: run `npm run build:weapp -w mini` before the tests');
    }
  });

  test('app.json lists the main pages, entry first, and the places subpackage', () => {
    const app = sizeLib.readAppJson();
    expect(app.pages).toEqual(MAIN_PAGES);
    const subs = [...(app.subPackages ?? []), ...(app.subpackages ?? [])];
    expect(subs).toContainEqual(expect.objectContaining({ root: 'packages/places', pages: expect.arrayContaining(['bind/index']) }));
  });

  test('every page has its compiled js, json and wxml', () => {
    const app = sizeLib.readAppJson();
    const subPages = [...(app.subPackages ?? []), ...(app.subpackages ?? [])].flatMap((s: { root: string; pages: string[] }) =>
      s.pages.map((p) => `${s.root}/${p}`),
    );
    for (const page of [...app.pages, ...subPages]) {
      for (const ext of ['js', 'json', 'wxml']) {
        expect(fs.existsSync(path.join(sizeLib.DIST, `${page}.${ext}`))).toBe(true);
      }
    }
  });

  test('the bind page ships in its subpackage, not in the main package', () => {
    const bindJs = fs.readFileSync(path.join(sizeLib.DIST, 'packages/places/bind/index.js'), 'utf8');
    expect(mentions(bindJs, '提交绑定')).toBe(true);
    const mainJs = sizeLib.mainPackageSize().files.filter((f) => f.file.endsWith('.js'));
    for (const f of mainJs) {
      expect({ file: f.file, hasBindCode: mentions(fs.readFileSync(path.join(sizeLib.DIST, f.file), 'utf8'), '提交绑定') }).toEqual({
        file: f.file,
        hasBindCode: false,
      });
    }
  });

  test('main package is within 600 KB', () => {
    const { bytes } = sizeLib.mainPackageSize();
    expect(sizeLib.BUDGET_BYTES).toBe(600 * 1024);
    expect(bytes).toBeGreaterThan(100 * 1024); // a real build, not an empty folder
    expect(bytes).toBeLessThanOrEqual(sizeLib.BUDGET_BYTES);
  });
});
