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

# Two streams share the 2 cores: A runs the unit, API and contract suites (which need no build),
# then type-checks; B builds the front ends, then runs the journeys and the weapp checks. The demo
# template database is built once, before either starts, and each test file clones it.
LOGS=$(mktemp -d /tmp/bt-test-XXXXXX)
echo "== preparing the template database"
npx tsx test/support/prepareTemplate.ts || { echo "0 passed, 1 failed"; exit 1; }
export BT_TEMPLATE_READY=1

stream_a() {
  local failed=0
  npx jest --ci --runInBand --json --outputFile="$LOGS/a.json" --selectProjects shared config admin server
  # Every workspace type-checks (issue 15); a type error counts as a failure like a broken build.
  if [ "${SKIP_TYPECHECK:-0}" != 1 ]; then
    echo "== type-checking every workspace"
    npm run typecheck >"$LOGS/typecheck.log" 2>&1 || { failed=$((failed + 1)); grep -m 40 "error TS" "$LOGS/typecheck.log" || tail -30 "$LOGS/typecheck.log"; }
  fi
  # One linter for the repository (issue 15): an eslint error counts as a failure; warnings do not.
  if [ "${SKIP_LINT:-0}" != 1 ]; then
    echo "== linting"
    npm run lint >"$LOGS/lint.log" 2>&1 || { failed=$((failed + 1)); grep -B1 -m 40 " error " "$LOGS/lint.log" || tail -30 "$LOGS/lint.log"; }
    # One formatter: a file prettier would change counts as a failure (`npm run format` fixes it).
    npm run format:check >"$LOGS/format.log" 2>&1 || { failed=$((failed + 1)); grep -m 40 "\[warn\]" "$LOGS/format.log" || tail -30 "$LOGS/format.log"; }
  fi
  echo "$failed" >"$LOGS/a.extra"
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
}

stream_b() {
  build_front_ends
  npx jest --ci --runInBand --json --outputFile="$LOGS/b.json" --selectProjects e2e
}

echo "== running tests"
if [ $# -gt 0 ]; then
  # Arguments (a path, -t …) select tests: the builds, then one jest run over them.
  build_front_ends
  npx jest --ci --runInBand --json --outputFile="$LOGS/a.json" "$@"
  echo 0 >"$LOGS/a.extra"
else
  stream_a 2>&1 | sed -u 's/^/[api] /' &
  pid_a=$!
  stream_b 2>&1 | sed -u 's/^/[web] /' &
  pid_b=$!
  wait $pid_a
  wait $pid_b
fi

node -e '
  const fs = require("fs");
  const dir = process.argv[1];
  let passed = 0, failed = 0, ok = true;
  for (const s of ["a", "b"]) {
    const extra = fs.existsSync(`${dir}/${s}.extra`) ? Number(fs.readFileSync(`${dir}/${s}.extra`, "utf8")) : 0;
    failed += extra;
    if (!fs.existsSync(`${dir}/${s}.json`)) { if (s === "a" || process.argv[2] === "0") { failed += 1; ok = false; } continue; }
    const r = JSON.parse(fs.readFileSync(`${dir}/${s}.json`, "utf8"));
    passed += r.numPassedTests;
    failed += r.numFailedTests + (r.numRuntimeErrorTestSuites || 0);
    if (!r.success) ok = false;
  }
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(ok && failed === 0 ? 0 : 1);
' "$LOGS" "$#"
status=$?
rm -rf "$LOGS"
exit $status

