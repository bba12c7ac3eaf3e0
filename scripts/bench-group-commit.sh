#!/usr/bin/env bash
# Group commit's two ways of writing a batch (decision 0014), measured against each other in one run: AtomicInserts'
# VALUES list (a parameter a value, a text a batch size, parsed and planned each time) and its columnar form (an
# array a column, unnested, one prepared text). Many writers hand a prescription check's record and its audit row
# to one CallBatcher, as CheckPrescription does; the script prints checks a second and the CPU a check of node and
# of PostgreSQL's backends for each way, in turns. A benchmark, not a test: CI does not run it. Needs PostgreSQL
# (scripts/postgres.sh up, or scripts/up.sh) and @medgrid/database built (nx build, which up.sh runs).
#
#   scripts/bench-group-commit.sh
#
# Settings (environment): BENCH_WRITERS=100 (callers at once), BENCH_SECONDS=8 (a turn),
# BENCH_MODES=values,columnar,values,columnar (the turns), BENCH_DB=medgrid_group_commit_bench (dropped at the end)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
# shellcheck disable=SC2034 # read by log()/die() in lib/common.sh
MEDGRID_LOG_TAG=bench
# shellcheck source-path=SCRIPTDIR source=lib/node.sh
source "$here/lib/node.sh"
medgrid_ensure_node
# shellcheck source-path=SCRIPTDIR source=lib/services.sh
source "$here/lib/services.sh"
cd "$MEDGRID_ROOT"

: "${BENCH_DB:=medgrid_group_commit_bench}"
[ -f libs/platform/database/dist/index.js ] || die "@medgrid/database is not built: run scripts/up.sh or nx build"
admin() { PGPASSWORD="$MEDGRID_PG_PASSWORD" psql -h "$MEDGRID_PG_HOST" -p "$MEDGRID_PG_PORT" -U "$MEDGRID_PG_USER" -d postgres -qAt "$@"; }
admin -c "DROP DATABASE IF EXISTS $BENCH_DB" -c "CREATE DATABASE $BENCH_DB"
trap 'admin -c "DROP DATABASE IF EXISTS $BENCH_DB WITH (FORCE)" || true' EXIT
log "load average $(cut -d' ' -f1-3 /proc/loadavg) (2 cores: the figures mean most on a quiet machine)"
BENCH_URL="postgres://$MEDGRID_PG_USER:$MEDGRID_PG_PASSWORD@$MEDGRID_PG_HOST:$MEDGRID_PG_PORT/$BENCH_DB" \
  BENCH_DB="$BENCH_DB" node bench/database/group-commit.cjs
