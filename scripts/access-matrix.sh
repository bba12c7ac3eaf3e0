#!/usr/bin/env bash
# The access matrix (docs/access-matrix.md) walked against every service: each RPC as each caller (city operator,
# group administrator, hospital staff, primary staff, partner system, no token, an expired token, a token signed by
# another key) about each owner's resources (its own institution, its own group, another group), the answer checked
# against the table and the refusal or read checked in the answering service's audit log; then UPDATE and DELETE of
# audit rows tried on every service's database as the role it connects with (tests/e2e/src/access).
#
#   scripts/access-matrix.sh                          the whole table
#   scripts/access-matrix.sh --sample 300 --seed 7    300 cells picked with a seed (scripts/test.sh's subset)
#   scripts/access-matrix.sh --rpc ReferralService/   the rows whose RPC name contains the text
#
# Needs PostgreSQL up (scripts/postgres.sh up), the services built, and Java for the broker (scripts/kafka.sh's jars).
# Leaves a running platform alone: ports, broker and databases of its own.
set -euo pipefail

# shellcheck disable=SC2034 # read by log()/die() in lib/common.sh
MEDGRID_LOG_TAG=access
# shellcheck source-path=SCRIPTDIR source=lib/node.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/node.sh"
# shellcheck source-path=SCRIPTDIR source=lib/services.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/services.sh"
# shellcheck source-path=SCRIPTDIR source=lib/own-broker.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/own-broker.sh"

usage() { awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "${BASH_SOURCE[0]}" >&2; exit 2; }
ACCESS_SAMPLE=0
ACCESS_SEED=20261206
ACCESS_RPC=""
while [ $# -gt 0 ]; do
  case "$1" in
    --sample) ACCESS_SAMPLE="${2:?}"; shift 2 ;;
    --seed) ACCESS_SEED="${2:?}"; shift 2 ;;
    --rpc) ACCESS_RPC="${2:?}"; shift 2 ;;
    *) usage ;;
  esac
done
export ACCESS_SAMPLE ACCESS_SEED ACCESS_RPC

medgrid_require_built
[ -n "$MEDGRID_PG_PASSWORD" ] || die "no PostgreSQL password ($MEDGRID_PG_PASSWORD_FILE): bash scripts/postgres.sh up"

WORK="$(mktemp -d "${TMPDIR:-/tmp}/medgrid-access.XXXXXX")"
cleanup() {
  medgrid_own_broker_down "$WORK"
  rm -rf "$WORK"
}
trap cleanup EXIT
medgrid_own_broker_up "$WORK" "the access walk"
log "a Kafka broker of its own on 127.0.0.1:$OWN_BROKER_PORT"

export MEDGRID_TEST_PG_URL="postgres://$MEDGRID_PG_USER:$MEDGRID_PG_PASSWORD@$MEDGRID_PG_HOST:$MEDGRID_PG_PORT/postgres"
export MEDGRID_TEST_KAFKA_BROKERS="127.0.0.1:$OWN_BROKER_PORT"
export KAFKAJS_NO_PARTITIONER_WARNING=1
cd tests/e2e
"$MEDGRID_ROOT/node_modules/.bin/jest" -c jest.access.config.js
