#!/usr/bin/env bash
# Lists the events parked on a topic's dead-letter topic and, with --apply, sends them back to the topic:
#   scripts/redrive-dead-letters.sh --topic medgrid.referral.referral.v1 [--consumer payment] \
#     [--type <event type>] [--event-id <uuid>] [--from-offset <n> | --from-time <ISO time>] [--apply]
# A dry run unless --apply; --help explains the position it keeps and why a redrive is safe (the inbox).
# Brokers from MEDGRID_KAFKA_BROKERS (scripts/lib/kafka-env.sh); the command is @medgrid/messaging's
# dist/cli/redrive-dead-letters.js, built here when missing.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
# shellcheck disable=SC2034 # read by log()/die() in lib/common.sh
MEDGRID_LOG_TAG=redrive
# shellcheck source-path=SCRIPTDIR source=lib/common.sh
source "$here/lib/common.sh"
# shellcheck source-path=SCRIPTDIR source=lib/node.sh
source "$here/lib/node.sh"
medgrid_ensure_node
# shellcheck source-path=SCRIPTDIR source=lib/kafka-env.sh
source "$here/lib/kafka-env.sh"

cli="$MEDGRID_ROOT/libs/platform/messaging/dist/cli/redrive-dead-letters.js"
if [ ! -f "$cli" ]; then
  log "building @medgrid/messaging (no $cli yet)"
  (cd "$MEDGRID_ROOT" && npm run --silent -w @medgrid/messaging build) || die "building @medgrid/messaging failed"
fi
KAFKA_BROKERS="$MEDGRID_KAFKA_BROKERS" exec node "$cli" "$@"
