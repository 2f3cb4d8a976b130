#!/usr/bin/env bash
# Starts Waymark on this machine with no configuration: installs, builds, and serves on http://127.0.0.1:3000/.
# On the default SQLite file, a first start also fills in a made-up demo provider so there is something to
# see; set WAYMARK_DEMO=off to start empty. A database named by DATABASE_URL is never given demo data here.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/pnpm.sh

pnpm install --frozen-lockfile
pnpm -r run build

if [[ -z "${DATABASE_URL:-}" && "${WAYMARK_DEMO:-on}" != "off" ]]; then
  # --if-empty: only a database with no staff accounts yet gets the demo; later starts just list the sign-ins.
  node packages/api/dist/main.js seed --demo --if-empty
fi
exec node packages/api/dist/main.js
