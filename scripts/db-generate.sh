#!/usr/bin/env bash
# Generates a SQL migration from server/src/db/schema. drizzle-orm sits in server/node_modules (npm
# nests it there: its optional react-native peers conflict with React 18), where drizzle-kit's
# dynamic import cannot see it, so link it at the root for the run.
set -euo pipefail
cd "$(dirname "$0")/.."
linked=0
if [ ! -e node_modules/drizzle-orm ]; then ln -s ../server/node_modules/drizzle-orm node_modules/drizzle-orm; linked=1; fi
trap '[ $linked = 1 ] && rm -f node_modules/drizzle-orm' EXIT
npx drizzle-kit generate --config server/drizzle.config.ts "$@"
