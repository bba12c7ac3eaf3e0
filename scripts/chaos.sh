#!/usr/bin/env bash
# Crashes and faults under load (tests/e2e/src/chaos; docs/reliability.md, "Crashes and faults"): the real
# cross-service flows (referrals, bookings, lab orders, prescription checks, claims to settlement) run at a steady
# rate while a seeded scheduler SIGKILLs a service, the Kafka broker or PostgreSQL (an immediate stop) at a random
# moment and starts it again; once quiet, every flow must have finished, every effect exist once, every outbox be
# drained and every dead-letter topic be empty. Each run prints its seed.
#
#   scripts/chaos.sh                          the full suite: 100 seeded runs, a new base seed
#   scripts/chaos.sh --runs 2 --seed 20261206 --faults 2   the short run scripts/test.sh makes
#   scripts/chaos.sh --seed N --runs 1        replays run N (its faults, their moments and the flows)
#   scripts/chaos.sh --targets payment,kafka  kills only the processes named (registry, referral, scheduling,
#                                             lab-sharing, pharmacy, payment, kafka, postgres)
#
# Needs the services built, PostgreSQL's server installed (scripts/postgres.sh up) and Java for the broker
# (scripts/kafka.sh's jars). Leaves a running platform alone: the services, a Kafka broker and a PostgreSQL cluster
# (initdb'd into a temporary directory, its own port) are the run's own, and only they are ever killed.
set -euo pipefail

# shellcheck disable=SC2034 # read by log()/die() in lib/common.sh
MEDGRID_LOG_TAG=chaos
# shellcheck source-path=SCRIPTDIR source=lib/node.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/node.sh"
# shellcheck source-path=SCRIPTDIR source=lib/services.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/services.sh"
# shellcheck source-path=SCRIPTDIR source=lib/own-broker.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/own-broker.sh"
# shellcheck source-path=SCRIPTDIR source=lib/pg-cluster.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/pg-cluster.sh"

usage() { awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "${BASH_SOURCE[0]}" >&2; exit 2; }
CHAOS_RUNS=100
CHAOS_SEED=""
CHAOS_FAULTS=""
CHAOS_TARGETS=""
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) CHAOS_RUNS="${2:?}"; shift 2 ;;
    --seed) CHAOS_SEED="${2:?}"; shift 2 ;;
    --faults) CHAOS_FAULTS="${2:?}"; shift 2 ;;
    --targets) CHAOS_TARGETS="${2:?}"; shift 2 ;;
    *) usage ;;
  esac
done
[ -n "$CHAOS_SEED" ] || CHAOS_SEED=$(( $(od -An -N4 -tu4 /dev/urandom) % 2147483647 ))
export CHAOS_RUNS CHAOS_SEED CHAOS_FAULTS CHAOS_TARGETS

medgrid_require_built registry referral scheduling lab-sharing pharmacy payment

WORK="$(mktemp -d "${TMPDIR:-/tmp}/medgrid-chaos.XXXXXX")"
chmod 755 "$WORK" # the cluster runs as postgres and lives inside
cleanup() {
  # The broker and cluster of the run's own, by pid file and data directory, never by name.
  medgrid_own_broker_down "$WORK"
  pg_cluster_stop "$WORK/pg" >/dev/null 2>&1 || true
  if [ -n "${MEDGRID_CHAOS_KEEP:-}" ]; then log "kept $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
PG_PORT=$(medgrid_free_port)
PG_PASSWORD="$(openssl rand -hex 16)"
pg_cluster_init "$WORK/pg" "$PG_PORT" "$PG_PASSWORD"
medgrid_own_broker_up "$WORK" "the chaos run"
log "seed $CHAOS_SEED, $CHAOS_RUNS runs; a Kafka broker of its own on 127.0.0.1:$OWN_BROKER_PORT, PostgreSQL on 127.0.0.1:$PG_PORT"

# What the driver needs to crash and restart the broker and the cluster, the way this script started them.
export CHAOS_KAFKA_RUN="$WORK/run" CHAOS_KAFKA_LOGS="$WORK/logs" CHAOS_KAFKA_PORT="$OWN_BROKER_PORT"
export CHAOS_KAFKA_CONTROLLER_PORT="$OWN_CONTROLLER_PORT" CHAOS_PG_DIR="$WORK/pg" CHAOS_LOGS="$WORK/logs"
export MEDGRID_TEST_PG_URL="postgres://medgrid:$PG_PASSWORD@127.0.0.1:$PG_PORT/postgres"
export MEDGRID_TEST_KAFKA_BROKERS="127.0.0.1:$OWN_BROKER_PORT"
export KAFKAJS_NO_PARTITIONER_WARNING=1
cd tests/e2e
"$MEDGRID_ROOT/node_modules/.bin/jest" -c jest.chaos.config.js
