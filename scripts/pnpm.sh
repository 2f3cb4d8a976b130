# Sourced by the other scripts: runs the pinned pnpm through npx, so a machine needs only Node and npm.
PNPM_VERSION="10.34.8"
pnpm() { npx -y "pnpm@${PNPM_VERSION}" "$@"; }
