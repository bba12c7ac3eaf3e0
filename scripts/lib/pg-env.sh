# shellcheck shell=bash
# Sourced: exports the connection settings of the local MedGrid PostgreSQL
# (as set up by scripts/postgres.sh up). Changes no shell options.
#   MEDGRID_PG_USER=medgrid
#   MEDGRID_PG_PASSWORD  (from $ROOT/.cache/secrets/pg-password if it exists)
#   MEDGRID_PG_HOST / MEDGRID_PG_PORT (defaults 127.0.0.1 / 5432)
# shellcheck source-path=SCRIPTDIR source=common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

export MEDGRID_PG_USER="${MEDGRID_PG_USER:-medgrid}"
MEDGRID_PG_PASSWORD_FILE="${MEDGRID_PG_PASSWORD_FILE:-$MEDGRID_CACHE/secrets/pg-password}"
# The secrets file (written by postgres.sh) is the source of truth when present.
if [ -r "$MEDGRID_PG_PASSWORD_FILE" ]; then
  MEDGRID_PG_PASSWORD="$(cat "$MEDGRID_PG_PASSWORD_FILE")"
fi
export MEDGRID_PG_PASSWORD="${MEDGRID_PG_PASSWORD:-}"
export MEDGRID_PG_HOST MEDGRID_PG_PORT
