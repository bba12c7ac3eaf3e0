#!/usr/bin/env bash
# Stops what scripts/up.sh started: the services (by their pids), Prometheus, Jaeger, Kafka, and
# PostgreSQL if the project started it. Data stays in .run/ and .cache/prometheus for the next up (Jaeger's traces
# are in memory: they go with it).
#   scripts/down.sh                   everything
#   scripts/down.sh --keep-postgres   the services, Prometheus, Jaeger and Kafka
#   scripts/down.sh --services        the services only (PostgreSQL, Kafka, Prometheus and Jaeger keep running)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
# shellcheck source-path=SCRIPTDIR source=lib/common.sh
source "$here/lib/common.sh"
MEDGRID_LOG_TAG=down
for pidfile in "$MEDGRID_RUN"/*.pid; do
  [ -e "$pidfile" ] || continue
  pid="$(cat "$pidfile")"
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid"
    gone() { ! kill -0 "$pid" 2>/dev/null; }
    wait_until 20 "$(basename "$pidfile" .pid) to stop" gone || kill -KILL "$pid" 2>/dev/null || true
    log "stopped $(basename "$pidfile" .pid)"
  fi
  rm -f "$pidfile"
done
[ "${1:-}" = "--services" ] && exit 0
bash "$here/prometheus.sh" stop
bash "$here/jaeger.sh" stop
bash "$here/kafka.sh" down
[ "${1:-}" = "--keep-postgres" ] || bash "$here/postgres.sh" down
