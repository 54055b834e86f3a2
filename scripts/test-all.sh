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

echo "== building front ends"
build_failed=0
if [ "${SKIP_BUILD:-0}" != 1 ]; then
  npm run build -w admin >/tmp/bt-build-admin.log 2>&1 || { build_failed=1; tail -30 /tmp/bt-build-admin.log; }
  npm run build:h5 -w mini >/tmp/bt-build-h5.log 2>&1 || { build_failed=1; tail -30 /tmp/bt-build-h5.log; }
  # Taro's weapp build has been seen to lose its app config once under load: one retry, then it counts.
  npm run build:weapp -w mini >/tmp/bt-build-weapp.log 2>&1 || npm run build:weapp -w mini >/tmp/bt-build-weapp.log 2>&1 || { build_failed=1; tail -30 /tmp/bt-build-weapp.log; }
fi

# Every workspace type-checks (issue 15); a type error counts as a failure like a broken build.
echo "== type-checking every workspace"
if [ "${SKIP_TYPECHECK:-0}" != 1 ]; then
  npm run typecheck >/tmp/bt-typecheck.log 2>&1 || { build_failed=$((build_failed + 1)); grep -m 40 "error TS" /tmp/bt-typecheck.log || tail -30 /tmp/bt-typecheck.log; }
fi

echo "== running tests"
REPORT=$(mktemp /tmp/bt-jest-XXXXXX.json)
npx jest --ci --runInBand --json --outputFile="$REPORT" "$@"
jest_status=$?

node -e '
  const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  const failed = r.numFailedTests + (r.numRuntimeErrorTestSuites || 0) + Number(process.argv[2]);
  console.log(`${r.numPassedTests} passed, ${failed} failed`);
' "$REPORT" "$build_failed" 2>/dev/null || echo "0 passed, 1 failed"
rm -f "$REPORT"
[ $jest_status = 0 ] && [ $build_failed = 0 ]
