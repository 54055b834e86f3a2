#!/usr/bin/env bash
# The README's test command: installs what is missing, starts a throwaway PostgreSQL (unless
# TEST_DATABASE_URL is given), builds the front ends, runs every jest project (unit, API,
# contract, weapp build check, browser journeys) and ends with one line "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

bash scripts/ensure-system-deps.sh || { echo "0 passed, 1 failed"; exit 1; }
[ -d node_modules/.bin ] && [ -x node_modules/.bin/jest ] || npm ci --no-audit --no-fund || { echo "0 passed, 1 failed"; exit 1; }

PG_DIR=""
cleanup() { [ -n "$PG_DIR" ] && bash scripts/pg-temp.sh stop "$PG_DIR"; [ -n "$PG_DIR" ] && rm -rf "$PG_DIR"; }
trap cleanup EXIT
if [ -z "${TEST_DATABASE_URL:-}" ]; then
  PG_DIR=$(mktemp -d /tmp/bt-pg-XXXXXX)
  PG_PORT=${TEST_PG_PORT:-$((40000 + RANDOM % 20000))}
  TEST_DATABASE_URL=$(bash scripts/pg-temp.sh start "$PG_DIR" "$PG_PORT") || { cat "$PG_DIR"/*.log; echo "0 passed, 1 failed"; exit 1; }
fi
export TEST_DATABASE_URL
unset DATABASE_URL

# Two streams share the 2 cores: A runs the unit, API and contract suites (which need no build);
# B builds the front ends, then runs the journeys and the weapp checks; then each takes from the
# tail below (the slowest suites, type-check, lint, format) until none is left. The demo template
# database is built once, before either starts, and each test file clones it.
LOGS=$(mktemp -d /tmp/bt-test-XXXXXX)
echo "== preparing the template database"
npx tsx test/support/prepareTemplate.ts || { echo "0 passed, 1 failed"; exit 1; }
export BT_TEMPLATE_READY=1

# Work either stream takes once its own is done (claimed by mkdir, so each runs exactly once), longest
# first: whichever stream is free first takes the next, so the two end close together (CI's 20 minutes).
# A file in a tail is left out of its stream's own jest run; a pattern matching nothing is no error.
SERVER_TAIL=(server/src/ops/backup.test.ts server/src/db/pglite.test.ts server/src/auth/signInGuard.pglite.test.ts server/src/jobs/queue.test.ts)
E2E_TAIL=(test/e2e/admin-every-page.test.ts)
TAIL=(server e2e lint typecheck format)

# One jest run whose results file must exist at the end (a run that died without one counts as failed).
run_jest() {
  local name=$1
  shift
  touch "$LOGS/$name.expected"
  npx jest --ci --runInBand --json --outputFile="$LOGS/$name.json" "$@"
}

ignoring() { printf '%s\n' --testPathIgnorePatterns /node_modules/ "$@"; }

run_tail_unit() {
  local failed=0
  case $1 in
    server) echo "== server suites: ${SERVER_TAIL[*]}" && run_jest tail-server --selectProjects server --passWithNoTests "${SERVER_TAIL[@]}" ;;
    e2e)
      # Journeys need the built front ends (stream B builds them first).
      while [ ! -f "$LOGS/built" ]; do sleep 2; done
      echo "== journeys: ${E2E_TAIL[*]}"
      run_jest tail-e2e --selectProjects e2e --passWithNoTests "${E2E_TAIL[@]}"
      ;;
    typecheck)
      # Every workspace type-checks (issue 15); a type error counts as a failure like a broken build.
      if [ "${SKIP_TYPECHECK:-0}" != 1 ]; then
        echo "== type-checking every workspace"
        npm run typecheck >"$LOGS/typecheck.log" 2>&1 || { failed=1; grep -m 40 "error TS" "$LOGS/typecheck.log" || tail -30 "$LOGS/typecheck.log"; }
      fi
      ;;
    lint)
      # One linter for the repository (issue 15): an eslint error counts as a failure; warnings do not.
      if [ "${SKIP_LINT:-0}" != 1 ]; then
        echo "== linting"
        npm run lint >"$LOGS/lint.log" 2>&1 || { failed=1; grep -B1 -m 40 " error " "$LOGS/lint.log" || tail -30 "$LOGS/lint.log"; }
      fi
      ;;
    format)
      # One formatter: a file prettier would change counts as a failure (`npm run format` fixes it).
      if [ "${SKIP_LINT:-0}" != 1 ]; then
        echo "== checking the format"
        npm run format:check >"$LOGS/format.log" 2>&1 || { failed=1; grep -m 40 "\[warn\]" "$LOGS/format.log" || tail -30 "$LOGS/format.log"; }
      fi
      ;;
  esac
  echo "$failed" >"$LOGS/tail-$1.extra"
}

run_tail() {
  local unit
  for unit in "${TAIL[@]}"; do
    mkdir "$LOGS/claimed-$unit" 2>/dev/null && run_tail_unit "$unit"
  done
}

stream_a() {
  mapfile -t skip < <(ignoring "${SERVER_TAIL[@]}")
  run_jest a --selectProjects shared config admin server "${skip[@]}"
  run_tail
}

build_front_ends() {
  local failed=0
  if [ "${SKIP_BUILD:-0}" != 1 ]; then
    echo "== building front ends"
    npm run build -w admin >"$LOGS/build-admin.log" 2>&1 || { failed=1; tail -30 "$LOGS/build-admin.log"; }
    npm run build:h5 -w mini >"$LOGS/build-h5.log" 2>&1 || { failed=1; tail -30 "$LOGS/build-h5.log"; }
    # Taro's weapp build has been seen to lose its app config once under load: one retry, then it counts.
    npm run build:weapp -w mini >"$LOGS/build-weapp.log" 2>&1 || npm run build:weapp -w mini >"$LOGS/build-weapp.log" 2>&1 || { failed=1; tail -30 "$LOGS/build-weapp.log"; }
  fi
  echo "$failed" >"$LOGS/b.extra"
  touch "$LOGS/built"
}

stream_b() {
  build_front_ends
  mapfile -t skip < <(ignoring "${E2E_TAIL[@]}")
  run_jest b --selectProjects e2e "${skip[@]}"
  run_tail
}

echo "== running tests"
if [ $# -gt 0 ]; then
  # Arguments (a path, -t …) select tests: the builds, then one jest run over them.
  build_front_ends
  run_jest a "$@"
else
  stream_a 2>&1 | sed -u 's/^/[api] /' &
  pid_a=$!
  stream_b 2>&1 | sed -u 's/^/[web] /' &
  pid_b=$!
  wait $pid_a
  wait $pid_b
fi

# Every jest run's results and every check's failures, each counted once.
node -e '
  const fs = require("fs");
  const dir = process.argv[1];
  let passed = 0, failed = 0, ok = true;
  for (const f of fs.readdirSync(dir)) {
    if (f.endsWith(".extra")) failed += Number(fs.readFileSync(`${dir}/${f}`, "utf8")) || 0;
    if (!f.endsWith(".expected")) continue;
    const json = `${dir}/${f.replace(/\.expected$/, ".json")}`;
    if (!fs.existsSync(json)) { failed += 1; ok = false; continue; }
    const r = JSON.parse(fs.readFileSync(json, "utf8"));
    passed += r.numPassedTests;
    failed += r.numFailedTests + (r.numRuntimeErrorTestSuites || 0);
    if (!r.success) ok = false;
  }
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(ok && failed === 0 ? 0 : 1);
' "$LOGS"
status=$?
rm -rf "$LOGS"
exit $status

