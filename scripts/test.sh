#!/usr/bin/env bash
# The whole test suite, on a fresh machine with only Node 20 and npm: install, typecheck, lint, build, test.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/pnpm.sh

# The browser tests drive Debian's Chromium; install it when it is missing (the tests fail without it).
if [[ -z "${WAYMARK_CHROMIUM:-}" && ! -x /usr/bin/chromium ]]; then
  as_root=""
  [[ "$(id -u)" -eq 0 ]] || as_root="sudo"
  $as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $as_root apt-get install -y -qq chromium >/dev/null
fi

pnpm install --frozen-lockfile
pnpm -r run typecheck
pnpm run lint
pnpm -r run build

results="$(mktemp -d)/vitest.json"
status=0
pnpm exec vitest run --reporter=default --reporter=json --outputFile.json="$results" || status=$?
node -e '
  const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  console.log(`${r.numPassedTests} passed, ${r.numFailedTests} failed`);
' "$results" || true
exit "$status"
