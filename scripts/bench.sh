#!/usr/bin/env bash
# Benchmarks Waymark against the best hand-written SQL over the same database (issue #6): installs, builds,
# generates a synthetic provider once (cached in .bench/), then runs packages/api/bench/run.ts, which prints
# the table and the budgets' verdicts, writes docs/performance.md, and exits non-zero when a budget fails.
#
#   BENCH_PEOPLE        people in the synthetic provider (default 100000)
#   BENCH_SECONDS       seconds per load step (default 10)
#   BENCH_SOAK_SECONDS  seconds of the 50-client soak (default 60)
#   BENCH_DATABASE      benchmark this SQLite file instead of a generated one (the write workload adds
#                       contacts to it: never point it at a live database)
#   BENCH_REPORT        where to write the report (default docs/performance.md; "-" for none)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/pnpm.sh

pnpm install --frozen-lockfile
pnpm --filter @waymark/api run build

people="${BENCH_PEOPLE:-100000}"
if [[ -z "${BENCH_DATABASE:-}" ]]; then
  mkdir -p .bench
  BENCH_DATABASE="$PWD/.bench/synthetic-${people}.sqlite"
  if [[ ! -f "$BENCH_DATABASE" ]]; then
    # Generated under another name and renamed when complete, so an interrupted run is never taken for a cached one.
    partial="$PWD/.bench/synthetic-${people}.partial.sqlite"
    rm -f "$partial" "$partial-wal" "$partial-shm"
    DATABASE_URL="$partial" node packages/api/dist/main.js seed --synthetic --people "$people"
    mv "$partial" "$BENCH_DATABASE"
  fi
fi
export BENCH_DATABASE="$(cd "$(dirname "$BENCH_DATABASE")" && pwd)/$(basename "$BENCH_DATABASE")"

cd packages/api
exec node --import tsx bench/run.ts
