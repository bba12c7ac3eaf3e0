# shellcheck shell=bash
# Sourced: exports the bootstrap address of the local MedGrid Kafka broker
# (as started by scripts/kafka.sh up). Changes no shell options.
#   MEDGRID_KAFKA_BROKERS=127.0.0.1:<MEDGRID_KAFKA_PORT, default 19092>
# shellcheck source-path=SCRIPTDIR source=common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

export MEDGRID_KAFKA_BROKERS="${MEDGRID_KAFKA_BROKERS:-127.0.0.1:$MEDGRID_KAFKA_PORT}"
