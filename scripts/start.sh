#!/usr/bin/env bash
# Starts Waymark on this machine with no configuration: installs, builds, and serves on http://127.0.0.1:3000/.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/pnpm.sh

pnpm install --frozen-lockfile
pnpm -r run build
exec node packages/api/dist/main.js
