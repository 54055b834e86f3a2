/**
 * Node's arguments for a server a bench forks: TypeScript through tsx, and with BENCH_CPU_PROF=<dir>
 * a V8 CPU profile written there as the server ends (open it in Chrome's DevTools).
 */
export function benchExecArgv(): string[] {
  const dir = process.env.BENCH_CPU_PROF;
  return ['--import', 'tsx', ...(dir ? ['--cpu-prof', `--cpu-prof-dir=${dir}`] : [])];
}
