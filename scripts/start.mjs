// `npm start`: the whole platform on one port. Starts the server at once (embedded PGlite unless
// DATABASE_URL is set; demo data on first start) and builds any front end not yet built in the
// background — until then its URL answers 503 with a note — so the API is ready in seconds.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

if (!fs.existsSync(path.join(root, 'node_modules', '.bin', 'tsx'))) {
  console.error('依赖尚未安装：请先运行 npm ci（或 npm install）');
  process.exit(1);
}

const builds = [
  { name: '管理后台', marker: 'admin/dist/index.html', args: ['run', 'build', '-w', 'admin'] },
  { name: '小程序H5', marker: 'mini/dist-h5/index.html', args: ['run', 'build:h5', '-w', 'mini'] },
].filter((b) => !fs.existsSync(path.join(root, b.marker)));

const server = spawn(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), path.join(root, 'server/src/main.ts')], {
  cwd: root,
  stdio: 'inherit',
});
server.on('exit', (code) => process.exit(code ?? 0));
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => server.kill(sig));

// One build at a time: the H5 build alone peaks near 0.7 GB.
(async () => {
  for (const b of builds) {
    const started = Date.now();
    console.log(`[构建] ${b.name} 开始构建…`);
    const code = await new Promise((resolve) => {
      const p = spawn(npm, b.args, { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
      let err = '';
      p.stderr.on('data', (d) => (err = (err + d).slice(-4000)));
      p.on('exit', (c) => {
        if (c !== 0) process.stderr.write(err);
        resolve(c);
      });
    });
    console.log(code === 0 ? `[构建] ${b.name} 完成 (${((Date.now() - started) / 1000).toFixed(1)} s)` : `[构建] ${b.name} 失败 (exit ${code})`);
  }
})();
