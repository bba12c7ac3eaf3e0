#!/usr/bin/env bash
# The deployment smoke test, without a cluster: renders the umbrella chart (deploy/helm/medgrid) for this
# machine's PostgreSQL and a Kafka broker of the test's own, then for each service runs the migration
# Job's command as rendered on an empty database (medgrid_smoke_<service>, dropped afterwards), starts
# the Deployment's container command as rendered with exactly the container's environment (Secrets made
# from .cache/secrets, volumes in a temporary directory: mount path prefixes rewritten, nothing else),
# and waits for the rendered readiness probe to answer 200, then stops it. Prints per service the
# migration time and the time to ready; on any failure, the service's output, and exits 1.
#
#   scripts/deploy-smoke.sh                         every service of deploy/helm/services.json
#   scripts/deploy-smoke.sh --only gateway,registry  some of them
#   MEDGRID_SMOKE_KEEP=1 scripts/deploy-smoke.sh     keep the temporary directory (each server.log) and say where
#
# Needs PostgreSQL up (scripts/postgres.sh up), the services built (services/<name>/dist) and Java for the
# broker (scripts/kafka.sh's jars, fetched once). Leaves a running platform alone: ports of its own, a
# broker of its own (see deploy/helm/tools/deploy-smoke.mjs for why), databases of its own, and the
# charts rendered from a copy, so a concurrent scripts/helm-check.sh keeps its charts/ folders.
set -euo pipefail

# shellcheck disable=SC2034 # read by log()/die() in lib/common.sh
MEDGRID_LOG_TAG=deploy-smoke
# shellcheck source-path=SCRIPTDIR source=lib/node.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/node.sh"
# shellcheck source-path=SCRIPTDIR source=lib/helm.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/helm.sh"
# shellcheck source-path=SCRIPTDIR source=lib/services.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/services.sh"
# shellcheck source-path=SCRIPTDIR source=lib/own-broker.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/own-broker.sh"

usage() { awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "${BASH_SOURCE[0]}" >&2; exit 2; }
args=()
case "${1:-}" in
  "") ;;
  --only) [ -n "${2:-}" ] || usage; args=(--only "$2") ;;
  *) usage ;;
esac

medgrid_require_built
[ -f libs/platform/messaging/dist/cli/ensure-topics.js ] || die "libs/platform/messaging is not built"
[ -n "$MEDGRID_PG_PASSWORD" ] || die "no PostgreSQL password ($MEDGRID_PG_PASSWORD_FILE): bash scripts/postgres.sh up"
medgrid_ensure_dev_keys
export MEDGRID_ISSUER_PUBLIC_KEY MEDGRID_ISSUER_PRIVATE_KEY
medgrid_ensure_helm

WORK="$(mktemp -d "${TMPDIR:-/tmp}/medgrid-deploy-smoke.XXXXXX")"
cleanup() {
  # The broker of the test's own, if the test could not stop it (interrupted): by its pid file, never by name.
  medgrid_own_broker_down "$WORK"
  if [ -n "${MEDGRID_SMOKE_KEEP:-}" ]; then log "kept $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
# The charts from a copy: helm dependency build rewrites each chart's charts/ folder.
mkdir -p "$WORK/helm"
(cd deploy/helm && tar --exclude='./*/charts' --exclude='./*/Chart.lock' -cf - .) | (cd "$WORK/helm" && tar -xf -)
medgrid_helm_dependencies "$WORK/helm"

node deploy/helm/tools/deploy-smoke.mjs --charts "$WORK/helm" --helm "$MEDGRID_HELM" \
  --kube-version "$MEDGRID_KUBE_VERSION" --work "$WORK" "${args[@]}"
