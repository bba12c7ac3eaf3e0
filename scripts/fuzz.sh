#!/usr/bin/env bash
# Hostile and malformed input against every RPC of every service, generated from the contracts' descriptors
# (tests/e2e/src/fuzz; docs/reliability.md, "Fuzzing every RPC"). Each service runs as a process on a fresh
# database, against a Kafka broker of the run's own (its topics start empty, so the services learn the fuzz city
# at once and the demo city is never touched), and every run prints its seed.
#
#   scripts/fuzz.sh                                  the full run: 1,000 cases per RPC, a new seed
#   scripts/fuzz.sh --cases 60 --seed 20261206       the short run scripts/test.sh makes
#   scripts/fuzz.sh --seed N --cases K --service referral --method CreateReferral   replays a failure
#   scripts/fuzz.sh --service registry,gateway      some services (several runs can share the machine)
#
# Needs PostgreSQL up (scripts/postgres.sh up), the services built, and Java for the broker (scripts/kafka.sh's jars).
# Leaves a running platform alone: ports, broker and databases of its own.
set -euo pipefail

# shellcheck disable=SC2034 # read by log()/die() in lib/common.sh
MEDGRID_LOG_TAG=fuzz
# shellcheck source-path=SCRIPTDIR source=lib/node.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/node.sh"
# shellcheck source-path=SCRIPTDIR source=lib/services.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/services.sh"
# shellcheck source-path=SCRIPTDIR source=lib/own-broker.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/own-broker.sh"

usage() { awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "${BASH_SOURCE[0]}" >&2; exit 2; }
FUZZ_CASES=1000
FUZZ_SEED=""
FUZZ_SERVICE=""
FUZZ_METHOD=""
while [ $# -gt 0 ]; do
  case "$1" in
    --cases) FUZZ_CASES="${2:?}"; shift 2 ;;
    --seed) FUZZ_SEED="${2:?}"; shift 2 ;;
    --service) FUZZ_SERVICE="${2:?}"; shift 2 ;;
    --method) FUZZ_METHOD="${2:?}"; shift 2 ;;
    *) usage ;;
  esac
done
[ -n "$FUZZ_SEED" ] || FUZZ_SEED=$(( $(od -An -N4 -tu4 /dev/urandom) % 2147483647 ))
export FUZZ_CASES FUZZ_SEED FUZZ_SERVICE FUZZ_METHOD

medgrid_require_built
[ -n "$MEDGRID_PG_PASSWORD" ] || die "no PostgreSQL password ($MEDGRID_PG_PASSWORD_FILE): bash scripts/postgres.sh up"

WORK="$(mktemp -d "${TMPDIR:-/tmp}/medgrid-fuzz.XXXXXX")"
cleanup() {
  medgrid_own_broker_down "$WORK"
  rm -rf "$WORK"
}
trap cleanup EXIT
medgrid_own_broker_up "$WORK" "the fuzz run"
log "seed $FUZZ_SEED, $FUZZ_CASES cases per RPC; a Kafka broker of its own on 127.0.0.1:$OWN_BROKER_PORT"

export MEDGRID_TEST_PG_URL="postgres://$MEDGRID_PG_USER:$MEDGRID_PG_PASSWORD@$MEDGRID_PG_HOST:$MEDGRID_PG_PORT/postgres"
export MEDGRID_TEST_KAFKA_BROKERS="127.0.0.1:$OWN_BROKER_PORT"
export KAFKAJS_NO_PARTITIONER_WARNING=1
cd tests/e2e
"$MEDGRID_ROOT/node_modules/.bin/jest" -c jest.fuzz.config.js
